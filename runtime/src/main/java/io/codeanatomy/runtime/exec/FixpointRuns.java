package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import io.codeanatomy.runtime.plan.SemiNaiveFixpoint;
import io.codeanatomy.runtime.plan.SemiNaiveTables;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RepeatUnion;

/** Reads the round counts of the recursive queries of a plan after it ran. */
public final class FixpointRuns {
    private FixpointRuns() {
    }

    /**
     * One entry per recursive query in {@code plan}, in plan order (depth first, inputs left to
     * right). A {@code RepeatUnion}'s counts accumulate if the plan runs more than once; a
     * semi-naive fixpoint's are those of its last evaluation. A pipeline runs each plan once.
     */
    public static List<FixpointRun> of(RelNode plan) {
        requireNonNull(plan, "plan is null");
        List<FixpointRun> runs = new ArrayList<>();
        collect(plan, runs, new IdentityHashMap<>());
        return List.copyOf(runs);
    }

    private static void collect(RelNode node, List<FixpointRun> runs, Map<RelNode, Boolean> seen) {
        if (seen.put(node, true) != null) {
            return;
        }
        if (node instanceof RepeatUnion repeat) {
            RelOptTable table = repeat.getTransientTable();
            RoundCountingTable counting = table == null ? null : table.unwrap(RoundCountingTable.class);
            if (counting != null) {
                runs.add(new FixpointRun(counting.name(), repeat.iterationLimit, counting.rowsPerRound()));
            }
        }
        if (node instanceof SemiNaiveFixpoint fixpoint) {
            SemiNaiveTables tables = fixpoint.tables();
            runs.add(new FixpointRun(tables.name(), fixpoint.maxIterations(), tables.rowsPerRound(), tables.newRowsPerRound(),
                    tables.nanosPerRound(), tables.droppedRowsPerRound(), tables.fullGroups(), tables.cpuNanosPerBranch(),
                    tables.rowsPerBranch()));
        }
        for (RelNode input : node.getInputs()) {
            collect(input, runs, seen);
        }
    }
}
