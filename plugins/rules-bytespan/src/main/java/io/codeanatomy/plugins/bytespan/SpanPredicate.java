package io.codeanatomy.plugins.bytespan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A join condition read as "same file and the spans are related": equalities between columns of the
 * two sides (the file keys), two comparisons that make one side's span contain the other's or the
 * two spans overlap (as {@code io.codeanatomy.api.cpg.Spans} writes them), and whatever else the
 * condition says (the residual, tested on the pairs the sweep finds).
 *
 * <p>Columns are join fields: left fields first, then right ones ({@code leftCount} of them on the left).
 *
 * @param kind the span relation
 * @param leftKeys file key columns of the left input (input positions)
 * @param rightKeys file key columns of the right input, pairwise equal to {@code leftKeys}
 * @param outerLeft for {@link Kind#CONTAINS}: whether the left span contains the right one
 * @param leftStart left span start column (left input position); likewise the other three
 * @param residual the remaining conjuncts over the join's fields; empty when none
 */
public record SpanPredicate(Kind kind, List<Integer> leftKeys, List<Integer> rightKeys, boolean outerLeft,
        int leftStart, int leftEnd, int rightStart, int rightEnd, List<RexNode> residual) {
    /** How the spans of a pair relate. */
    public enum Kind {
        /** {@code outer.start <= inner.start AND inner.end <= outer.end}. */
        CONTAINS,
        /** {@code a.start < b.end AND b.start < a.end} (half-open spans). */
        OVERLAPS
    }

    public SpanPredicate {
        requireNonNull(kind, "kind is null");
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
        residual = List.copyOf(residual);
    }

    /**
     * The condition of an inner join of inputs typed {@code left} and {@code right} read as a span
     * predicate, if it is one: at least one equi-key between columns of the same type, and span
     * columns of integer types.
     */
    public static Optional<SpanPredicate> analyse(RexNode condition, RelDataType left, RelDataType right) {
        int leftCount = left.getFieldCount();
        List<RelDataTypeField> fields = new ArrayList<>(left.getFieldList());
        fields.addAll(right.getFieldList());
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        // le(a, b) pairs "a <= b" and lt(a, b) "a < b", each between a left and a right column.
        List<int[]> le = new ArrayList<>();
        List<int[]> lt = new ArrayList<>();
        List<RexNode> rest = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            int[] refs = columnPair(conjunct);
            boolean crossing = refs != null && (refs[0] < leftCount) != (refs[1] < leftCount);
            if (!crossing) {
                rest.add(conjunct);
                continue;
            }
            SqlKind kind = conjunct.getKind();
            if (kind == SqlKind.EQUALS && sameType(fields, refs)) {
                int l = Math.min(refs[0], refs[1]);
                int r = Math.max(refs[0], refs[1]);
                leftKeys.add(l);
                rightKeys.add(r - leftCount);
                continue;
            }
            if (!integer(fields.get(refs[0])) || !integer(fields.get(refs[1]))) {
                rest.add(conjunct);
                continue;
            }
            switch (kind) {
                case LESS_THAN_OR_EQUAL -> le.add(refs);
                case GREATER_THAN_OR_EQUAL -> le.add(new int[] {refs[1], refs[0]});
                case LESS_THAN -> lt.add(refs);
                case GREATER_THAN -> lt.add(new int[] {refs[1], refs[0]});
                default -> {
                    rest.add(conjunct);
                    continue;
                }
            }
        }
        if (leftKeys.isEmpty()) {
            return Optional.empty();
        }
        // Containment: os <= is and ie <= oe, the outer start and end on one side.
        if (le.size() == 2 && lt.isEmpty()) {
            for (int first = 0; first < 2; first++) {
                int[] starts = le.get(first);
                int[] ends = le.get(1 - first);
                // starts = {outerStart, innerStart}, ends = {innerEnd, outerEnd}
                boolean outerLeft = starts[0] < leftCount;
                if ((ends[1] < leftCount) == outerLeft && (starts[1] < leftCount) != outerLeft && (ends[0] < leftCount) != outerLeft
                        && starts[0] != ends[1] && starts[1] != ends[0]) {
                    int[] l = outerLeft ? new int[] {starts[0], ends[1]} : new int[] {starts[1], ends[0]};
                    int[] r = outerLeft ? new int[] {starts[1], ends[0]} : new int[] {starts[0], ends[1]};
                    return Optional.of(new SpanPredicate(Kind.CONTAINS, leftKeys, rightKeys, outerLeft,
                            l[0], l[1], r[0] - leftCount, r[1] - leftCount, rest));
                }
            }
        }
        // Overlap: as < be and bs < ae; a is whichever side the first comparison starts on.
        if (lt.size() == 2 && le.isEmpty()) {
            int[] one = lt.get(0);
            int[] two = lt.get(1);
            // one = {aStart, bEnd}, two = {bStart, aEnd}
            boolean aLeft = one[0] < leftCount;
            if ((two[1] < leftCount) == aLeft && (two[0] < leftCount) != aLeft && one[0] != two[1] && two[0] != one[1]) {
                int ls = aLeft ? one[0] : two[0];
                int le2 = aLeft ? two[1] : one[1];
                int rs = aLeft ? two[0] : one[0];
                int re = aLeft ? one[1] : two[1];
                return Optional.of(new SpanPredicate(Kind.OVERLAPS, leftKeys, rightKeys, true,
                        ls, le2, rs - leftCount, re - leftCount, rest));
            }
        }
        return Optional.empty();
    }

    /** The same predicate with the residual left to someone else. */
    public SpanPredicate withoutResidual() {
        return new SpanPredicate(kind, leftKeys, rightKeys, outerLeft, leftStart, leftEnd, rightStart, rightEnd, List.of());
    }

    /** The condition the sweep itself decides: key equalities and span comparisons, without the residual. */
    public RexNode sweepCondition(RexBuilder rex, RelDataType left, RelDataType right) {
        List<RexNode> conjuncts = new ArrayList<>();
        for (int k = 0; k < leftKeys.size(); k++) {
            conjuncts.add(rex.makeCall(SqlStdOperatorTable.EQUALS,
                    ref(rex, left, right, leftKeys.get(k), true), ref(rex, left, right, rightKeys.get(k), false)));
        }
        RexNode ls = ref(rex, left, right, leftStart, true);
        RexNode lend = ref(rex, left, right, leftEnd, true);
        RexNode rs = ref(rex, left, right, rightStart, false);
        RexNode rend = ref(rex, left, right, rightEnd, false);
        SqlOperator le = SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
        SqlOperator lt = SqlStdOperatorTable.LESS_THAN;
        if (kind == Kind.CONTAINS) {
            RexNode os = outerLeft ? ls : rs;
            RexNode oe = outerLeft ? lend : rend;
            RexNode is = outerLeft ? rs : ls;
            RexNode ie = outerLeft ? rend : lend;
            conjuncts.add(rex.makeCall(le, os, is));
            conjuncts.add(rex.makeCall(le, ie, oe));
        } else {
            conjuncts.add(rex.makeCall(lt, ls, rend));
            conjuncts.add(rex.makeCall(lt, rs, lend));
        }
        return RexUtil.composeConjunction(rex, conjuncts);
    }

    private static RexNode ref(RexBuilder rex, RelDataType left, RelDataType right, int column, boolean onLeft) {
        int leftCount = left.getFieldCount();
        RelDataType type = onLeft ? left.getFieldList().get(column).getType() : right.getFieldList().get(column).getType();
        return rex.makeInputRef(type, onLeft ? column : leftCount + column);
    }

    /** The two column references of a binary comparison between plain columns, or null. */
    private static int[] columnPair(RexNode conjunct) {
        if (conjunct instanceof RexCall call && call.getOperands().size() == 2
                && call.getOperands().get(0) instanceof RexInputRef a && call.getOperands().get(1) instanceof RexInputRef b) {
            return new int[] {a.getIndex(), b.getIndex()};
        }
        return null;
    }

    private static boolean sameType(List<RelDataTypeField> fields, int[] refs) {
        return fields.get(refs[0]).getType().getSqlTypeName() == fields.get(refs[1]).getType().getSqlTypeName();
    }

    private static boolean integer(RelDataTypeField field) {
        SqlTypeName type = field.getType().getSqlTypeName();
        return type == SqlTypeName.BIGINT || type == SqlTypeName.INTEGER || type == SqlTypeName.SMALLINT || type == SqlTypeName.TINYINT;
    }
}
