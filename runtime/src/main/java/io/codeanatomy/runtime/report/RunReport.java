package io.codeanatomy.runtime.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.runtime.result.RunRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code runs/<run-id>/report.html}: one self-contained page (inline CSS, SVG and a few lines of
 * script; nothing fetched when it is viewed) that shows what a run did, drawn from the run's
 * records alone ({@code run-result.json}, {@code plan-bundle.json}, {@code session-envelope.json},
 * {@code plan/<plan>/trace.txt}), so it can be drawn again for any recorded run: inputs, outputs
 * with rows, time per phase, peak memory, the plan DAG with each plan's rows and time (the
 * hottest highlighted), each plan's operator tree, the rule-by-rule changes, the session
 * envelope, and the problems found in the sources.
 */
public final class RunReport {
    public static final String REPORT = "report.html";
    /** The fill of the slowest plan's box in the plan picture, and of nothing else the page shows open. */
    public static final String HOTTEST_FILL = Html.HOTTEST;

    /** A step's diff longer than this is cut; the whole trace stays in {@code plan/<plan>/trace.txt}. */
    private static final int MAX_DIFF_LINES = 80;
    /** Rows of the per-file tables shown; the run record keeps them all. */
    private static final int MAX_ROWS = 200;
    private static final Pattern SCANNED_TABLE = Pattern.compile("table=\\[\\[([^\\],]+)\\]\\]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path runDirectory;
    private final JsonNode result;
    private final JsonNode bundle;
    private final JsonNode envelope;
    private final StringBuilder html = new StringBuilder(1 << 16);

    private RunReport(Path runDirectory) {
        this.runDirectory = runDirectory;
        this.result = read(runDirectory.resolve(RunRecords.RUN_RESULT)).orElseThrow(() -> new IllegalArgumentException(
                runDirectory + " is not a run directory (it has no " + RunRecords.RUN_RESULT + "); give OUT/runs/<run-id>."));
        this.bundle = read(runDirectory.resolve(RunRecords.PLAN_BUNDLE)).orElse(JSON.createObjectNode());
        this.envelope = read(runDirectory.resolve(RunRecords.ENVELOPE)).orElse(JSON.createObjectNode());
    }

    /**
     * Draws the report of the run recorded in {@code runDirectory} into its {@value #REPORT}
     * (written to a temporary name and renamed, so a viewer never sees half a page).
     *
     * @return the report's path
     * @throws IllegalArgumentException if {@code runDirectory} holds no run record
     */
    public static Path write(Path runDirectory) {
        requireNonNull(runDirectory, "runDirectory is null");
        String page = new RunReport(runDirectory).render();
        Path target = runDirectory.resolve(REPORT);
        Path temporary = runDirectory.resolve(REPORT + ".tmp");
        try {
            Files.writeString(temporary, page, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report " + target, e);
        }
        return target;
    }

    private static Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run record " + file, e);
        }
    }

