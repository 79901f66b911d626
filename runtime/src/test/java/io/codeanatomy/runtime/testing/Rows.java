package io.codeanatomy.runtime.testing;

import io.codeanatomy.runtime.exec.PlanExecutor;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.plan.QueryPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.RelNode;

/** Plans and runs a RelNode over a fixture's tables and returns its rows as lists. */
public final class Rows {
    private Rows() {
    }

    public static List<List<Object>> of(PlanningFixture fixture, RelNode plan) {
        PlannedQuery planned = QueryPlanner.create(List.of(), Set.of()).plan(plan);
        List<List<Object>> rows = new ArrayList<>();
        boolean single = plan.getRowType().getFieldCount() == 1;
        try (Enumerator<?> e = new PlanExecutor(fixture.root().plus(), fixture.typeFactory(), 0L).rows(planned.physical())) {
            while (e.moveNext()) {
                rows.add(single ? Arrays.asList(e.current()) : Arrays.asList((Object[]) e.current()));
            }
        }
        return rows;
    }
}
