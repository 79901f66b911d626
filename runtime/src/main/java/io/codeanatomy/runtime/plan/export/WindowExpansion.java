package io.codeanatomy.runtime.plan.export;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;

/**
 * Writes each {@link Window} as a projection of its input's columns and its windowed aggregates
 * ({@code RexOver}), as the plan was before {@code ProjectToWindowRule}. {@code RelToSqlConverter}
 * puts a filter on a window's result into the same {@code SELECT}'s {@code WHERE}
 * ({@code WHERE ROW_NUMBER() OVER (...) <= 1}, which no engine accepts); a filter on a projection
 * with windowed expressions it writes over a sub-query.
 */
final class WindowExpansion extends RelHomogeneousShuttle {
    static RelNode expand(RelNode plan) {
        return plan.accept(new WindowExpansion());
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (!(visited instanceof Window window)) {
            return visited;
        }
        RelNode input = window.getInput();
        RexBuilder rex = window.getCluster().getRexBuilder();
        int inputColumns = input.getRowType().getFieldCount();
        // An aggregate's operand past the input's columns is one of the window's constants.
        RexShuttle constants = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return ref.getIndex() < inputColumns ? ref : window.constants.get(ref.getIndex() - inputColumns);
            }
        };
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < inputColumns; i++) {
            projects.add(rex.makeInputRef(input, i));
        }
        for (Window.Group group : window.groups) {
            List<RexNode> partition = new ArrayList<>();
            group.keys.forEach(key -> partition.add(rex.makeInputRef(input, key)));
            ImmutableList.Builder<RexFieldCollation> order = ImmutableList.builder();
            for (RelFieldCollation key : group.orderKeys.getFieldCollations()) {
                Set<SqlKind> flags = EnumSet.noneOf(SqlKind.class);
                if (key.direction.isDescending()) {
                    flags.add(SqlKind.DESCENDING);
                }
                if (key.nullDirection == RelFieldCollation.NullDirection.FIRST) {
                    flags.add(SqlKind.NULLS_FIRST);
                } else if (key.nullDirection == RelFieldCollation.NullDirection.LAST) {
                    flags.add(SqlKind.NULLS_LAST);
                }
                order.add(new RexFieldCollation(rex.makeInputRef(input, key.getFieldIndex()), flags));
            }
            for (Window.RexWinAggCall call : group.aggCalls) {
                List<RexNode> operands = call.getOperands().stream().map(operand -> operand.accept(constants)).toList();
                projects.add(rex.makeOver(call.getType(), (SqlAggFunction) call.getOperator(), operands, partition, order.build(),
                        group.lowerBound, group.upperBound, group.exclude, group.isRows, true, false, call.distinct, call.ignoreNulls));
            }
        }
        return LogicalProject.create(input, List.of(), projects, window.getRowType().getFieldNames(), Set.of());
    }
}
