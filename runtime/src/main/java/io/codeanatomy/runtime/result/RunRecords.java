package io.codeanatomy.runtime.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.codeanatomy.api.canonical.CanonicalJson;
import io.codeanatomy.api.plan.PlanBundle;
import io.codeanatomy.api.plan.PlanDag;
import io.codeanatomy.api.plan.PlanEdge;
import io.codeanatomy.api.plan.PlanNode;
import io.codeanatomy.api.plan.RuleFiring;
import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.api.result.RunResult;
import io.codeanatomy.api.result.SessionEnvelope;
import io.codeanatomy.api.result.Timing;
import io.codeanatomy.runtime.exec.FixpointRun;
import io.codeanatomy.runtime.exec.FixpointRuns;
import io.codeanatomy.runtime.exec.OperatorMetrics;
import io.codeanatomy.runtime.exec.SpoolMetrics;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.spi.extract.ExtractionSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the records of a run into {@code runs/<run-id>/}: {@value #RUN_RESULT},
 * {@value #PLAN_BUNDLE} and {@value #ENVELOPE}. JSON keys are sorted at every level and lists keep
 * their meaningful order, so equal runs give equal files apart from the run id and the fields
 * under {@code timings}, the only place that holds clock readings. Files are written to a temporary
 * name and renamed, so a reader never sees half a record.
 */
public final class RunRecords {
    public static final String RUN_RESULT = "run-result.json";
    public static final String PLAN_BUNDLE = "plan-bundle.json";
    public static final String ENVELOPE = "session-envelope.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RunRecords() {
    }

    /**
     * The run result as a JSON tree.
     *
     * @param extraction what the extraction did, when it ran
     * @param peakArrowBytes the peak of the session's Arrow allocator, which the tuner holds against the memory budget
     */
    public static SortedMap<String, Object> tree(RunResult result, Optional<ExtractionSummary> extraction, Instant started, Instant finished,
            long peakArrowBytes) {
        requireNonNull(result, "result is null");
        SortedMap<String, Object> tree = new TreeMap<>();
        tree.put("runId", result.runId());
        tree.put("status", result.status().name());
        result.failure().ifPresent(failure -> tree.put("failure", failure));
        tree.put("specHash", result.specHash());
        tree.put("envelopeHash", result.envelopeHash());
        tree.put("planBundle", result.planBundleRef());
        List<Object> outputs = new ArrayList<>();
        for (OutputResult output : result.outputs()) {
            SortedMap<String, Object> o = new TreeMap<>();
            o.put("name", output.name());
            o.put("path", output.path());
            o.put("rowCount", output.rowCount());
            o.put("deltaVersion", output.deltaVersion());
            outputs.add(o);
        }
        tree.put("outputs", outputs);
        extraction.ifPresent(summary -> {
            SortedMap<String, Object> e = new TreeMap<>();
            e.put("files", summary.files());
            e.put("bytes", summary.bytes());
            e.put("problems", summary.problems());
            e.put("rowsByTable", new TreeMap<>(summary.rowsByTable()));
            tree.put("extraction", e);
        });
        SortedMap<String, Object> timings = new TreeMap<>();
        timings.put("startedAt", started.toString());
        timings.put("finishedAt", finished.toString());
        timings.put("totalMillis", result.totalMillis());
        List<Object> phases = new ArrayList<>();
        for (Timing timing : result.timings()) {
            SortedMap<String, Object> phase = new TreeMap<>(Map.of("phase", timing.phase(), "millis", timing.millis()));
            timing.cpuMillis().ifPresent(cpu -> phase.put("cpuMillis", cpu));
            phases.add(phase);
        }
        timings.put("phases", phases);
        // Memory peaks vary between equal runs like clock readings do, so they live here too.
        timings.putAll(ProcessMemory.peaks());
        timings.put("peakArrowBytes", peakArrowBytes);
        timings.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        tree.put("timings", timings);
        return tree;
    }

    /**
     * The run's plan DAG as a JSON tree: {@code dagHash} and {@code p1Hash}, the nodes in execution
     * order, each with its id, kind, name, the spools it reads, its plans and hashes and its rule
     * trace, and the spool-to-reader edges.
     */
    public static SortedMap<String, Object> tree(PlanDag dag) {
        requireNonNull(dag, "dag is null");
        SortedMap<String, Object> tree = new TreeMap<>();
        tree.put("dagHash", dag.hash());
        tree.put("p1Hash", dag.p1Hash());
        List<Object> nodes = new ArrayList<>();
        for (PlanNode node : dag.nodes()) {
            PlanBundle bundle = node.plans();
            SortedMap<String, Object> b = new TreeMap<>();
            b.put("id", node.id());
            b.put("kind", node.kind().name());
            b.put("name", node.name());
            b.put("reads", node.reads());
            b.put("p0", bundle.p0());
            b.put("p0Hash", bundle.p0Hash());
            b.put("p1", bundle.p1());
            b.put("p1Hash", bundle.p1Hash());
            b.put("p2", bundle.p2());
            b.put("p2Hash", bundle.p2Hash());
            b.put("bundleHash", bundle.hash());
            List<Object> trace = new ArrayList<>();
            for (RuleFiring firing : bundle.ruleTrace()) {
                trace.add(new TreeMap<>(Map.of("ruleId", firing.ruleId(), "phase", firing.phase().name(), "planHashAfter", firing.planHashAfter())));
            }
            b.put("ruleTrace", trace);
            nodes.add(b);
        }
        tree.put("nodes", nodes);
        List<Object> edges = new ArrayList<>();
        for (PlanEdge edge : dag.edges()) {
            edges.add(new TreeMap<>(Map.of("spool", edge.spool(), "reader", edge.reader())));
        }
        tree.put("edges", edges);
        return tree;
    }

    /**
     * Per spool of the run: its view, rows, computations (1 when shared work ran once), scans, and
     * the wall and CPU milliseconds of its computation.
     */
    public static List<Object> tree(List<SpoolMetrics> spools) {
        List<Object> tree = new ArrayList<>();
        for (SpoolMetrics spool : spools) {
            tree.add(new TreeMap<>(Map.of("view", spool.view(), "rows", spool.rows(),
                    "computations", spool.computations(), "scans", spool.scans(), "millis", spool.millis(), "cpuMillis", spool.cpuMillis())));
        }
        return tree;
    }

    /**
     * Per recursive query that ran, by plan name (sorted), then in plan order: its name, bound,
     * rounds, rows per round (the seed's first), new rows and milliseconds per round where the
     * operator measures them (semi-naive fixpoints), and whether the bound stopped it.
     */
    public static List<Object> fixpoints(SortedMap<String, PlannedQuery> plans) {
        List<Object> tree = new ArrayList<>();
        plans.forEach((plan, query) -> {
            for (FixpointRun run : FixpointRuns.of(query.physical())) {
                if (run.rowsPerRound().isEmpty()) {
                    continue;
                }
                SortedMap<String, Object> b = new TreeMap<>();
                b.put("plan", plan);
                b.put("fixpoint", run.table());
                b.put("maxIterations", run.maxIterations());
                b.put("iterations", run.iterations());
                b.put("reachedBound", run.reachedBound());
                b.put("rowsPerRound", run.rowsPerRound());
                b.put("newRowsPerRound", run.newRowsPerRound());
                b.put("millisPerRound", run.nanosPerRound().stream().map(nanos -> nanos / 1_000_000).toList());
                if (!run.droppedRowsPerRound().isEmpty()) {
                    b.put("droppedRowsPerRound", run.droppedRowsPerRound());
                    b.put("fullGroups", run.fullGroups());
                }
                if (!run.rowsPerBranch().isEmpty()) {
                    List<Object> branches = new ArrayList<>();
                    for (int i = 0; i < run.rowsPerBranch().size(); i++) {
                        SortedMap<String, Object> branch = new TreeMap<>();
                        branch.put("branch", i);
                        branch.put("cpuMillis", run.cpuNanosPerBranch().get(i) / 1_000_000);
                        branch.put("rows", run.rowsPerBranch().get(i));
                        branches.add(branch);
                    }
                    b.put("branches", branches);
                }
                tree.add(b);
            }
        });
        return tree;
    }

    /**
     * Per operator of each executed plan (outputs by name, spools as {@code spool.<view>}): its path
     * in the plan tree, Calcite's operator name, rows out, and milliseconds with and without its
     * inputs. Rows are deterministic; times are not (a determinism check leaves them out).
     */
    public static List<Object> operators(List<OperatorMetrics> metrics) {
        // An operator's rows in are the rows its inputs gave it: the operators one level below it in the same plan.
        Map<String, Long> rowsIn = new HashMap<>();
        for (OperatorMetrics operator : metrics) {
            int dot = operator.path().lastIndexOf('.');
            if (dot > 0) {
                rowsIn.merge(operator.plan() + "\n" + operator.path().substring(0, dot), operator.rowsOut(), Long::sum);
            }
        }
        List<Object> tree = new ArrayList<>();
        for (OperatorMetrics operator : metrics) {
            SortedMap<String, Object> b = new TreeMap<>();
            b.put("plan", operator.plan());
            b.put("path", operator.path());
            b.put("operator", operator.operator());
            Long in = rowsIn.get(operator.plan() + "\n" + operator.path());
            if (in != null) {
                b.put("rowsIn", in);
            }
            b.put("rowsOut", operator.rowsOut());
            b.put("millis", operator.inclusiveNanos() / 1_000_000);
            b.put("selfMillis", operator.selfNanos() / 1_000_000);
            tree.add(b);
        }
        return tree;
    }

    /** Writes {@code tree} as pretty JSON to {@code file}, atomically. */
    public static void write(Object tree, Path file) {
        try {
            write(JSON.writeValueAsString(tree) + "\n", file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + file.getFileName(), e);
        }
    }

    /**
     * Writes the envelope's record: its hash, the hashed tree, and the facts recorded outside the
     * hash (workers); the hashed tree's canonical JSON is the exact text its hash is taken over.
     */
    public static void write(SessionEnvelope envelope, Path file) {
        write(envelope, Optional.empty(), file);
    }

    /**
     * Same, with the tuner's record of the run under {@code tuning} beside the unhashed facts: how
     * the run's settings came about changes how fast it ran, never what it computed.
     */
    public static void write(SessionEnvelope envelope, Optional<? extends Map<String, Object>> tuning, Path file) {
        Map<String, Object> tree = new LinkedHashMap<>(envelope.recordTree());
        tuning.ifPresent(t -> tree.put("tuning", t));
        write(CanonicalJson.write(tree) + "\n", file);
    }

    private static void write(String text, Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
