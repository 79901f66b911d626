package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fixpoint's set of derived rows answers as a set of rows compared by value would. */
class TestFixpointRowSet {
    @Test
    void addsEachRowOnceByValueThroughManyGrowths() {
        SemiNaiveEvaluation.RowSet set = new SemiNaiveEvaluation.RowSet();
        Set<List<Object>> reference = new HashSet<>();
        Random random = new Random(7);
        int added = 0;
        for (int i = 0; i < 200_000; i++) {
            // Few distinct values, so about half the rows repeat one seen before; new objects every time.
            Object[] row = {"P", "ptr" + random.nextInt(400), random.nextInt(300), null};
            boolean expected = reference.add(Arrays.asList(row));
            assertThat(set.add(row)).as("row %s", Arrays.toString(row)).isEqualTo(expected);
            added += expected ? 1 : 0;
        }
        assertThat(added).isEqualTo(reference.size()).isGreaterThan(50_000).isLessThan(200_000);
    }

    @Test
    void comparesNestedArraysDeeply() {
        SemiNaiveEvaluation.RowSet set = new SemiNaiveEvaluation.RowSet();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"a", new Object[] {1, "x"}});
        assertThat(set.add(rows.get(0))).isTrue();
        assertThat(set.add(new Object[] {"a", new Object[] {1, "x"}})).isFalse();
        assertThat(set.add(new Object[] {"a", new Object[] {1, "y"}})).isTrue();
    }
}