    private String render() {
        String runId = result.path("runId").asText("?");
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>CodeAnatomy run ").append(Html.escape(runId)).append("</title>\n<style>").append(STYLE).append("</style></head>\n")
                .append("<body data-errors=\"0\" data-run=\"").append(Html.escape(runId)).append("\">\n");
        header(runId);
        List<Fragment> fragments = fragments();
        summary(fragments);
        phases();
        plan(fragments);
        hotOperators(fragments);
        apartPlans(fragments);
        outputs();
        inputs();
        problems();
        fragmentDetails(fragments);
        envelopeSection();
        html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private void header(String runId) {
        String status = result.path("status").asText("?");
        html.append("<header><h1>Run <code>").append(Html.escape(runId)).append("</code> <span class=\"status ")
                .append(status.equals("SUCCEEDED") ? "ok" : "failed").append("\">").append(Html.escape(status)).append("</span></h1>");
        if (result.hasNonNull("failure")) {
            html.append("<p class=\"failure\">").append(Html.escape(result.get("failure").asText())).append("</p>");
        }
        html.append("<p class=\"hashes\">spec <code>").append(Html.escape(shortHash(result.path("specHash").asText(""))))
                .append("</code> \u00b7 envelope <code>").append(Html.escape(shortHash(result.path("envelopeHash").asText(""))))
                .append("</code> \u00b7 plan DAG <code>").append(Html.escape(shortHash(bundle.path("dagHash").asText(""))))
                .append("</code></p>\n<nav>");
        for (String section : List.of("summary", "phases", "plan", "hot", "outputs", "inputs", "problems", "fragments", "envelope")) {
            html.append("<a href=\"#").append(section).append("\">").append(section).append("</a> ");
        }
        html.append("</nav></header>\n");
    }

    private static String shortHash(String hash) {
        return hash.length() > 16 ? hash.substring(0, 16) : hash;
    }

    private void summary(List<Fragment> fragments) {
        JsonNode timings = result.path("timings");
        JsonNode extraction = result.path("extraction");
        long outputRows = 0;
        for (JsonNode output : result.path("outputs")) {
            if (!output.path("path").asText().startsWith("extract/")) {
                outputRows += output.path("rowCount").asLong();
            }
        }
        html.append("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">");
        card("total time", Html.millis(timings.path("totalMillis").asLong()));
        card("source files", Html.count(extraction.path("files").asLong()));
        card("source bytes", Html.bytes(extraction.path("bytes").asLong()));
        card("files with problems", Html.count(extraction.path("problems").asLong()));
        card("CPG rows written", Html.count(outputRows));
        card("plans run", Html.count(fragments.size()));
        if (timings.has("peakRssBytes")) {
            card("peak RSS", Html.bytes(timings.get("peakRssBytes").asLong()));
        }
        if (timings.has("peakHeapBytes")) {
            card("peak heap", Html.bytes(timings.get("peakHeapBytes").asLong()));
        }
        html.append("</div></section>\n");
    }

    private void card(String label, String value) {
        html.append("<div class=\"card\"><div class=\"value\">").append(Html.escape(value)).append("</div><div class=\"label\">")
                .append(Html.escape(label)).append("</div></div>");
    }

    private void phases() {
        JsonNode phases = result.path("timings").path("phases");
        long total = 0;
        for (JsonNode phase : phases) {
            total += phase.path("millis").asLong();
        }
        html.append("<section id=\"phases\"><h2>Time per phase</h2>");
        html.append("<svg class=\"phases\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 34\" width=\"100%\" height=\"34\" preserveAspectRatio=\"none\">");
        double x = 0;
        // Never Html.HOTTEST: the browser test finds the hottest plan's box by that colour.
        String[] colours = {"#1a73e8", "#12b5cb", "#e8710a", "#f9ab00", "#e52592", "#9334e6", "#188038", "#5f6368"};
        int i = 0;
        for (JsonNode phase : phases) {
            double w = total == 0 ? 0 : 1000.0 * phase.path("millis").asLong() / total;
            html.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"34\" fill=\"%s\"><title>%s: %s</title></rect>",
                    x, w, colours[i++ % colours.length], Html.escape(phase.path("phase").asText()), Html.millis(phase.path("millis").asLong())));
            x += w;
        }
        html.append("</svg><table><tr><th>phase</th><th class=\"n\">time</th><th class=\"n\">share</th></tr>");
        for (JsonNode phase : phases) {
            long millis = phase.path("millis").asLong();
            html.append("<tr><td>").append(Html.escape(phase.path("phase").asText())).append("</td><td class=\"n\">").append(Html.millis(millis))
                    .append("</td><td class=\"n\">").append(Html.percent(total == 0 ? 0 : (double) millis / total)).append("</td></tr>");
        }
        html.append("</table></section>\n");
    }

    /** A plan of the DAG with what the run measured of it. */
    private record Fragment(String key, String id, String name, String kind, List<String> reads, List<String> tables,
            Optional<OperatorTree.Operator> tree, long millis, long rowsOut, JsonNode node) {
    }

