package io.codeanatomy.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rows routed into batches by a column after the written ones: every route gets its rows in the
 * order they came, the written columns only, batches ending at the row limit, and the batches
 * being filled never together holding more than one batch's byte limit.
 */
class TestRoutedBatches {
    private static final Schema WRITTEN = new Schema(List.of(
            new Field("n", FieldType.notNullable(new ArrowType.Int(64, true)), null),
            new Field("text", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void everyRouteGetsItsRowsInOrderInBatchesOfAtMostTheRowLimit() {
        List<Object[]> rows = rows(1_000, 3);
        List<Handed> handed = route(rows, new BatchLimits(64, Long.MAX_VALUE), 3);

        for (int route = 0; route < 3; route++) {
            int r = route;
            List<String> got = handed.stream().filter(h -> h.route == r).flatMap(h -> h.rows.stream()).toList();
            List<String> expected = rows.stream().filter(row -> (int) row[2] == r).map(TestRoutedBatches::line).toList();
            assertThat(got).as("route %d", route).isEqualTo(expected);
        }
        assertThat(handed).allSatisfy(h -> assertThat(h.rows).hasSizeBetween(1, 64));
        assertThat(handed.stream().filter(h -> h.rows.size() == 64)).as("batches ended by the row limit").isNotEmpty();
    }

    @Test
    void theBatchesBeingFilledTogetherStayWithinOneBatchsByteLimit() {
        // A row adds 8 bytes of n and 4 + 6 of text, or 1 for a null text: 18 or 9; three routes interleaved.
        long limit = 18 * 30;
        List<Handed> handed = route(rows(600, 3), new BatchLimits(1_000, limit), 3);

        assertThat(handed.stream().mapToInt(h -> h.rows.size()).sum()).isEqualTo(600);
        // Batches being filled are handed together, in route order, once their bytes reach the limit:
        // a round of handing holds at most the limit and the row that reached it.
        long held = 0;
        int rounds = 1;
        int lastRoute = -1;
        for (Handed h : handed) {
            if (h.route <= lastRoute) {
                held = 0;
                rounds++;
            }
            held += h.rows.stream().mapToLong(line -> line.endsWith("\tnull") ? 9 : 18).sum();
            lastRoute = h.route;
            assertThat(held).isLessThan(limit + 18);
        }
        assertThat(rounds).as("the 600 rows' %d bytes in rounds of at most %d", 600 / 5 * (4 * 18 + 9), limit + 17)
                .isGreaterThanOrEqualTo(600 / 5 * (4 * 18 + 9) / (int) (limit + 17));
    }

    @Test
    void aRouterFailureClosesTheBatchesBeingFilledAndTheRows() {
        List<Object[]> rows = rows(100, 2);
        AtomicBoolean closed = new AtomicBoolean();
        Enumerator<Object[]> enumerator = Linq4j.enumerator(rows);
        Enumerator<Object[]> watched = new Enumerator<>() {
            @Override
            public Object[] current() {
                return enumerator.current();
            }

            @Override
            public boolean moveNext() {
                return enumerator.moveNext();
            }

            @Override
            public void reset() {
                enumerator.reset();
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        List<VectorSchemaRoot> taken = new ArrayList<>();
        assertThatThrownBy(() -> RoutedBatches.route(watched, WRITTEN, allocator, new BatchLimits(10, Long.MAX_VALUE), 2, row -> {
            if ((long) row[0] == 50) {
                throw new IllegalStateException("row 50 has no route");
            }
            return (int) row[2];
        }, (route, batch) -> taken.add(batch))).hasMessage("row 50 has no route");

        assertThat(closed).isTrue();
        taken.forEach(VectorSchemaRoot::close);
        assertThat(allocator.getAllocatedMemory()).as("nothing left allocated").isZero();
    }

    /** Rows {@code n}, {@code text} (null every 5th), and a route column {@code n % routes}. */
    private static List<Object[]> rows(int count, int routes) {
        List<Object[]> rows = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            rows.add(new Object[] {n, n % 5 == 4 ? null : "t" + (n % 10_000 + 10_000), (int) (n % routes)});
        }
        return rows;
    }

    private static String line(Object[] row) {
        return row[0] + "\t" + row[1];
    }

    private List<Handed> route(List<Object[]> rows, BatchLimits limits, int routes) {
        List<Handed> handed = new ArrayList<>();
        long count = RoutedBatches.route(Linq4j.enumerator(rows), WRITTEN, allocator, limits, routes, row -> (int) row[2],
                (route, batch) -> {
                    try (batch) {
                        assertThat(batch.getFieldVectors()).as("the written columns only").hasSize(2);
                        BigIntVector n = (BigIntVector) batch.getVector(0);
                        VarCharVector text = (VarCharVector) batch.getVector(1);
                        List<String> lines = new ArrayList<>();
                        for (int row = 0; row < batch.getRowCount(); row++) {
                            lines.add(n.get(row) + "\t" + (text.isNull(row) ? null : new String(text.get(row), StandardCharsets.UTF_8)));
                        }
                        handed.add(new Handed(route, lines));
                    }
                });
        assertThat(count).isEqualTo(rows.size());
        return handed;
    }

    private record Handed(int route, List<String> rows) {
    }
}
