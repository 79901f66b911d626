package io.codeanatomy.runtime.plan;

import com.google.common.collect.ImmutableList;
import io.codeanatomy.runtime.exec.RoundCountingTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Spool;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalRepeatUnion;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalTableSpool;

/**
 * The plain Calcite form of semi-naive fixpoints, for runs with
 * {@value BuiltinRules#SEMI_NAIVE_FIXPOINT} disabled (the A/B switch). A linear fixpoint, whose
 * step reads only the delta, is a {@code RepeatUnion} whose step reads the previous round where it
 * read the delta: the same rows, in another order (Calcite re-feeds each round's rows before it
 * drops those already seen). A step that reads the total has no such form: {@code RepeatUnion}
 * never shows the rows so far, so that plan fails in one sentence naming the rule.
 */
final class RepeatUnionFallback {
    private final Map<RelNode, RelNode> rewritten = new IdentityHashMap<>();

    private RepeatUnionFallback() {
    }

    /** {@code root} with every semi-naive fixpoint in it replaced by its {@code RepeatUnion}. */
    static RelNode rewrite(RelNode root) {
        return new RepeatUnionFallback().visit(root);
    }

    private RelNode visit(RelNode node) {
        // A shared subtree stays shared, so one fixpoint keeps one transient table.
        RelNode done = rewritten.get(node);
        if (done != null) {
            return done;
        }
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : node.getInputs()) {
            RelNode visited = visit(input);
            changed |= visited != input;
            inputs.add(visited);
        }
        RelNode result = changed ? node.copy(node.getTraitSet(), inputs) : node;
        if (result instanceof SemiNaiveFixpoint fixpoint) {
            result = repeatUnion(fixpoint);
        }
        rewritten.put(node, result);
        return result;
    }

    private static RelNode repeatUnion(SemiNaiveFixpoint fixpoint) {
        SemiNaiveTables tables = fixpoint.tables();
        if (!tables.bounds().isEmpty()) {
            throw new IllegalArgumentException("The semi-naive fixpoint '" + tables.name() + "' has group bounds " + tables.bounds()
                    + ", which only the rule " + BuiltinRules.SEMI_NAIVE_FIXPOINT + " can apply; stop disabling that rule.");
        }
        if (scans(fixpoint.step(), tables.total()) || scans(fixpoint.step(), tables.old())) {
            throw new IllegalArgumentException("The semi-naive fixpoint '" + tables.name() + "' reads its rows so far, which only the rule "
                    + BuiltinRules.SEMI_NAIVE_FIXPOINT + " can run; stop disabling that rule.");
        }
        RoundCountingTable previous = new RoundCountingTable(tables.name(), fixpoint.getRowType());
        RelOptTable table = RelOptTableImpl.create(null, fixpoint.getRowType(), previous, ImmutableList.of(tables.name()));
        RelNode scan = LogicalTableScan.create(fixpoint.getCluster(), table, List.of());
        RelNode step = replaceDeltaScans(fixpoint.step(), tables.delta(), scan, new IdentityHashMap<>());
        return LogicalRepeatUnion.create(
                LogicalTableSpool.create(fixpoint.seed(), Spool.Type.LAZY, Spool.Type.LAZY, table),
                LogicalTableSpool.create(step, Spool.Type.LAZY, Spool.Type.LAZY, table),
                false, fixpoint.maxIterations(), table);
    }

    private static boolean scans(RelNode node, FixpointTable table) {
        if (node instanceof TableScan scan && scan.getTable().unwrap(FixpointTable.class) == table) {
            return true;
        }
        return node.getInputs().stream().anyMatch(input -> scans(input, table));
    }

    /** {@code node} with every scan of {@code delta} replaced by the one {@code scan} of the previous round. */
    private static RelNode replaceDeltaScans(RelNode node, FixpointTable delta, RelNode scan, Map<RelNode, RelNode> done) {
        if (node instanceof TableScan tableScan && tableScan.getTable().unwrap(FixpointTable.class) == delta) {
            return scan;
        }
        RelNode memo = done.get(node);
        if (memo != null) {
            return memo;
        }
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : node.getInputs()) {
            RelNode replaced = replaceDeltaScans(input, delta, scan, done);
            changed |= replaced != input;
            inputs.add(replaced);
        }
        RelNode result = changed ? node.copy(node.getTraitSet(), inputs) : node;
        done.put(node, result);
        return result;
    }
}
