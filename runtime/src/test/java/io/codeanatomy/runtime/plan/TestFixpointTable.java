package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The delta and total tables' indexed scans against the rows filtered one by one. */
class TestFixpointTable {
    private static final List<String> TAGS = List.of("P", "C", "X");
    private static final List<String> KINDS = List.of("I", "L", "BC", "F");

    @Test
    void anIndexedScanReadsTheRowsWhoseColumnsHoldTheKeysInTheTablesOrder() {
        FixpointTable table = table();
        List<Object[]> rows = rows(new Random(3), 2_000, 0);
        table.set(rows);

        RowIndex.Selection selection = new RowIndex.Selection(new int[] {0, 2}, keys(List.of("P", "I"), List.of("C", "BC"), List.of("C", "F")));
        assertThat(scan(table, selection)).containsExactlyElementsOf(filter(rows, 0,
                row -> Set.of("P|I", "C|BC", "C|F").contains(row[0] + "|" + row[2])));
        RowIndex.Selection tags = new RowIndex.Selection(new int[] {0}, keys("X", "C"));
        assertThat(scan(table, tags)).containsExactlyElementsOf(filter(rows, 0, row -> !row[0].equals("P")));
        assertThat(scan(table, new RowIndex.Selection(new int[] {0}, keys("Y")))).isEmpty();
    }

    @Test
    void theIndexFollowsAListThatGrowsAndScansFromTheOffsetSetOnThisThreadOnly() {
        FixpointTable table = table();
        Random random = new Random(5);
        List<Object[]> total = new ArrayList<>(rows(random, 500, 0));
        table.set(total);
        RowIndex.Selection selection = new RowIndex.Selection(new int[] {0, 2}, keys(List.of("P", "I"), List.of("P", "L")));
        Predicate<Object[]> selected = row -> row[0].equals("P") && (row[2].equals("I") || row[2].equals("L"));
        assertThat(scan(table, selection)).containsExactlyElementsOf(filter(total, 0, selected));
        for (int round = 1; round <= 4; round++) {
            int before = total.size();
            total.addAll(rows(random, 300, before));
            table.set(total);
            assertThat(scan(table, selection)).containsExactlyElementsOf(filter(total, 0, selected));
            table.readFrom(before);
            assertThat(scan(table, selection)).as("the rows added in round %d", round).containsExactlyElementsOf(filter(total, before, selected));
            // Another thread's scans (another branch of the round) still read every row.
            CompletableFuture<List<Object[]>> elsewhere = CompletableFuture.supplyAsync(() -> scan(table, selection));
            assertThat(elsewhere.join()).as("another thread in round %d", round).containsExactlyElementsOf(filter(total, 0, selected));
            table.readFromStart();
            assertThat(scan(table, selection)).containsExactlyElementsOf(filter(total, 0, selected));
        }
        List<Object[]> other = rows(random, 200, 0);
        table.set(other);
        assertThat(scan(table, selection)).as("another list").containsExactlyElementsOf(filter(other, 0, selected));
    }

    @Test
    void theDeltaIsTheTotalsLastRoundTheOldRowsAreTheRestAndAllThreeShareTheIndexes() {
        FixpointTable total = table();
        FixpointTable delta = total.tail("d");
        FixpointTable old = total.head("o");
        Random random = new Random(7);
        List<Object[]> all = new ArrayList<>(rows(random, 400, 0));
        RowIndex.Selection selection = new RowIndex.Selection(new int[] {0, 2}, keys(List.of("P", "I"), List.of("C", "F")));
        Predicate<Object[]> selected = row -> Set.of("P|I", "C|F").contains(row[0] + "|" + row[2]);
        int start = 0;
        for (int round = 1; round <= 4; round++) {
            total.set(all);
            delta.set(all, start);
            old.set(all, 0, start);
            // Scanned in either order, each table reads its own rows of the one list.
            assertThat(scan(old, selection)).as("old rows of round %d", round)
                    .containsExactlyElementsOf(filter(all.subList(0, start), 0, selected));
            assertThat(old.size()).isEqualTo(start);
            if (round % 2 == 0) {
                assertThat(scan(delta, selection)).as("delta of round %d", round).containsExactlyElementsOf(filter(all, start, selected));
                assertThat(scan(total, selection)).as("total of round %d", round).containsExactlyElementsOf(filter(all, 0, selected));
            } else {
                assertThat(scan(total, selection)).as("total of round %d", round).containsExactlyElementsOf(filter(all, 0, selected));
                assertThat(scan(delta, selection)).as("delta of round %d", round).containsExactlyElementsOf(filter(all, start, selected));
            }
            assertThat(scanAll(delta)).as("the delta's plain scan").containsExactlyElementsOf(all.subList(start, all.size()));
            assertThat(scanAll(old)).as("the old rows' plain scan").containsExactlyElementsOf(all.subList(0, start));
            old.readFrom(start / 2);
            try {
                assertThat(scanAll(old)).as("the old rows added since a lookup last read them").containsExactlyElementsOf(all.subList(start / 2, start));
                assertThat(scan(old, selection)).containsExactlyElementsOf(filter(all.subList(0, start), start / 2, selected));
            } finally {
                old.readFromStart();
            }
            start = all.size();
            all.addAll(rows(random, 100 * round, start));
        }
        total.set(List.of());
        delta.set(List.of());
        old.set(List.of());
        assertThat(scan(old, selection)).isEmpty();
        assertThat(scan(total, selection)).isEmpty();
        assertThat(scan(delta, selection)).isEmpty();
    }