    private List<Fragment> fragments() {
        Map<String, Map<String, OperatorTree.Metrics>> metrics = new HashMap<>();
        for (JsonNode operator : result.path("operators")) {
            metrics.computeIfAbsent(operator.path("plan").asText(), k -> new HashMap<>()).put(operator.path("path").asText(),
                    new OperatorTree.Metrics(operator.path("rowsOut").asLong(), operator.path("millis").asLong(), operator.path("selfMillis").asLong()));
        }
        List<Fragment> fragments = new ArrayList<>();
        for (JsonNode node : bundle.path("nodes")) {
            String kind = node.path("kind").asText();
            String name = node.path("name").asText();
            String key = kind.equals("SPOOL") ? "spool." + name : name;
            List<String> reads = new ArrayList<>();
            node.path("reads").forEach(read -> reads.add(read.asText()));
            String p2 = node.path("p2").asText("");
            TreeSet<String> tables = new TreeSet<>();
            Matcher scanned = SCANNED_TABLE.matcher(p2);
            while (scanned.find()) {
                tables.add(scanned.group(1).strip());
            }
            Map<String, OperatorTree.Metrics> byPath = metrics.getOrDefault(key, Map.of());
            Optional<OperatorTree.Operator> tree = OperatorTree.parse(p2, byPath);
            OperatorTree.Metrics root = byPath.get("0");
            fragments.add(new Fragment(key, node.path("id").asText(), name, kind, List.copyOf(reads), List.copyOf(tables), tree,
                    root == null ? 0 : root.millis(), root == null ? 0 : root.rowsOut(), node));
        }
        return fragments;
    }

    private void plan(List<Fragment> fragments) {
        html.append("<section id=\"plan\"><h2>The optimized plan</h2>");
        if (fragments.isEmpty()) {
            JsonNode reuse = result.path("reuse");
            boolean keptAll = reuse.path("recomputed").isEmpty() && !reuse.path("skipped").isEmpty();
            html.append(keptAll
                    ? "<p>No plan ran: every output was kept at the previous build's version, its inputs unchanged, "
                            + "so nothing was planned.</p></section>\n"
                    : "<p>This run recorded no plan.</p></section>\n");
            return;
        }
        html.append("<p>Left to right: the tables the plans scan, the shared views (each computed once per run) and the outputs. "
                + "A box's colour is its plan's time (its root operator's, inputs included) against the slowest; "
                + "the slowest plan is drawn in red with a dark border. Click a plan for its operators and rule trace.</p>");
        long slowest = fragments.stream().mapToLong(Fragment::millis).max().orElse(0);
        String hottest = fragments.stream().filter(f -> f.millis() == slowest && slowest > 0).map(Fragment::id).sorted().findFirst().orElse("");
        List<PlanGraph.Node> nodes = new ArrayList<>();
        List<PlanGraph.Edge> edges = new ArrayList<>();
        TreeMap<String, List<String>> tableReaders = new TreeMap<>();
        for (Fragment fragment : fragments) {
            String kind = fragment.kind().equals("SPOOL") ? "shared view" : "output";
            nodes.add(new PlanGraph.Node(fragment.id(), fragment.name(),
                    Html.count(fragment.rowsOut()) + " rows \u00b7 " + Html.millis(fragment.millis()),
                    kind + " " + fragment.name() + ": " + Html.count(fragment.rowsOut()) + " rows, " + Html.millis(fragment.millis()),
                    Html.heat(slowest == 0 ? 0 : (double) fragment.millis() / slowest, fragment.id().equals(hottest)),
                    fragment.id().equals(hottest), "#" + Html.id("frag-", fragment.key())));
            for (String read : fragment.reads()) {
                edges.add(new PlanGraph.Edge(read, fragment.id()));
            }
            for (String table : fragment.tables()) {
                // Names with '$' are a recursive query's working tables, inside the plan, not tables it scans.
                if (!table.startsWith("spool") && !table.contains("$")) {
                    tableReaders.computeIfAbsent(table, k -> new ArrayList<>()).add(fragment.id());
                }
            }
        }
        Map<String, Long> rowsByTable = new HashMap<>();
        for (JsonNode output : result.path("outputs")) {
            rowsByTable.put(output.path("name").asText(), output.path("rowCount").asLong());
        }
        tableReaders.forEach((table, readers) -> {
            String id = "table:" + table;
            String rows = rowsByTable.containsKey(table) ? Html.count(rowsByTable.get(table)) + " rows" : "table";
            nodes.add(new PlanGraph.Node(id, table, rows + " \u00b7 read by " + readers.size(), "table " + table + " (" + rows + ")",
                    "#e8eaed", false, ""));
            new TreeSet<>(readers).forEach(reader -> edges.add(new PlanGraph.Edge(id, reader)));
        });
        html.append("<p><button type=\"button\" id=\"zoom\">Show at full size</button></p><div class=\"graph\" id=\"graph\">")
                .append(PlanGraph.svg(nodes, edges)).append("</div>");
        html.append("<p class=\"legend\"><span class=\"swatch\" style=\"background:").append(Html.heat(0, false))
                .append("\"></span> fast <span class=\"swatch\" style=\"background:").append(Html.heat(0.5, false))
                .append("\"></span> half the slowest <span class=\"swatch\" style=\"background:").append(Html.heat(1, false))
                .append("\"></span> near the slowest; the slowest in red with a dark border."
                        + " <span class=\"swatch\" style=\"background:#e8eaed\"></span> scanned table</p>");
        JsonNode spools = result.path("spools");
        if (spools.size() > 0) {
            html.append("<details><summary>Shared views: computed once, scanned by their readers</summary><table><tr><th>view</th>"
                    + "<th class=\"n\">rows</th><th class=\"n\">computations</th><th class=\"n\">scans</th>"
                    + "<th class=\"n\">wall time</th><th class=\"n\">CPU time</th></tr>");
            for (JsonNode spool : spools) {
                html.append("<tr><td>").append(Html.escape(spool.path("view").asText())).append("</td><td class=\"n\">")
                        .append(Html.count(spool.path("rows").asLong())).append("</td><td class=\"n\">").append(spool.path("computations").asLong())
                        .append("</td><td class=\"n\">").append(spool.path("scans").asLong())
                        .append("</td><td class=\"n\">").append(Html.millis(spool.path("millis").asLong()))
                        .append("</td><td class=\"n\">").append(Html.millis(spool.path("cpuMillis").asLong())).append("</td></tr>");
            }
            html.append("</table></details>");
        }
        html.append("</section>\n");
    }

