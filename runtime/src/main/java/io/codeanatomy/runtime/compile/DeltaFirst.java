package io.codeanatomy.runtime.compile;

import io.codeanatomy.api.rel.JoinRel;
import io.codeanatomy.api.rel.JoinType;
import io.codeanatomy.api.rel.RelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A semi-naive step with the delta on the left of every inner join that reads it on one side:
 * a hash join builds its lookup from its right input and probes it with the left, so with the
 * delta on the left each round probes with the round's new rows, and the right inputs (static
 * relations, the total) can keep their lookups from round to round (runtime.plan.MemoRows).
 * Columns are referred to by name, so swapping a join's inputs leaves the rule's result alone.
 */
final class DeltaFirst {
    private DeltaFirst() {
    }

    static RelSpec rewrite(RelSpec node, String delta) {
        List<RelSpec> inputs = node.inputs();
        if (inputs.isEmpty()) {
            return node;
        }
        if (node instanceof JoinRel join && join.type() == JoinType.INNER
                && join.right().scannedRelations().contains(delta) && !join.left().scannedRelations().contains(delta)) {
            return new JoinRel(rewrite(join.right(), delta), join.left(), JoinType.INNER, join.condition());
        }
        List<RelSpec> rewritten = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (RelSpec input : inputs) {
            RelSpec r = rewrite(input, delta);
            changed |= r != input;
            rewritten.add(r);
        }
        return changed ? node.withInputs(rewritten) : node;
    }
}
