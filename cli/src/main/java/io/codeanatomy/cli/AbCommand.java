package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.api.result.RunResult;
import io.codeanatomy.api.result.Timing;
import io.codeanatomy.runtime.exec.OperatorMetrics;
import io.codeanatomy.runtime.pipeline.BuildFailedException;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.result.OutputComparison;
import io.codeanatomy.runtime.result.RunDiff;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code codeanatomy ab}: builds SRC with and without some optimizer rules and reports what the
 * rules change: the P1 difference, each side's wall time and phases, its slowest operators (rows and
 * own time of every operator are in each side's run-result.json), and whether the outputs are
 * identical row by row. Exit 0 when they are, 1 when they differ.
 */
@Command(
        name = "ab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Builds SRC twice, into OUT/with and OUT/without, with the given rules and without them.",
            "Prints the plan (P1) difference, both sides' times, and whether every output is identical row by row. Exit 1 when outputs differ."
        })
public final class AbCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SRC", description = "Directory holding the Python code.")
    private Path source;

    @Option(names = "--rule", paramLabel = "ID", required = true, description = "A rule to compare with and without (repeatable).")
    private List<String> rules = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "codeanatomy-ab",
            description = "Directory for both builds, OUT/with and OUT/without (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private RunOptions run;

    @Mixin
    private TextOrJsonOption format;

    @Override
    public Integer call() {
        boolean json = format.json();
        SessionConfig base = run.config(source);
        Set<String> tested = new TreeSet<>(rules);
        Set<String> disabled = new TreeSet<>(base.effectiveDisabledRules());
        if (disabled.stream().anyMatch(tested::contains)) {
            throw new UserError("--rule " + String.join(", ", tested) + " must be on for the 'with' side; do not also disable it.", 2);
        }
        Set<String> enabled = new TreeSet<>(base.enabledRules());
        enabled.addAll(tested);
        SessionConfig with = base.withEnabledRules(enabled);
        disabled.addAll(tested);
        SessionConfig without = base.withDisabledRules(disabled).withEnabledRules(Set.of());
        Side a = build("with", with);
        Side b = build("without", without);
        RunDiff diff = RunDiff.compare(a.outcome.runDirectory(), b.outcome.runDirectory());
        SortedMap<String, Long> differing;
        try (Session session = Session.open(SessionConfig.defaults())) {
            differing = OutputComparison.compare(session, out.resolve("with"), out.resolve("without"), a.outcome.result().outputs());
        }
        Comparison comparison = new Comparison(tested, diff, a, b, differing);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            JsonDocument.print(stdout, comparison::json);
        } else {
            comparison.text(stdout);
        }
        stdout.flush();
        return comparison.identical() ? 0 : 1;
    }

    private Side build(String name, SessionConfig config) {
        long start = System.nanoTime();
        try {
            BuildOutcome outcome = new BuildPipeline(config).run(source, out.resolve(name), run.includes, run.excludes, BuildListener.NONE);
            return new Side(name, outcome, (System.nanoTime() - start) / 1_000_000);
        } catch (InvalidInputException | PluginException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (BuildFailedException e) {
            throw new UserError("the '" + name + "' build failed: " + e.getMessage() + e.recordNote(), 1);
        }
    }

    /**
     * What the two builds show: the tested rules, the plan difference, both sides, and per output the
     * rows found in one side only.
     */
    private record Comparison(Set<String> rules, RunDiff plans, Side with, Side without, SortedMap<String, Long> differing) {
        boolean identical() {
            return differing.values().stream().allMatch(count -> count == 0);
        }

        void text(PrintWriter stdout) {
            stdout.println("plan: " + (plans.changedPlans().isEmpty() ? "P1 is the same without " + String.join(", ", rules)
                    : "P1 differs in " + String.join(", ", plans.changedPlans().keySet())));
            plans.changedPlans().values().forEach(stdout::print);
            with.print(stdout);
            without.print(stdout);
            differing.forEach((name, count) -> {
                if (count != 0) {
                    stdout.printf(Locale.ROOT, "  %s: %,d rows in one side only%n", name, count);
                }
            });
            stdout.println(identical() ? "outputs: identical row by row (" + differing.size() + " tables)"
                    : "outputs: DIFFER in " + differing.entrySet().stream().filter(e -> e.getValue() != 0).map(e -> e.getKey()).toList());
        }

        /**
         * {@code {"rules", "changedPlans", "sides": [with, without], "ratios": {"wall", "phases"}, "outputs"}};
         * a ratio is the 'with' side's time over the 'without' side's (null when that is 0).
         */
        void json(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeArrayFieldStart("rules");
            for (String rule : rules) {
                json.writeString(rule);
            }
            json.writeEndArray();
            RunDiffJson.changedPlans(plans, json);
            json.writeArrayFieldStart("sides");
            with.json(json);
            without.json(json);
            json.writeEndArray();
            ratios(json);
            outputs(json);
            json.writeEndObject();
        }

        /** {@code "ratios": {"wall", "phases": [{"phase", "ratio"}]}}, the phases both sides ran, in the order they ran. */
        private void ratios(JsonGenerator json) throws IOException {
            json.writeObjectFieldStart("ratios");
            ratio(json, "wall", with.wallMillis, without.wallMillis);
            json.writeArrayFieldStart("phases");
            for (Timing timing : with.outcome.result().timings()) {
                Optional<Timing> other = without.outcome.result().timings().stream().filter(t -> t.phase().equals(timing.phase())).findFirst();
                if (other.isPresent()) {
                    json.writeStartObject();
                    json.writeStringField("phase", timing.phase());
                    ratio(json, "ratio", timing.millis(), other.get().millis());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        /** {@code "outputs": {"identical", "tables", "differing": [{"name", "rowsInOneSideOnly"}]}}. */
        private void outputs(JsonGenerator json) throws IOException {
            json.writeObjectFieldStart("outputs");
            json.writeBooleanField("identical", identical());
            json.writeNumberField("tables", differing.size());
            json.writeArrayFieldStart("differing");
            for (Map.Entry<String, Long> output : differing.entrySet()) {
                if (output.getValue() != 0) {
                    json.writeStartObject();
                    json.writeStringField("name", output.getKey());
                    json.writeNumberField("rowsInOneSideOnly", output.getValue());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        /** {@code with / without} to three decimals, or null when {@code without} is 0. */
        private static void ratio(JsonGenerator json, String field, long with, long without) throws IOException {
            if (without == 0) {
                json.writeNullField(field);
            } else {
                json.writeNumberField(field, Math.round(1000.0 * with / without) / 1000.0);
            }
        }
    }

    /** One build of the comparison. */
    private record Side(String name, BuildOutcome outcome, long wallMillis) {
        private static final int TOP_OPERATORS = 10;

        /** Its slowest operators by own time, at most {@value #TOP_OPERATORS}; ties by plan and path. */
        List<OperatorMetrics> slowest() {
            List<OperatorMetrics> operators = new ArrayList<>(outcome.operators());
            operators.sort(Comparator.comparingLong(OperatorMetrics::selfNanos).reversed()
                    .thenComparing(OperatorMetrics::plan).thenComparing(OperatorMetrics::path));
            return operators.subList(0, Math.min(TOP_OPERATORS, operators.size()));
        }

        /**
         * {@code {"name", "wallMillis", "phases": [{"phase", "millis"}], "outputs": [{"name", "rows"}],
         * "operatorsMetered", "slowestOperators": [{"plan", "path", "operator", "rows", "selfNanos"}]}}.
         */
        void json(JsonGenerator json) throws IOException {
            RunResult result = outcome.result();
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeNumberField("wallMillis", wallMillis);
            BuildSummary.phases(result.timings(), json);
            json.writeArrayFieldStart("outputs");
            for (OutputResult output : result.outputs()) {
                json.writeStartObject();
                json.writeStringField("name", output.name());
                json.writeNumberField("rows", output.rowCount());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("operatorsMetered", outcome.operators().size());
            json.writeArrayFieldStart("slowestOperators");
            for (OperatorMetrics operator : slowest()) {
                json.writeStartObject();
                json.writeStringField("plan", operator.plan());
                json.writeStringField("path", operator.path());
                json.writeStringField("operator", operator.operator());
                json.writeNumberField("rows", operator.rowsOut());
                json.writeNumberField("selfNanos", operator.selfNanos());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        void print(PrintWriter out) {
            RunResult result = outcome.result();
            List<String> phases = new ArrayList<>();
            for (Timing timing : result.timings()) {
                phases.add(String.format(Locale.ROOT, "%s %.2f s", timing.phase(), timing.millis() / 1000.0));
            }
            out.printf(Locale.ROOT, "%-7s  wall %.2f s  (%s)%n", name, wallMillis / 1000.0, String.join(", ", phases));
            for (OutputResult output : result.outputs()) {
                out.printf(Locale.ROOT, "         %-24s %,12d rows%n", output.name(), output.rowCount());
            }
            out.printf(Locale.ROOT, "         operators by own time (%d metered; all in run-result.json):%n", outcome.operators().size());
            for (OperatorMetrics operator : slowest()) {
                out.printf(Locale.ROOT, "         %9.2f s  %,12d rows  %s %s %s%n", operator.selfNanos() / 1e9,
                        operator.rowsOut(), operator.plan(), operator.path(), operator.operator());
            }
        }
    }
}
