package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.rel.RelNode;

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
    private SelectedSpools() {
    }

    /** The plan with the scan under each such filter reading only the selected rows. */
    public static EnumerableRel rewrite(EnumerableRel plan) {
        requireNonNull(plan, "plan is null");
        return (EnumerableRel) rewrite((RelNode) plan);
    }

    private static RelNode rewrite(RelNode node) {
        return select(node, table -> !(table instanceof FixpointTable), false);
    }

    /**
     * {@code node} with the scan of each {@link SelectableRows} table {@code which} accepts, under a
     * filter that requires constant values of some text columns, an {@link IndexedScan} of those
     * values; into the steps of semi-naive fixpoints only if {@code intoSteps}.
     */
    static RelNode select(RelNode node, Predicate<SelectableRows> which, boolean intoSteps) {
        if (node instanceof EnumerableCalc calc) {
            RowIndex.Selection selection = EnumerableSemiNaiveFixpoint.selection(calc.getProgram());
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
}
