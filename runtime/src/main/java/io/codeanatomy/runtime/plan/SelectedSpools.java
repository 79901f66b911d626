package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.Range;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * Every filter over a spool that requires constant values in some of its text columns (a conjunct
 * {@code column = 'literal'} or {@code column IN (...)}) reads only the rows holding them
 * ({@link IndexedScan} over the spool's {@link RowIndex}) instead of the whole spool: the points-to
 * facts are read by tag and kind, the expressions by kind, dozens of times a run. The filter still
 * evaluates its whole condition, so the rows and their order are those of the plain scan. The step
 * of a semi-naive fixpoint is left as planned ({@link EnumerableSemiNaiveFixpoint} indexes its
 * delta and total itself, and memoizes what it reads of the spools).
 */
public final class SelectedSpools {
    /** The most keys an {@link IndexedScan} looks up; a filter that allows more combinations reads the whole table. */
    private static final int MAX_SELECTED_KEYS = 64;
    private SelectedSpools() {
    }

    /** The plan with the scan under each such filter reading only the selected rows. */
    public static EnumerableRel rewrite(EnumerableRel plan) {
        requireNonNull(plan, "plan is null");
        return (EnumerableRel) select(plan, table -> !(table instanceof FixpointTable), false);
    }

    /**
     * {@code node} with the scan of each {@link SelectableRows} table {@code which} accepts, under a
     * filter that requires constant values of some text columns, an {@link IndexedScan} of those
     * values; into the steps of semi-naive fixpoints only if {@code intoSteps}.
     */
    static RelNode select(RelNode node, Predicate<SelectableRows> which, boolean intoSteps) {
        if (node instanceof EnumerableCalc calc) {
            RowIndex.Selection selection = selection(calc.getProgram());
            RelNode input = selection == null ? null : selected(calc.getInput(), selection, which);
            if (input != null) {
                return calc.copy(calc.getTraitSet(), List.of(input));
            }
        }
        List<RelNode> inputs = new ArrayList<>(node.getInputs());
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            RelNode input = inputs.get(i);
            RelNode rewritten = !intoSteps && node instanceof SemiNaiveFixpoint && i == 1 ? input : select(input, which, intoSteps);
            changed |= rewritten != input;
            inputs.set(i, rewritten);
        }
        return changed ? node.copy(node.getTraitSet(), inputs) : node;
    }

    /** {@code node} as the scan it is (or passes on) reading only {@code selection}; null if it is no scan {@code which} accepts. */
    private static RelNode selected(RelNode node, RowIndex.Selection selection, Predicate<SelectableRows> which) {
        if (node instanceof SpoolScan scan) {
            SelectableRows table = scan.getTable().unwrap(SelectableRows.class);
            return table != null && which.test(table) ? new IndexedScan(scan.getCluster(), scan.getTraitSet(), scan.getTable(), selection) : null;
        }
        if (node instanceof PassThrough && node.getInputs().size() == 1) {
            RelNode input = selected(node.getInput(0), selection, which);
            return input == null ? null : node.copy(node.getTraitSet(), List.of(input));
        }
        return null;
    }

    /**
     * The keys a filter's condition requires of its input's text columns: per column, the values of
     * its conjuncts {@code column = literal} and {@code SEARCH(column, points)} (intersected when
     * several name it); null when none does, or when the keys would be too many to be worth it.
     */
    static RowIndex.Selection selection(RexProgram program) {
        if (program.getCondition() == null) {
            return null;
        }
        Map<Integer, Set<Object>> values = new TreeMap<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(program.expandLocalRef(program.getCondition()))) {
            Map.Entry<Integer, Set<Object>> required = required(conjunct);
            if (required != null) {
                values.merge(required.getKey(), required.getValue(), (a, b) -> {
                    Set<Object> both = new LinkedHashSet<>(a);
                    both.retainAll(b);
                    return both;
                });
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        Set<Object> keys = new LinkedHashSet<>();
        keys.add(List.of());
        for (Set<Object> column : values.values()) {
            Set<Object> extended = new LinkedHashSet<>();
            for (Object key : keys) {
                for (Object value : column) {
                    List<Object> longer = new ArrayList<>((List<?>) key);
                    longer.add(value);
                    extended.add(longer);
                }
            }
            keys = extended;
            if (keys.size() > MAX_SELECTED_KEYS) {
                return null;
            }
        }
        int[] columns = values.keySet().stream().mapToInt(Integer::intValue).toArray();
        Set<Object> selected = new LinkedHashSet<>();
        // One column's key is its value, several columns' the list of their values.
        keys.forEach(key -> selected.add(columns.length == 1 ? ((List<?>) key).get(0) : key));
        return new RowIndex.Selection(columns, selected);
    }

    /** The text column a conjunct requires to hold one of some values, and the values; null if it is not such a conjunct. */
    private static Map.Entry<Integer, Set<Object>> required(RexNode conjunct) {
        if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
            return null;
        }
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        if (call.getKind() == SqlKind.EQUALS && left instanceof RexLiteral && right instanceof RexInputRef) {
            RexNode swap = left;
            left = right;
            right = swap;
        }
        if (!(left instanceof RexInputRef ref) || !(right instanceof RexLiteral literal) || !SqlTypeUtil.inCharFamily(ref.getType())) {
            return null;
        }
        Set<Object> values = new LinkedHashSet<>();
        if (call.getKind() == SqlKind.EQUALS && !literal.isNull() && SqlTypeUtil.inCharFamily(literal.getType())) {
            values.add(RowIndex.keyValue(literal.getValueAs(String.class)));
        } else if (call.getKind() == SqlKind.SEARCH && literal.getValue() instanceof Sarg<?> sarg && sarg.isPoints()
                && sarg.nullAs != RexUnknownAs.TRUE) {
            for (Range<?> point : sarg.rangeSet.asRanges()) {
                if (!(point.lowerEndpoint() instanceof NlsString text)) {
                    return null;
                }
                values.add(RowIndex.keyValue(text.getValue()));
            }
        } else {
            return null;
        }
        return Map.entry(ref.getIndex(), values);
    }
}
