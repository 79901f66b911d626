package io.codeanatomy.runtime.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two recorded runs, the seed's regression detection: <em>identical</em> when envelope and
 * every P1 agree; an <em>expected change</em> when the envelope differs (config, rules, plugins or
 * versions, input tables, spec), naming the keys that did; an <em>unexpected regression</em> when a
 * P1 changed although the envelope did not, with a unified diff of P1 and the first step of the
 * rule trace whose plan differs. P2 may differ between machines and is not judged.
 *
 * @param verdict the classification
 * @param changedKeys envelope keys that differ ({@code config.planner.disabled_rules},
 *     {@code rules.calcite.UNION_MERGE.enabled}, {@code plugins}...), sorted
 * @param changedPlans planned units (outputs) whose P1 differs, with their P1 diff
 * @param firstDivergence per changed unit, the first trace step whose plan differs, described
 */
public record RunDiff(Verdict verdict, List<String> changedKeys, SortedMap<String, String> changedPlans,
        SortedMap<String, String> firstDivergence) {

    /** The three outcomes and the exit codes {@code codeanatomy diff} gives them. */
    public enum Verdict {
        IDENTICAL(0),
        EXPECTED_CHANGE(1),
        UNEXPECTED_REGRESSION(3);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunDiff {
        requireNonNull(verdict, "verdict is null");
        changedKeys = List.copyOf(changedKeys);
        changedPlans = new TreeMap<>(changedPlans);
        firstDivergence = new TreeMap<>(firstDivergence);
    }

    /** Whether {@code directory} holds a run's envelope and plan bundle. */
    public static boolean isRun(Path directory) {
        return Files.isRegularFile(directory.resolve(RunRecords.ENVELOPE))
                && Files.isRegularFile(directory.resolve(PlanBundleFiles.DIRECTORY).resolve(PlanBundleFiles.BUNDLE));
    }

    /**
     * @throws IllegalArgumentException naming the directory, if one is not a run with a plan bundle
     */
    public static RunDiff compare(Path runA, Path runB) {
        JsonNode envelopeA = read(runA, runA.resolve(RunRecords.ENVELOPE));
        JsonNode envelopeB = read(runB, runB.resolve(RunRecords.ENVELOPE));
        JsonNode plansA = read(runA, runA.resolve(PlanBundleFiles.DIRECTORY).resolve(PlanBundleFiles.BUNDLE)).path("plans");
        JsonNode plansB = read(runB, runB.resolve(PlanBundleFiles.DIRECTORY).resolve(PlanBundleFiles.BUNDLE)).path("plans");
        SortedMap<String, String> flatA = new TreeMap<>();
        SortedMap<String, String> flatB = new TreeMap<>();
        flatten("", envelopeA.path("hashed"), flatA);
        flatten("", envelopeB.path("hashed"), flatB);
        TreeSet<String> changedKeys = new TreeSet<>();
        for (String key : union(flatA.keySet(), flatB.keySet())) {
            if (!flatA.getOrDefault(key, "<absent>").equals(flatB.getOrDefault(key, "<absent>"))) {
                changedKeys.add(key);
            }
        }
        SortedMap<String, String> changedPlans = new TreeMap<>();
        SortedMap<String, String> divergence = new TreeMap<>();
        for (String unit : union(names(plansA), names(plansB))) {
            JsonNode a = plansA.path(unit);
            JsonNode b = plansB.path(unit);
            if (a.path("p1Hash").asText().equals(b.path("p1Hash").asText())) {
                continue;
            }
            String p1a = text(runA, unit);
            String p1b = text(runB, unit);
            changedPlans.put(unit, UnifiedDiff.of(runA.resolve(PlanBundleFiles.DIRECTORY).resolve(unit).resolve(PlanBundleFiles.P1).toString(), p1a,
                    runB.resolve(PlanBundleFiles.DIRECTORY).resolve(unit).resolve(PlanBundleFiles.P1).toString(), p1b));
            firstDivergence(a.path("trace"), b.path("trace")).ifPresent(step -> divergence.put(unit, step));
        }
        boolean sameEnvelope = envelopeA.path("envelopeHash").asText().equals(envelopeB.path("envelopeHash").asText());
        Verdict verdict = !sameEnvelope ? Verdict.EXPECTED_CHANGE
                : changedPlans.isEmpty() ? Verdict.IDENTICAL : Verdict.UNEXPECTED_REGRESSION;
        return new RunDiff(verdict, List.copyOf(changedKeys), changedPlans, divergence);
    }

    /** The report {@code codeanatomy diff} prints. */
    public void print(PrintWriter out) {
        switch (verdict) {
            case IDENTICAL -> out.println("identical: same envelope, same P1");
            case EXPECTED_CHANGE -> {
                out.println("expected change: the session envelope differs in " + String.join(", ", changedKeys)
                        + (changedPlans.isEmpty() ? "; P1 is the same" : "; P1 changed in " + String.join(", ", changedPlans.keySet())));
            }
            case UNEXPECTED_REGRESSION -> out.println("unexpected regression: P1 changed in " + String.join(", ", changedPlans.keySet())
                    + " while nothing in the session envelope did");
        }
        if (verdict == Verdict.UNEXPECTED_REGRESSION) {
            firstDivergence.forEach((unit, step) -> out.println("  " + unit + ": first differing rule " + step));
            changedPlans.values().forEach(out::print);
        }
        out.flush();
    }

    /** The first step, by position, whose rule or resulting plan differs between the traces. */
    private static Optional<String> firstDivergence(JsonNode a, JsonNode b) {
        int steps = Math.max(a.size(), b.size());
        for (int i = 0; i < steps; i++) {
            JsonNode stepA = a.path(i);
            JsonNode stepB = b.path(i);
            if (stepA.path("ruleId").equals(stepB.path("ruleId")) && stepA.path("planHashAfter").equals(stepB.path("planHashAfter"))) {
                continue;
            }
            String ruleB = stepB.isMissingNode() ? "(none)" : stepB.path("ruleId").asText();
            String ruleA = stepA.isMissingNode() ? "(none)" : stepA.path("ruleId").asText();
            return Optional.of(ruleB.equals(ruleA)
                    ? ruleB + " (step " + (i + 1) + ": same rule, different plan after it)"
                    : ruleB + " (step " + (i + 1) + "; the other run had " + ruleA + ")");
        }
        return Optional.empty();
    }

    /**
     * Dotted keys to leaf values. Lists of objects with an {@code id} or {@code name} are keyed by
     * it, so a rule or table reads as {@code rules.calcite.UNION_MERGE.enabled}; other lists are
     * one value.
     */
    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()
                && (node.get(0).has("id") || node.get(0).has("name"))) {
            for (JsonNode element : node) {
                String key = element.has("id") ? element.get("id").asText() : element.get("name").asText();
                flatten(prefix + "." + key, element, into);
            }
        } else {
            into.put(prefix, node.toString());
        }
    }

    private static List<String> names(JsonNode plans) {
        List<String> names = new ArrayList<>();
        plans.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static TreeSet<String> union(Iterable<String> a, Iterable<String> b) {
        TreeSet<String> all = new TreeSet<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    private static String text(Path run, String unit) {
        Path file = run.resolve(PlanBundleFiles.DIRECTORY).resolve(unit).resolve(PlanBundleFiles.P1);
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode read(Path run, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(run + " is not a run directory with a plan bundle (no " + run.relativize(file)
                    + "); give OUT/runs/<run-id> of a build or plan.");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " as JSON; the run record is damaged.", e);
        }
    }
}
