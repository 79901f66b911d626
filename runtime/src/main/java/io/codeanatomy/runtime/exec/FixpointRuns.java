package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RepeatUnion;

/** Reads the round counts of the recursive queries of a plan after it ran. */
public final class FixpointRuns {
    private FixpointRuns() {
    }

    /**
     * One entry per recursive query in {@code plan}, in plan order (depth first, inputs left to
     * right). Counts accumulate if the plan runs more than once; a pipeline runs each plan once.
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
        for (RelNode input : node.getInputs()) {
            collect(input, runs, seen);
        }
    }
}