    private void hotOperators(List<Fragment> fragments) {
        record Hot(String plan, OperatorTree.Operator operator) {
        }
        List<Hot> all = new ArrayList<>();
        for (Fragment fragment : fragments) {
            fragment.tree().ifPresent(root -> OperatorTree.flatten(root).stream().filter(op -> op.metrics().isPresent())
                    .forEach(op -> all.add(new Hot(fragment.key(), op))));
        }
        all.sort(Comparator.<Hot>comparingLong(h -> -h.operator().metrics().orElseThrow().selfMillis())
                .thenComparing(Hot::plan).thenComparing(h -> h.operator().path()));
        html.append("<section id=\"hot\"><h2>Slowest operators (own time)</h2><table><tr><th>plan</th><th>path</th><th>operator</th>"
                + "<th class=\"n\">rows out</th><th class=\"n\">own time</th><th class=\"n\">with inputs</th></tr>");
        for (Hot hot : all.subList(0, Math.min(15, all.size()))) {
            OperatorTree.Metrics m = hot.operator().metrics().orElseThrow();
            html.append("<tr><td><a href=\"#").append(Html.id("frag-", hot.plan())).append("\">").append(Html.escape(hot.plan()))
                    .append("</a></td><td><code>").append(hot.operator().path()).append("</code></td><td title=\"")
                    .append(Html.escape(Html.shorten(hot.operator().text(), 2000))).append("\">").append(Html.escape(hot.operator().name()))
                    .append("</td><td class=\"n\">").append(Html.count(m.rowsOut())).append("</td><td class=\"n\">").append(Html.millis(m.selfMillis()))
                    .append("</td><td class=\"n\">").append(Html.millis(m.millis())).append("</td></tr>");
        }
        html.append("</table></section>\n");
    }

    /**
     * The plans the run record meters that are not the DAG's: those a build runs in sessions of their
     * own (a rebuild's changed files, the groups of a partitioned build, the adjacency tables'
     * recomputed groups), each with its root operator's rows and time; nothing when there are none.
     */
    private void apartPlans(List<Fragment> fragments) {
        Set<String> inDag = new HashSet<>();
        fragments.forEach(fragment -> inDag.add(fragment.key()));
        Map<String, Integer> operators = new LinkedHashMap<>();
        Map<String, JsonNode> roots = new HashMap<>();
        for (JsonNode operator : result.path("operators")) {
            String plan = operator.path("plan").asText();
            if (!inDag.contains(plan)) {
                operators.merge(plan, 1, Integer::sum);
                if (operator.path("path").asText().equals("0")) {
                    roots.put(plan, operator);
                }
            }
        }
        if (operators.isEmpty()) {
            return;
        }
        html.append("<section id=\"apart\"><h2>Plans run apart from the DAG</h2><p>Each in a session of its own, its operators summed "
                + "over the sessions that ran it (all of them in <code>run-result.json</code>).</p><table><tr><th>plan</th>"
                + "<th class=\"n\">operators</th><th class=\"n\">rows out</th><th class=\"n\">time</th></tr>");
        operators.forEach((plan, count) -> {
            JsonNode root = roots.get(plan);
            html.append("<tr><td>").append(Html.escape(plan)).append("</td><td class=\"n\">").append(count).append("</td><td class=\"n\">")
                    .append(root == null ? "" : Html.count(root.path("rowsOut").asLong())).append("</td><td class=\"n\">")
                    .append(root == null ? "" : Html.millis(root.path("millis").asLong())).append("</td></tr>");
        });
        html.append("</table></section>\n");
    }

