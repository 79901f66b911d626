package io.codeanatomy.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.runtime.plan.SpoolLookup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hash join on the smaller side gives the rows Calcite's gives (as a multiset), for inner and
 * left joins, with and without a condition beyond the keys, with null keys, on either side being the
 * smaller, across chunk boundaries; and when the right side is the smaller, the same rows in the same
 * order.
 */
class TestSmallerSide {
    private static final Function1<Object[], Object> KEY = row -> row[0];
    private static final Function2<Object[], Object[], Object> PAIR = (left, right) -> Arrays.asList(
            left[1], right == null ? null : right[1]);
    private static final Predicate2<Object[], Object[]> ODD_SUM = (left, right) -> ((int) left[1] + (int) right[1]) % 2 == 1;

    @ParameterizedTest(name = "{0} left rows, {1} right rows, left join {2}, condition {3}")
    @CsvSource({
        "10, 5000, false, false", "10, 5000, true, false", "10, 5000, false, true",
        "5000, 10, false, false", "5000, 10, true, false", "5000, 10, false, true", "5000, 10, true, true",
        "1024, 1024, false, false", "1024, 1024, true, false", "2048, 3072, true, false", "3072, 2048, true, false",
        "0, 100, false, false", "0, 100, true, false", "100, 0, false, false", "100, 0, true, false", "0, 0, true, false"})
    void joinsAsCalciteDoes(int leftRows, int rightRows, boolean leftJoin, boolean condition) {
        List<Object[]> left = rows(leftRows, 1);
        List<Object[]> right = rows(rightRows, 2);
        Predicate2<Object[], Object[]> predicate = condition ? ODD_SUM : null;

        List<Object> expected = EnumerableDefaults.hashJoin(Linq4j.asEnumerable(left), Linq4j.asEnumerable(right), KEY, KEY, PAIR, null,
                false, leftJoin, predicate).toList();
        List<Object> sided = SmallerSide.probe(Linq4j.asEnumerable(left)).hashJoin(Linq4j.asEnumerable(right), KEY, KEY, PAIR, null,
                false, leftJoin, predicate).toList();

        if (leftRows > 0 && rightRows > 0) {
            assertThat(expected).as("the fixture joins rows").isNotEmpty();
        }
        // The right input is read first in each round of CHUNK rows: when it ends in the same round as the left or earlier, it is built.
        boolean planned = rightRows / SmallerSide.CHUNK <= leftRows / SmallerSide.CHUNK || (leftJoin && condition);
        if (planned) {
            assertThat(sided).as("built on the right side, as planned").isEqualTo(expected);
        } else {
            assertThat(sorted(sided)).isEqualTo(sorted(expected));
        }
    }

    @ParameterizedTest(name = "left join {0}")
    @CsvSource({"false", "true"})
    void twoInputsLargerThanTheReadAheadAreJoinedAsPlanned(boolean leftJoin) {
        List<Object[]> left = rows(5000, 1);
        List<Object[]> right = rows(6000, 2);
        Counted counted = new Counted(right);

        List<Object> expected = EnumerableDefaults.hashJoin(Linq4j.asEnumerable(left), Linq4j.asEnumerable(right), KEY, KEY, PAIR, null,
                false, leftJoin, null).toList();
        // At most 2,048 left rows read ahead: the 6,000 right rows are hashed though the 5,000 left ones are fewer.
        List<Object> sided = SmallerSide.probe(Linq4j.asEnumerable(left), 2 * SmallerSide.CHUNK).hashJoin(counted.rows(), KEY, KEY, PAIR,
                null, false, leftJoin, null).toList();

        assertThat(sided).isNotEmpty().isEqualTo(expected);
        assertThat(counted.enumerated).isEqualTo(1);
        assertThat(counted.closed).isEqualTo(1);
    }

