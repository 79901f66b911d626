package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.runtime.FlatLists;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The keyed join gives exactly Calcite's hash join's rows in Calcite's order, for the key shapes
 * Calcite's generated code makes (a bare value, a list of one value, a list of two), with repeated
 * keys, NULL rows, NULL keys and lists holding NULL on both sides, for inner and left joins, across
 * the table's growth.
 */
class TestKeyedJoin {
    private static final Function2<Object[], Object[], Object> PAIR = (probe, build) -> Arrays.asList(
            probe == null ? null : probe[2], build == null ? null : build[2]);

    @ParameterizedTest(name = "{0} keys, {1} probe rows, {2} build rows, left join {3}")
    @CsvSource({
        "bare, 500, 3000, false", "bare, 500, 3000, true", "one, 3000, 500, false", "one, 3000, 500, true",
        "two, 2000, 2000, false", "two, 2000, 2000, true", "one, 0, 100, true", "one, 100, 0, true", "two, 0, 0, false"})
    void givesCalcitesRowsInCalcitesOrder(String shape, int probeRows, int buildRows, boolean left) {
        Random random = new Random(probeRows * 31L + buildRows);
        List<Object[]> probe = rows(random, probeRows);
        List<Object[]> build = rows(random, buildRows);
        Function1<Object[], Object> key = switch (shape) {
            case "bare" -> row -> row == null ? null : row[0];
            case "one" -> row -> row == null || row[0] == null && row[1] == null ? null : FlatLists.ofSingle(row[0]);
            default -> row -> row == null || row[0] == null && row[1] == null ? null : FlatLists.of(row[0], row[1]);
        };

        List<Object> expected = EnumerableDefaults.hashJoin(Linq4j.asEnumerable(probe), Linq4j.asEnumerable(build), key, key, PAIR, null,
                false, left, null).toList();
        List<Object> keyed = new ArrayList<>();
        try (Enumerator<Object> rows = KeyedJoin.join(Linq4j.asEnumerable(probe), Linq4j.asEnumerable(build), key, key, PAIR, left)) {
            while (rows.moveNext()) {
                keyed.add(rows.current());
            }
        }

        if (probeRows > 0 && buildRows > 0) {
            assertThat(expected).as("the fixture joins rows").hasSizeGreaterThan(probeRows / 2);
        }
        assertThat(keyed).isEqualTo(expected);
    }

    /**
     * Rows {@code (key, second key, number)}: keys from a small set so that they repeat, one key in
     * 20 NULL, one second key in 20 NULL, one row in 50 NULL itself.
     */
    private static List<Object[]> rows(Random random, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(50) == 0) {
                rows.add(null);
                continue;
            }
            String key = random.nextInt(20) == 0 ? null : "PY_NAME:" + random.nextInt(Math.max(1, count / 3));
            String second = random.nextInt(20) == 0 ? null : "k" + random.nextInt(2);
            rows.add(new Object[] {key, second, i});
        }
        return rows;
    }
}