    @Test
    void anIndexHoldsTheKeysAskedForOnlyAndAKeyAskedForLaterFindsTheRowsIndexedBefore() {
        // Column a is unique per row: an index of every value would hold a run per row.
        FixpointTable table = table();
        Random random = new Random(11);
        List<Object[]> total = new ArrayList<>(rows(random, 1_000, 0));
        table.set(total);
        RowIndex.Selection first = new RowIndex.Selection(new int[] {1}, keys(5, 17, 2_500));
        RowIndex.Selection later = new RowIndex.Selection(new int[] {1}, keys(17, 300, 1_200));
        RowIndex.Selection tagged = new RowIndex.Selection(new int[] {0, 1}, keys(List.of("P", 300), List.of("C", 300), List.of("X", 300)));
        assertThat(scan(table, first)).containsExactlyElementsOf(filter(total, 0, row -> Set.of(5, 17).contains(row[1])));
        assertThat(table.keysIndexed()).isEqualTo(3);

        total.addAll(rows(random, 1_000, total.size()));
        table.set(total);
        assertThat(scan(table, later)).as("asked for after 1,000 rows were indexed")
                .containsExactlyElementsOf(filter(total, 0, row -> Set.of(17, 300, 1_200).contains(row[1])));
        assertThat(scan(table, tagged)).containsExactly(total.get(300));
        assertThat(scan(table, first)).containsExactlyElementsOf(filter(total, 0, row -> Set.of(5, 17).contains(row[1])));

        total.addAll(rows(random, 1_000, total.size()));
        table.set(total);
        table.readFrom(2_000);
        assertThat(scan(table, first)).as("the rows added last").containsExactly(total.get(2_500));
        table.readFromStart();
        assertThat(scan(table, later)).containsExactlyElementsOf(filter(total, 0, row -> Set.of(17, 300, 1_200).contains(row[1])));
        assertThat(table.keysIndexed()).as("five values of a, and (tag, a) for three tags").isEqualTo(8);
    }

    @Test
    void aKeyOfThreeColumnsAndNullValues() {
        FixpointTable table = table3();
        List<Object[]> rows = List.of(new Object[] {"P", 0, "I", "x"}, new Object[] {"P", 1, null, "x"}, new Object[] {"P", 2, "I", null},
                new Object[] {"P", 3, "I", "y"}, new Object[] {"P", 4, "I", "x"}, new Object[] {"C", 5, "I", "x"});
        table.set(rows);
        RowIndex.Selection selection = new RowIndex.Selection(new int[] {0, 2, 3}, keys(List.of("P", "I", "x"), List.of("C", "F", "x")));
        assertThat(scan(table, selection)).containsExactly(rows.get(0), rows.get(4));
        assertThatThrownBy(() -> table.set(rows, 7)).isInstanceOf(IllegalArgumentException.class).hasMessage("rows 7 to 6 are outside the 6 rows");
        assertThatThrownBy(() -> table.set(rows, 0, 7)).isInstanceOf(IllegalArgumentException.class).hasMessage("rows 0 to 7 are outside the 6 rows");
    }

    @Test
    void keysAreTextWithoutTrailingBlanksSoAPaddedLiteralFindsItsRows() {
        FixpointTable table = table();
        List<Object[]> rows = List.of(row("P", 0, "I"), row("PR", 1, "I"), row("P", 2, "L"));
        table.set(rows);

        RowIndex.Selection padded = new RowIndex.Selection(new int[] {0}, keys(RowIndex.keyValue("P ")));
        assertThat(scan(table, padded)).containsExactly(rows.get(0), rows.get(2));
    }

    private static FixpointTable table() {
        RelDataTypeFactory types = new JavaTypeFactoryImpl();
        return new FixpointTable("t", types.builder().add("tag", SqlTypeName.VARCHAR).add("a", SqlTypeName.INTEGER)
                .add("kind", SqlTypeName.VARCHAR).build());
    }

    private static FixpointTable table3() {
        RelDataTypeFactory types = new JavaTypeFactoryImpl();
        return new FixpointTable("t", types.builder().add("tag", SqlTypeName.VARCHAR).add("a", SqlTypeName.INTEGER)
                .add("kind", SqlTypeName.VARCHAR).add("recv", SqlTypeName.VARCHAR).build());
    }

    private static List<Object[]> scanAll(FixpointTable table) {
        List<Object[]> rows = new ArrayList<>();
        try (Enumerator<Object[]> e = table.scan((DataContext) null).enumerator()) {
            while (e.moveNext()) {
                rows.add(e.current());
            }
        }
        return rows;
    }

    private static List<Object[]> rows(Random random, int count, int first) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(TAGS.get(random.nextInt(TAGS.size())), first + i, KINDS.get(random.nextInt(KINDS.size()))));
        }
        return rows;
    }

    private static Object[] row(String tag, int a, String kind) {
        return new Object[] {tag, a, kind};
    }

    private static Set<Object> keys(Object... keys) {
        return new LinkedHashSet<>(Arrays.asList(keys));
    }

    private static List<Object[]> filter(List<Object[]> rows, int from, Predicate<Object[]> selected) {
        return rows.subList(from, rows.size()).stream().filter(selected).toList();
    }

    private static List<Object[]> scan(FixpointTable table, RowIndex.Selection selection) {
        List<Object[]> rows = new ArrayList<>();
        try (Enumerator<Object[]> e = table.scan(selection).enumerator()) {
            while (e.moveNext()) {
                rows.add(e.current());
            }
        }
        return rows;
    }
}
