package io.codeanatomy.plugins.python;

import io.codeanatomy.plugins.python.facts.AnnotationRow;
import io.codeanatomy.plugins.python.facts.AssignmentRow;
import io.codeanatomy.plugins.python.facts.CallArgRow;
import io.codeanatomy.plugins.python.facts.ClassBaseRow;
import io.codeanatomy.plugins.python.facts.ElementRow;
import io.codeanatomy.plugins.python.facts.ExprRow;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.facts.BranchRow;
import io.codeanatomy.plugins.python.facts.IterationRow;
import io.codeanatomy.plugins.python.facts.OperandRow;
import io.codeanatomy.plugins.python.facts.OperatorOperandRow;
import io.codeanatomy.plugins.python.facts.ParamDefaultRow;
import io.codeanatomy.plugins.python.facts.ReturnRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The value-flow tables of one file as facts keyed the way {@code cpython_flow_facts.py} keys
 * CPython's {@code ast}: per key, how many facts and a checksum of their positions and links
 * (each fact adds its anchor's {@code lineno * 65536 + col_offset} plus its links' positions and
 * numbers times small factors). Equal counts and checksums per key mean the same facts at the
 * same places linked to the same nodes, up to an unlikely cancellation.
 */
final class FlowFactsComparison {
    /** Count and checksum of the facts of one key. */
    record Tally(long count, long checksum) {
    }

    /** One file as CPython's ast sees it: its facts by key, or why it cannot be parsed. */
    record Expected(String error, Map<String, Tally> facts) {
    }

    private FlowFactsComparison() {
    }

    static Map<Path, Expected> cpython(List<Path> files) {
        return CPythonFacts.perCore("cpython_flow_facts.py", files, FlowFactsComparison::read);
    }

