package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A plan's text as {@code RelOptUtil.toString} writes it (each operator on a line, its attributes
 * in brackets, inputs indented by two), with each operator's line kept once made: operators are
 * immutable, and a rule-by-rule planner changes a few of them per firing, so rendering the whole
 * plan after every firing costs a walk of the tree instead of explaining every expression again
 * (the call-resolution fixpoint's plan, ~700 lines over ~1,000 firings, spent 70% of its planning
 * time there); the lines are shared between the firings' {@link PlanLines}, not copied into a text.
 */
final class PlanText {
    private final Map<RelNode, Indented> lines = new IdentityHashMap<>();
    private @Nullable PlanLines last;

    /**
     * An operator's own line and its lines by depth ({@code indent / 2}): an operator shown at
     * several depths (an input two parents share) keeps one line object per depth.
     */
    private record Indented(String own, List<PlanLines.@Nullable Line> byDepth) {
        PlanLines.Line at(int indent) {
            int depth = indent / 2;
            while (byDepth.size() <= depth) {
                byDepth.add(null);
            }
            PlanLines.Line line = byDepth.get(depth);
            if (line == null) {
                line = PlanLines.Line.of(" ".repeat(indent) + own);
                byDepth.set(depth, line);
            }
            return line;
        }
    }

    /** The lines of the plan under {@code root}, a planner's vertex or an operator. */
    PlanLines of(RelNode root) {
        requireNonNull(root, "root is null");
        List<PlanLines.Line> text = new ArrayList<>();
        append(root, 0, text);
        // A firing that left every line as it was shares the plan (and its hash) of the one before.
        if (last == null || !last.hasLines(text)) {
            last = new PlanLines(text);
        }
        return last;
    }

    private void append(RelNode node, int indent, List<PlanLines.Line> text) {
        RelNode rel = node instanceof HepRelVertex vertex ? vertex.getCurrentRel() : node;
        Indented line = lines.get(rel);
        if (line == null) {
            line = new Indented(line(rel), new ArrayList<>(2));
            lines.put(rel, line);
        }
        text.add(line.at(indent));
        for (RelNode input : rel.getInputs()) {
            append(input, indent + 2, text);
        }
    }

    /** The operator's own line: its type name and its non-input attributes. */
    private static String line(RelNode rel) {
        Terms terms = new Terms();
        rel.explain(terms);
        StringBuilder line = new StringBuilder(rel.getRelTypeName());
        int shown = 0;
        for (Pair<String, @Nullable Object> term : terms.values) {
            if (term.right instanceof RelNode) {
                continue;
            }
            line.append(shown++ == 0 ? "(" : ", ").append(term.left).append("=[").append(term.right).append(']');
        }
        if (shown > 0) {
            line.append(')');
        }
        return line.toString();
    }

    /** Collects one operator's attributes, without visiting its inputs. */
    private static final class Terms implements RelWriter {
        private final List<Pair<String, @Nullable Object>> values = new ArrayList<>();

        @Override
        public void explain(RelNode rel, List<Pair<String, @Nullable Object>> valueList) {
            values.addAll(valueList);
        }

        @Override
        public SqlExplainLevel getDetailLevel() {
            return SqlExplainLevel.EXPPLAN_ATTRIBUTES;
        }

        @Override
        public RelWriter item(String term, @Nullable Object value) {
            values.add(Pair.of(term, value));
            return this;
        }

        @Override
        public RelWriter done(RelNode node) {
            return this;
        }

        @Override
        public boolean nest() {
            return false;
        }
    }
}