    @ParameterizedTest(name = "left join {0}")
    @CsvSource({"false", "true"})
    void readsEachInputOnceAndClosesBoth(boolean leftJoin) {
        Counted left = new Counted(rows(10, 1));
        Counted right = new Counted(rows(5000, 2));

        List<Object> sided = SmallerSide.probe(left.rows()).hashJoin(right.rows(), KEY, KEY, PAIR, null, false, leftJoin, null).toList();

        assertThat(sided).isNotEmpty();
        assertThat(left.enumerated).isEqualTo(1);
        assertThat(right.enumerated).isEqualTo(1);
        assertThat(left.closed).isEqualTo(1);
        assertThat(right.closed).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} left rows, left join {1}, condition {2}")
    @CsvSource({"10, false, false", "10, true, false", "10, false, true", "300, false, false", "300, true, false", "0, true, false",
        "0, false, false", "10, true, true", "2000, false, false", "2000, true, false"})
    void looksTheLeftKeysUpInASpoolOnTheRightAndJoinsAsCalciteDoes(int leftRows, boolean leftJoin, boolean condition) {
        List<Object[]> left = rows(leftRows, 1);
        List<Object[]> spooled = rows(8000, 2);
        SpoolTable table = new SpoolTable("spooled", new JavaTypeFactoryImpl().builder()
                .add("key", SqlTypeName.VARCHAR).nullable(true).add("value", SqlTypeName.INTEGER).build());
        table.fill(new ArrayList<>(spooled), 0, 0);
        SpoolLookup lookup = new SpoolLookup(new int[] {0});
        Predicate2<Object[], Object[]> predicate = condition ? ODD_SUM : null;
        int[] read = {0};

        // As the generated code does it: the right input built (a filter over the spool's rows), then the join on the left rows.
        Enumerable<Object[]> right = lookup.rows(table).where(row -> {
            read[0]++;
            return (int) row[1] % 7 != 0;
        });
        List<Object> sided = SmallerSide.probe(Linq4j.asEnumerable(left), lookup).hashJoin(right, KEY, KEY, PAIR, null, false, leftJoin,
                predicate).toList();
        List<Object> expected = EnumerableDefaults.hashJoin(Linq4j.asEnumerable(left),
                Linq4j.asEnumerable(spooled).where(row -> (int) row[1] % 7 != 0), KEY, KEY, PAIR, null, false, leftJoin, predicate).toList();

        if (leftRows > 0) {
            assertThat(expected).as("the fixture joins rows").isNotEmpty();
        }
        assertThat(sorted(sided)).isEqualTo(sorted(expected));
        // A few left rows (at most an eighth of the spool's, or a chunk) read the spool's rows of their keys only.
        Set<Object> keys = left.stream().map(row -> row[0]).filter(Objects::nonNull).collect(Collectors.toSet());
        long holding = spooled.stream().filter(row -> keys.contains(row[0])).count();
        boolean looked = leftRows <= Math.max(SmallerSide.CHUNK, 8000 / SmallerSide.LOOKUP_SHARE) && !(leftJoin && condition);
        assertThat(read[0]).isEqualTo(looked ? holding : 8000);
        assertThat(lookup.take()).as("the join took the spool's rows").isNull();
    }

    @ParameterizedTest(name = "left join {0}")
    @CsvSource({"false", "true"})
    void aJoinReadAgainWithMoreLeftRowsReadsTheWholeSpool(boolean leftJoin) {
        List<Object[]> spooled = rows(8000, 2);
        SpoolTable table = new SpoolTable("spooled", new JavaTypeFactoryImpl().builder()
                .add("key", SqlTypeName.VARCHAR).nullable(true).add("value", SqlTypeName.INTEGER).build());
        table.fill(new ArrayList<>(spooled), 0, 0);
        SpoolLookup lookup = new SpoolLookup(new int[] {0});
        Enumerable<Object[]> right = lookup.rows(table);
        // A recursive query's step reads one join once per iteration, its left rows those of the iteration.
        List<Object[]> left = new ArrayList<>(rows(10, 1));
        Enumerable<Object> joined = SmallerSide.probe(Linq4j.asEnumerable(left), lookup).hashJoin(right, KEY, KEY, PAIR, null, false,
                leftJoin, null);

        List<Object> few = joined.toList();
        left.clear();
        left.addAll(rows(2000, 3));
        List<Object> many = joined.toList();
        left.clear();
        left.addAll(rows(20, 4));
        List<Object> fewAgain = joined.toList();

        assertThat(sorted(few)).isEqualTo(sorted(calcite(rows(10, 1), spooled, leftJoin)));
        assertThat(sorted(many)).isEqualTo(sorted(calcite(rows(2000, 3), spooled, leftJoin)));
        assertThat(sorted(fewAgain)).isEqualTo(sorted(calcite(rows(20, 4), spooled, leftJoin)));
    }

    private static List<Object> calcite(List<Object[]> left, List<Object[]> right, boolean leftJoin) {
        return EnumerableDefaults.hashJoin(Linq4j.asEnumerable(left), Linq4j.asEnumerable(right), KEY, KEY, PAIR, null, false, leftJoin,
                null).toList();
    }

    private static List<String> sorted(List<Object> rows) {
        return rows.stream().map(String::valueOf).sorted().toList();
    }

    /** Rows of {@code count} (key, value): keys from a small range, some null, values distinct. */
    private static List<Object[]> rows(int count, long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int key = random.nextInt(400);
            rows.add(new Object[] {key == 0 ? null : "k" + key, i});
        }
        return rows;
    }

    /** Rows that count their enumerations and closes. */
    private static final class Counted {
        private final List<Object[]> rows;
        private int enumerated;
        private int closed;

        Counted(List<Object[]> rows) {
            this.rows = rows;
        }

        Enumerable<Object[]> rows() {
            return new AbstractEnumerable<Object[]>() {
                @Override
                public Enumerator<Object[]> enumerator() {
                    enumerated++;
                    Enumerator<Object[]> all = Linq4j.enumerator(rows);
                    return new Enumerator<Object[]>() {
                        @Override
                        public Object[] current() {
                            return all.current();
                        }

                        @Override
                        public boolean moveNext() {
                            return all.moveNext();
                        }

                        @Override
                        public void reset() {
                            all.reset();
                        }

                        @Override
                        public void close() {
                            closed++;
                        }
                    };
                }
            };
        }
    }
}