    private static Map<Path, Expected> read(InputStream stdout) throws IOException {
        Map<Path, Expected> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            Path file = null;
            String error = null;
            Map<String, Tally> facts = new TreeMap<>();
            while ((line = r.readLine()) != null) {
                if (line.startsWith("FILE ")) {
                    file = Path.of(line.substring(5));
                } else if (line.startsWith("ERROR ")) {
                    error = line.substring(6);
                } else if (line.startsWith("FACT ")) {
                    int tab = line.indexOf('\t');
                    String[] numbers = line.substring(tab + 1).split(" ");
                    facts.put(line.substring(5, tab), new Tally(Long.parseLong(numbers[0]), Long.parseLong(numbers[1])));
                } else if (line.equals("END")) {
                    out.put(file, new Expected(error, facts));
                    error = null;
                    facts = new TreeMap<>();
                }
            }
        }
        return out;
    }

    /** Our facts of one file, keyed as CPython's side keys them. */
    static Map<String, Tally> ours(FileFacts facts) {
        return new Ours(facts).tally();
    }

    /** One line per key whose count or checksum differs. */
    static List<String> differences(String file, Map<String, Tally> cpython, Map<String, Tally> ours) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(cpython.keySet());
        keys.addAll(ours.keySet());
        for (String key : keys) {
            Tally theirs = cpython.get(key);
            Tally mine = ours.get(key);
            if (!java.util.Objects.equals(theirs, mine)) {
                out.add(file + ": " + key + ": CPython " + theirs + ", ours " + mine);
            }
        }
        return out;
    }

    /** Where the links of {@link #ours} are checked: every expression id a row names has a row. */
    private static final class Ours {
        private final FileFacts facts;
        private final int[] lineStarts;
        private final Map<String, ExprRow> exprs = new HashMap<>();
        private final Map<String, Long> positions = new HashMap<>();
        private final Map<String, long[]> tallies = new TreeMap<>();

        Ours(FileFacts facts) {
            this.facts = facts;
            this.lineStarts = facts.lines().get(0).starts();
            for (ExprRow e : facts.rows(ExprRow.class)) {
                exprs.put(e.id(), e);
            }
            facts.calls().forEach(c -> positions.put(c.id(), pos(c.bstart())));
            facts.defs().forEach(d -> positions.put(d.id(), pos(d.bstart())));
        }

        /** CPython's position of the node starting at byte {@code bstart}: line * 65536 + UTF-8 column. */
        private long pos(long bstart) {
            int i = Arrays.binarySearch(lineStarts, (int) bstart);
            int line = i >= 0 ? i + 1 : -i - 1;
            return line * 65536L + (bstart - lineStarts[line - 1]);
        }

        /** The position of the expression row {@code id}; 0 for none (CPython's side: no node). */
        private long expr(String id) {
            if (id == null) {
                return 0;
            }
            ExprRow e = exprs.get(id);
            if (e == null) {
                throw new IllegalStateException("a link names the expression " + id + ", which has no row");
            }
            return pos(e.bstart());
        }

        private String type(String exprId) {
            return exprs.get(exprId).nodeType();
        }

        private void add(String key, long bstart, long links) {
            long[] t = tallies.computeIfAbsent(key, k -> new long[2]);
            t[0]++;
            t[1] += pos(bstart) + links;
        }

        private static String dash(Object value) {
            return value == null ? "-" : value.toString();
        }

        Map<String, Tally> tally() {
            for (ExprRow e : facts.rows(ExprRow.class)) {
                add("expr " + e.kind() + " " + e.nodeType() + " " + dash(e.ctx()) + " " + dash(e.constKind()), e.bstart(),
                        3 * expr(e.baseExprId()) + 5 * expr(e.indexExprId()) + 7 * expr(e.valueExprId()));
            }
            for (OperandRow o : facts.rows(OperandRow.class)) {
                add("operand " + type(o.exprId()), o.bstart(), 3 * expr(o.exprId()) + 11L * o.position());
            }
            for (OperatorOperandRow o : facts.rows(OperatorOperandRow.class)) {
                add("operator " + type(o.exprId()) + " " + dash(o.op()), o.bstart(),
                        3 * expr(o.exprId()) + 11L * o.position());
            }
            for (ParamDefaultRow d : facts.rows(ParamDefaultRow.class)) {
                add("default", d.bstart(), 3 * expr(d.valueExprId()));
            }
            for (AssignmentRow a : facts.rows(AssignmentRow.class)) {
                add("assign " + a.kind() + " " + type(a.targetExprId()) + " " + dash(a.op()), a.bstart(),
                        3 * expr(a.valueExprId()) + 11L * a.targetIndex() + 13L * a.targetCount());
            }
            for (ElementRow e : facts.rows(ElementRow.class)) {
                String form = e.isStarred() ? "starred" : e.isDoubleStar() ? "double-star" : "plain";
                add("element " + e.containerKind() + " " + e.ctx() + " " + form + " " + dash(e.keyConstKind()), e.bstart(),
                        3 * expr(e.containerExprId()) + 5 * expr(e.elementExprId()) + 7 * expr(e.keyExprId())
                                + 11L * e.index() + 13L * e.starIndex() + 17L * e.elementCount());
            }
            for (ReturnRow r : facts.rows(ReturnRow.class)) {
                add("return " + r.kind() + " " + (r.valueExprId() != null ? "True" : "False"), r.bstart(), 3 * expr(r.valueExprId()));
            }
            for (CallArgRow a : facts.rows(CallArgRow.class)) {
                String form = a.isStar() ? "star" : a.isDoubleStar() ? "double-star"
                        : a.keyword() != null ? "keyword" : "positional";
                add("arg " + form, a.bstart(), 3 * positions.get(a.callId()) + 5 * expr(a.argExprId()) + 11L * a.position());
            }
            for (IterationRow i : facts.rows(IterationRow.class)) {
                add("iter " + i.kind() + " " + (i.isAsync() ? "True" : "False") + " " + (i.targetExprId() != null ? "True" : "False"),
                        i.bstart(), 3 * expr(i.targetExprId()) + 11L * i.itemIndex());
                expr(i.sourceExprId());
            }
            for (BranchRow b : facts.rows(BranchRow.class)) {
                add("branch " + b.kind() + " " + (b.hasOrelse() ? "True" : "False"), b.bstart(),
                        3 * expr(b.testExprId()) + 5 * pos(b.bodyBstart()) + 7 * pos(b.bodyBend())
                                + (b.hasOrelse() ? 13 * pos(b.orelseBstart()) + 17 * pos(b.orelseBend()) : 0) + 19 * pos(b.bend()));
            }
            for (AnnotationRow a : facts.rows(AnnotationRow.class)) {
                add("annotation " + a.kind() + " " + (a.dottedName() != null ? "True" : "False") + " "
                        + (a.isString() ? "True" : "False"), a.bstart(), 0);
                expr(a.annotationExprId());
                if (a.defId() == null) {
                    expr(a.ownerId());
                }
            }
            for (ClassBaseRow b : facts.rows(ClassBaseRow.class)) {
                add("base " + (b.position() >= 0 ? "positional" : "keyword") + " " + (b.isStarred() ? "True" : "False")
                        + " " + (b.dottedName() != null ? "True" : "False"), b.bstart(),
                        3 * positions.get(b.defId()) + 11L * b.position());
                expr(b.exprId());
            }
            facts.decorators().forEach(d -> {
                add("decorator", d.bstart(), 3 * positions.get(d.defId()) + 11L * d.position());
                expr(d.exprId());
            });
            Map<String, Tally> out = new TreeMap<>();
            tallies.forEach((k, t) -> out.put(k, new Tally(t[0], t[1])));
            return out;
        }
    }
}
