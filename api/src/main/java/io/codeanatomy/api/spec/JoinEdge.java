package io.codeanatomy.api.spec;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.cpg.Spans;
import io.codeanatomy.api.rel.JoinType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A known way to join two relations of the spec: the condition, the join type, and why the edge
 * exists. The condition's columns are qualified by the two relation names and by nothing else.
 *
 * @param left left relation or view
 * @param right right relation or view, different from {@code left}
 * @param type join type
 * @param condition join condition over columns of {@code left} and {@code right}
 * @param source why the edge exists
 */
public record JoinEdge(String left, String right, JoinType type, Condition condition, JoinInferenceSource source) {
    public JoinEdge {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
        requireNonNull(condition, "condition is null");
        requireNonNull(source, "source is null");
        if (left.equals(right)) {
            throw new IllegalArgumentException("A join edge needs two different relations, got '" + left + "' twice; join a view over an alias instead.");
        }
        if (Exprs.hasUnqualifiedColumns(condition)) {
            throw new IllegalArgumentException("The join edge " + left + " -> " + right + " has unqualified columns in " + condition
                    + "; qualify each column with '" + left + "' or '" + right + "'.");
        }
        for (String qualifier : Exprs.qualifiers(condition)) {
            if (!qualifier.equals(left) && !qualifier.equals(right)) {
                throw new IllegalArgumentException("The join edge " + left + " -> " + right + " refers to the relation '" + qualifier
                        + "' in " + condition + "; only '" + left + "' and '" + right + "' may appear.");
            }
        }
    }

    /** An edge written by hand. */
    public static JoinEdge declared(String left, String right, JoinType type, Condition condition) {
        return new JoinEdge(left, right, type, condition, JoinInferenceSource.DECLARED);
    }

    /** {@code left.leftColumn = right.rightColumn}, both of {@code type}. */
    public static <T> JoinEdge equi(String left, String right, JoinInferenceSource source, DataType<T> type, String leftColumn, String rightColumn) {
        return new JoinEdge(left, right, JoinType.INNER,
                Exprs.eq(Exprs.col(left, leftColumn, type), Exprs.col(right, rightColumn, type)), source);
    }

    /** The spans of {@code outer} contain those of {@code inner} within one file ({@code fileColumn} in both). */
    public static JoinEdge spanContainment(String outer, String inner, String fileColumn) {
        return new JoinEdge(outer, inner, JoinType.INNER, Spans.containedInSameFile(outer, inner, fileColumn),
                JoinInferenceSource.BYTE_SPAN_CONTAINMENT);
    }

    /** The spans of {@code a} and {@code b} overlap within one file ({@code fileColumn} in both). */
    public static JoinEdge spanOverlap(String a, String b, String fileColumn) {
        return new JoinEdge(a, b, JoinType.INNER, Spans.overlapInSameFile(a, b, fileColumn), JoinInferenceSource.BYTE_SPAN_OVERLAP);
    }

    /** Tells whether the edge connects {@code a} and {@code b}, in either direction. */
    public boolean connects(String a, String b) {
        return (left.equals(a) && right.equals(b)) || (left.equals(b) && right.equals(a));
    }

    /** Both relation names. */
    public Set<String> relations() {
        return Set.of(left, right);
    }

    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("left", left);
        tree.put("right", right);
        tree.put("type", type);
        tree.put("condition", Exprs.canonical(condition));
        tree.put("source", source);
        return tree;
    }
}