    private void outputs() {
        html.append("<section id=\"outputs\"><h2>Outputs</h2><table><tr><th>table</th><th>path</th><th class=\"n\">rows</th>"
                + "<th class=\"n\">Delta version</th></tr>");
        for (JsonNode output : result.path("outputs")) {
            html.append("<tr><td>").append(Html.escape(output.path("name").asText())).append("</td><td><code>")
                    .append(Html.escape(output.path("path").asText())).append("</code></td><td class=\"n\">")
                    .append(Html.count(output.path("rowCount").asLong())).append("</td><td class=\"n\">")
                    .append(output.path("deltaVersion").asLong()).append("</td></tr>");
        }
        html.append("</table>");
        JsonNode fixpoints = result.path("fixpoints");
        if (fixpoints.size() > 0) {
            html.append("<h3>Fixpoints</h3><table><tr><th>plan</th><th>fixpoint</th><th class=\"n\">iterations</th><th>rows per round</th>"
                    + "<th>bound reached</th></tr>");
            for (JsonNode fixpoint : fixpoints) {
                html.append("<tr><td>").append(Html.escape(fixpoint.path("plan").asText())).append("</td><td>")
                        .append(Html.escape(fixpoint.path("fixpoint").asText())).append("</td><td class=\"n\">")
                        .append(fixpoint.path("iterations").asLong()).append("</td><td><code>")
                        .append(Html.escape(Html.shorten(fixpoint.path("rowsPerRound").toString(), 200))).append("</code></td><td>")
                        .append(fixpoint.path("reachedBound").asBoolean() ? "yes" : "no").append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("</section>\n");
    }

    private void inputs() {
        JsonNode extraction = result.path("extraction");
        html.append("<section id=\"inputs\"><h2>Inputs</h2>");
        if (result.hasNonNull("source")) {
            html.append("<p>Source directory <code>").append(Html.escape(result.get("source").asText())).append("</code></p>");
        }
        html.append("<p>").append(Html.count(extraction.path("files").asLong())).append(" files, ")
                .append(Html.bytes(extraction.path("bytes").asLong())).append(", ").append(Html.count(extraction.path("problems").asLong()))
                .append(" with problems.</p><table><tr><th>extraction table</th><th class=\"n\">rows</th></tr>");
        extraction.path("rowsByTable").fields().forEachRemaining(entry -> html.append("<tr><td>").append(Html.escape(entry.getKey()))
                .append("</td><td class=\"n\">").append(Html.count(entry.getValue().asLong())).append("</td></tr>"));
        html.append("</table></section>\n");
    }

    private void problems() {
        JsonNode problems = result.path("problems");
        html.append("<section id=\"problems\"><h2>Problems found in the sources</h2>");
        if (problems.isMissingNode()) {
            html.append("<p>This run did not record them.</p></section>\n");
            return;
        }
        if (problems.hasNonNull("unavailable")) {
            html.append("<p>They could not be collected: ").append(Html.escape(problems.get("unavailable").asText())).append("</p></section>\n");
            return;
        }
        JsonNode files = problems.path("files");
        html.append("<h3>Files with errors (").append(Html.count(files.size())).append(")</h3>");
        if (files.size() == 0) {
            html.append("<p>None: every file parsed and compiles.</p>");
        } else {
            html.append("<table><tr><th>file</th><th>status</th><th class=\"n\">errors</th><th>first error (line:column message)</th></tr>");
            int shown = 0;
            for (JsonNode file : files) {
                if (shown++ == MAX_ROWS) {
                    break;
                }
                html.append("<tr><td><code>").append(Html.escape(file.path("path").asText())).append("</code></td><td>")
                        .append(Html.escape(file.path("status").asText())).append("</td><td class=\"n\">").append(Html.count(file.path("errors").asLong()))
                        .append("</td><td>").append(Html.escape(file.path("firstError").asText(""))).append("</td></tr>");
            }
            html.append("</table>");
            if (files.size() > MAX_ROWS) {
                html.append("<p>").append(Html.count(files.size() - MAX_ROWS)).append(" more in run-result.json.</p>");
            }
        }
        if (!problems.path("callsResolved").asBoolean(true)) {
            html.append("<h3>Unresolved calls</h3><p>This build did not resolve calls (<code>--no-calls</code>).</p></section>\n");
            return;
        }
        long calls = problems.path("totalCalls").asLong();
        long unresolved = problems.path("totalUnresolved").asLong();
        html.append("<h3>Unresolved calls</h3><p>").append(Html.count(unresolved)).append(" of ").append(Html.count(calls))
                .append(" calls (").append(Html.percent(calls == 0 ? 0 : (double) unresolved / calls))
                .append(") have no <code>CALLS</code> edge. Files by unresolved calls:</p>");
        List<JsonNode> modules = new ArrayList<>();
        problems.path("calls").forEach(modules::add);
        modules.sort(Comparator.<JsonNode>comparingLong(m -> -m.path("unresolved").asLong()).thenComparing(m -> m.path("path").asText()));
        html.append("<table><tr><th>file</th><th class=\"n\">calls</th><th class=\"n\">unresolved</th><th class=\"n\">rate</th></tr>");
        for (JsonNode module : modules.subList(0, Math.min(50, modules.size()))) {
            long c = module.path("calls").asLong();
            long u = module.path("unresolved").asLong();
            html.append("<tr><td><code>").append(Html.escape(module.path("path").asText())).append("</code></td><td class=\"n\">")
                    .append(Html.count(c)).append("</td><td class=\"n\">").append(Html.count(u)).append("</td><td class=\"n\">")
                    .append(Html.percent(c == 0 ? 0 : (double) u / c)).append("</td></tr>");
        }
        html.append("</table></section>\n");
    }

    private void fragmentDetails(List<Fragment> fragments) {
        long maxSelf = 0;
        String hottestKey = "";
        for (Fragment fragment : fragments) {
            if (fragment.tree().isEmpty()) {
                continue;
            }
            for (OperatorTree.Operator op : OperatorTree.flatten(fragment.tree().get())) {
                long self = op.metrics().map(OperatorTree.Metrics::selfMillis).orElse(-1L);
                String key = fragment.key() + "#" + op.path();
                if (self > maxSelf || self == maxSelf && self > 0 && key.compareTo(hottestKey) < 0) {
                    maxSelf = self;
                    hottestKey = key;
                }
            }
        }
        html.append("<section id=\"fragments\"><h2>Plans, operators and rule traces</h2>");
        for (Fragment fragment : fragments) {
            html.append("<details class=\"fragment\" id=\"").append(Html.id("frag-", fragment.key())).append("\"><summary><b>")
                    .append(Html.escape(fragment.key())).append("</b> \u2014 ").append(Html.count(fragment.rowsOut())).append(" rows, ")
                    .append(Html.millis(fragment.millis())).append("</summary>");
            if (!fragment.reads().isEmpty()) {
                html.append("<p>Reads ");
                for (String read : fragment.reads()) {
                    String key = read.startsWith("spool:") ? "spool." + read.substring("spool:".length()) : read;
                    html.append("<a href=\"#").append(Html.id("frag-", key)).append("\">").append(Html.escape(key)).append("</a> ");
                }
                html.append("</p>");
            }
            if (fragment.tree().isPresent()) {
                html.append("<div class=\"scroll\">").append(OperatorTree.svg(fragment.tree().get(), maxSelf, hottestKey, fragment.key())).append("</div>");
                html.append("<table class=\"ops\"><tr><th>operator</th><th class=\"n\">rows out</th><th class=\"n\">own time</th>"
                        + "<th class=\"n\">with inputs</th></tr>");
                for (OperatorTree.Operator op : OperatorTree.flatten(fragment.tree().get())) {
                    int depth = op.path().split("\\.").length - 1;
                    html.append("<tr><td style=\"padding-left:").append(6 + depth * 14).append("px\" title=\"")
                            .append(Html.escape(Html.shorten(op.text(), 2000))).append("\">").append(Html.escape(Html.shorten(op.text(), 140)))
                            .append("</td>");
                    if (op.metrics().isPresent()) {
                        OperatorTree.Metrics m = op.metrics().get();
                        html.append("<td class=\"n\">").append(Html.count(m.rowsOut())).append("</td><td class=\"n\">").append(Html.millis(m.selfMillis()))
                                .append("</td><td class=\"n\">").append(Html.millis(m.millis())).append("</td>");
                    } else {
                        html.append("<td class=\"n\" colspan=\"3\">in its parent</td>");
                    }
                    html.append("</tr>");
                }
                html.append("</table>");
            }
            ruleTrace(fragment);
            html.append("</details>\n");
        }
        html.append("</section>\n");
    }

    private void ruleTrace(Fragment fragment) {
        Path trace = runDirectory.resolve("plan").resolve(fragment.key()).resolve("trace.txt");
        if (!Files.isRegularFile(trace)) {
            return;
        }
        String text;
        try {
            text = Files.readString(trace, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule trace " + trace, e);
        }
        List<RuleChanges.Change> changes = RuleChanges.of(text);
        long steps = changes.stream().filter(RuleChanges.Change::step).count();
        html.append("<details class=\"trace\"><summary>Rule by rule: ").append(steps).append(" rule firings</summary><ol>");
        for (RuleChanges.Change change : changes) {
            html.append(change.step() ? "<li>" : "<li class=\"note\">").append("<details><summary>").append(Html.escape(change.title()))
                    .append("</summary><pre class=\"diff\">");
            List<String> lines = change.diff().lines().toList();
            for (String line : lines.subList(0, Math.min(MAX_DIFF_LINES, lines.size()))) {
                String cls = !change.step() ? "" : line.startsWith("+") && !line.startsWith("+++") ? "add"
                        : line.startsWith("-") && !line.startsWith("---") ? "del" : line.startsWith("@@") ? "hunk" : "";
                String shown = Html.escape(Html.shorten(line, 400));
                html.append(cls.isEmpty() ? shown : "<span class=\"" + cls + "\">" + shown + "</span>").append('\n');
            }
            if (lines.size() > MAX_DIFF_LINES) {
                html.append("\u2026 ").append(lines.size() - MAX_DIFF_LINES).append(" more lines in plan/")
                        .append(Html.escape(fragment.key())).append("/trace.txt\n");
            }
            html.append("</pre></details></li>");
        }
        html.append("</ol></details>");
    }

    private void envelopeSection() {
        JsonNode hashed = envelope.path("hashed");
        html.append("<section id=\"envelope\"><h2>Session envelope</h2>");
        if (hashed.isMissingNode()) {
            html.append("<p>This run recorded no envelope.</p></section>\n");
            return;
        }
        html.append("<p>Everything that decides the plan, hashed into <code>").append(Html.escape(envelope.path("envelopeHash").asText("")))
                .append("</code>; ").append(envelope.path("workers").asInt()).append(" workers.</p>");
        keyValues("Engine versions", hashed.path("engineVersions"));
        keyValues("Profile", hashed.path("profile"));
        html.append("<h3>Plugins</h3><p>");
        hashed.path("plugins").forEach(plugin -> html.append("<code>").append(Html.escape(plugin.asText())).append("</code> "));
        html.append("</p>");
        keyValues("Configuration", hashed.path("config"));
        html.append("<details><summary>Rules (").append(hashed.path("rules").size()).append(")</summary><table><tr><th>rule</th><th>phase</th>"
                + "<th>origin</th><th>enabled</th></tr>");
        for (JsonNode rule : hashed.path("rules")) {
            html.append("<tr><td><code>").append(Html.escape(rule.path("id").asText())).append("</code></td><td>")
                    .append(Html.escape(rule.path("phase").asText())).append("</td><td>").append(Html.escape(rule.path("origin").asText()))
                    .append("</td><td>").append(rule.path("enabled").asBoolean() ? "yes" : "<b>no</b>").append("</td></tr>");
        }
        html.append("</table></details>");
        html.append("<details><summary>Tables read (").append(hashed.path("tables").size()).append(")</summary><table><tr><th>table</th>"
                + "<th>path</th><th class=\"n\">version</th><th>schema hash</th></tr>");
        for (JsonNode table : hashed.path("tables")) {
            html.append("<tr><td>").append(Html.escape(table.path("name").asText())).append("</td><td><code>").append(Html.escape(table.path("path").asText()))
                    .append("</code></td><td class=\"n\">").append(table.path("deltaVersion").asLong()).append("</td><td><code>")
                    .append(Html.escape(shortHash(table.path("schemaHash").asText("")))).append("</code></td></tr>");
        }
        html.append("</table></details></section>\n");
    }

    private void keyValues(String title, JsonNode object) {
        if (!object.isObject() || object.size() == 0) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        html.append("<h3>").append(Html.escape(title)).append("</h3><table>");
        values.forEach((k, v) -> html.append("<tr><td><code>").append(Html.escape(k)).append("</code></td><td>").append(Html.escape(v)).append("</td></tr>"));
        html.append("</table>");
    }

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;padding:0 24px 48px;max-width:1400px;color:#202124;background:#fff}
            header{border-bottom:1px solid #dadce0;margin-bottom:12px}h1{font-size:22px;margin:18px 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #e8eaed}
            h3{font-size:15px;margin:16px 0 6px}code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            nav a{margin-right:10px;color:#1a73e8;text-decoration:none}.hashes{color:#5f6368;margin:2px 0}
            .status{font-size:13px;padding:2px 8px;border-radius:10px;vertical-align:middle}.status.ok{background:#e6f4ea;color:#137333}.status.failed{background:#fce8e6;color:#c5221f}
            .failure{color:#c5221f}.cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #dadce0;border-radius:8px;padding:8px 14px;min-width:120px}
            .card .value{font-size:20px;font-weight:600}.card .label{color:#5f6368;font-size:12px}
            table{border-collapse:collapse;margin:6px 0}th,td{border-bottom:1px solid #eee;padding:3px 10px;text-align:left;vertical-align:top}
            th{background:#f8f9fa}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr:hover td{background:#f8f9fa}
            .scroll{overflow:auto;border:1px solid #e8eaed;border-radius:6px;margin:8px 0;max-height:900px}
            .graph{border:1px solid #e8eaed;border-radius:6px;margin:8px 0;padding:4px;overflow:auto}.plan-graph{width:100%;height:auto;display:block}
            .graph.full .plan-graph{width:auto;max-width:none}
            .plan-graph text,.operator-tree text{font-family:system-ui,sans-serif}.frag-link:hover rect{stroke:#1a73e8;stroke-width:2.5}
            .legend .swatch{display:inline-block;width:14px;height:14px;border:1px solid #9aa0a6;vertical-align:middle;margin:0 4px 0 12px}
            details.fragment{border:1px solid #e8eaed;border-radius:6px;padding:4px 10px;margin:6px 0}details.fragment[open]{background:#fcfcfd}
            summary{cursor:pointer}pre.diff{background:#f8f9fa;padding:6px;overflow:auto;max-height:400px}
            .add{color:#137333;background:#e6f4ea}.del{color:#c5221f;background:#fce8e6}.hunk{color:#1a73e8}li.note{list-style:none}
            table.ops td{font:12px ui-monospace,Menlo,monospace}
            """;

    /**
     * Counts script errors into {@code body[data-errors]} (the browser test reads it), opens a
     * plan's details when its box is clicked, switches the plan picture between fitting the page
     * and full size, and marks the page as run.
     */
    private static final String SCRIPT = """
            (function(){
              var errors=0;
              window.addEventListener('error',function(){errors++;document.body.setAttribute('data-errors',String(errors));});
              function open(id){var d=document.getElementById(id);if(d&&d.tagName==='DETAILS'){d.open=true;}}
              document.querySelectorAll('a[href^="#frag-"]').forEach(function(a){
                a.addEventListener('click',function(){open(a.getAttribute('href').slice(1));});
              });
              var zoom=document.getElementById('zoom'),graph=document.getElementById('graph');
              if(zoom&&graph){zoom.addEventListener('click',function(){
                var full=graph.classList.toggle('full');zoom.textContent=full?'Fit to the page width':'Show at full size';});}
              if(location.hash){open(location.hash.slice(1));}
              document.body.setAttribute('data-rendered','1');
            })();
            """;
}
