package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Grouping;
import org.apache.calcite.runtime.FlatLists;
import org.junit.jupiter.api.Test;

class TestMultiLookup {
    @Test
    void eachKeyGivesItsRowsInTheOrderAdded() {
        MemoRows.MultiLookup<String, Object> lookup = new MemoRows.MultiLookup<>();
        Object[] a1 = {"a", 1};
        Object[] b1 = {"b", 1};
        lookup.add("a", a1);
        lookup.add("b", b1);
        for (int i = 2; i <= 9; i++) {
            lookup.add("a", new Object[] {"a", i});
        }
        assertThat(rows(lookup.get("b"))).singleElement().isSameAs(b1);
        assertThat(rows(lookup.get("a"))).hasSize(9).first().isSameAs(a1);
        assertThat(rows(lookup.get("a"))).extracting(row -> ((Object[]) row)[1]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(lookup.get("c")).isNull();
        assertThat(lookup.size()).isEqualTo(2);
        assertThat(lookup.keySet()).containsExactlyInAnyOrder("a", "b");
        assertThat(lookup.containsKey("a")).isTrue();
        assertThat(lookup.containsKey("c")).isFalse();
    }

    @Test
    void aLookupWithAViewKeepsTheRowsAddedAndGivesEachAsTheViewReadsIt() {
        // A kept lookup over a calculation keeps the table's rows and projects them when they are read.
        MemoRows.MultiLookup<String, Object> lookup = new MemoRows.MultiLookup<>(row -> new Object[] {((Object[]) row)[1]});
        Object[] a1 = {"a", 1};
        lookup.add("a", a1);
        lookup.add("b", new Object[] {"b", 2});
        lookup.add("b", new Object[] {"b", 3});
        assertThat(rows(lookup.get("a"))).singleElement().isNotSameAs(a1).isEqualTo(new Object[] {1});
        assertThat(rows(lookup.get("b"))).containsExactly(new Object[] {2}, new Object[] {3});
        assertThat(lookup.values()).extracting(rows -> Arrays.deepToString(rows(rows).toArray())).containsExactlyInAnyOrder("[[1]]", "[[2], [3]]");
    }

    @Test
    void viewsOfOneLookupShareItsRowsAndEachReadsThemItsWay() {
        MemoRows.MultiLookup<String, Object> rowsAsAdded = new MemoRows.MultiLookup<>();
        MemoRows.MultiLookup<String, Object> firsts = rowsAsAdded.viewing(row -> new Object[] {((Object[]) row)[0]});
        MemoRows.MultiLookup<String, Object> seconds = rowsAsAdded.viewing(row -> new Object[] {((Object[]) row)[1]});
        Object[] a1 = {"a", 1};
        rowsAsAdded.add("a", a1);
        seconds.add("b", new Object[] {"b", 2});
        firsts.add("b", new Object[] {"b", 3});
        assertThat(rows(rowsAsAdded.get("a"))).singleElement().isSameAs(a1);
        assertThat(rows(firsts.get("b"))).containsExactly(new Object[] {"b"}, new Object[] {"b"});
        assertThat(rows(seconds.get("b"))).containsExactly(new Object[] {2}, new Object[] {3});
        assertThat(firsts.size()).isEqualTo(seconds.size()).isEqualTo(rowsAsAdded.size()).isEqualTo(2);
    }

    @Test
    void rowsAddedLaterAreNotInWhatWasReadBefore() {
        MemoRows.MultiLookup<String, Object> lookup = new MemoRows.MultiLookup<>();
        lookup.add("k", "one");
        Enumerable<Object> first = lookup.get("k");
        lookup.add("k", "two");
        Enumerable<Object> second = lookup.get("k");
        lookup.add("k", "three");
        lookup.add("k", "four");
        lookup.add("k", "five");
        assertThat(rows(first)).containsExactly("one");
        assertThat(rows(second)).containsExactly("one", "two");
        assertThat(rows(lookup.get("k"))).containsExactly("one", "two", "three", "four", "five");
    }

    @Test
    void aNullRowIsARow() {
        // A row of one column is its value; a key may have a null one, alone or among others.
        MemoRows.MultiLookup<String, Object> lookup = new MemoRows.MultiLookup<>();
        lookup.add("alone", null);
        lookup.add("first", null);
        lookup.add("first", "x");
        lookup.add("later", "y");
        lookup.add("later", null);
        assertThat(rows(lookup.get("alone"))).containsExactly((Object) null);
        assertThat(rows(lookup.get("first"))).containsExactly(null, "x");
        assertThat(rows(lookup.get("later"))).containsExactly("y", null);
    }

    @Test
    void groupsAndResultSelectorsSeeEveryKey() {
        MemoRows.MultiLookup<String, Object> lookup = new MemoRows.MultiLookup<>();
        lookup.add("a", "a1");
        lookup.add("b", "b1");
        lookup.add("a", "a2");
        Map<String, List<Object>> groups = new TreeMap<>();
        for (Grouping<String, Object> group : lookup) {
            groups.put(group.getKey(), rows(group));
        }
        assertThat(groups).containsExactlyEntriesOf(new TreeMap<>(Map.of("a", List.of("a1", "a2"), "b", List.of("b1"))));
        List<String> counted = lookup.applyResultSelector((key, rows) -> key + "=" + rows.count()).toList();
        assertThat(counted).containsExactlyInAnyOrder("a=2", "b=1");
        assertThat(lookup.values()).extracting(TestMultiLookup::rows).containsExactlyInAnyOrder(List.of("a1", "a2"), List.of("b1"));
    }

    @Test
    void keysOfOneColumnWrappedInAListAreFoundByAnEqualWrapper() {
        // Calcite's hash joins key a row by FlatLists.ofSingle(column); the lookup keeps the column.
        MemoRows.MultiLookup<Object, Object> lookup = new MemoRows.MultiLookup<>();
        lookup.add(FlatLists.ofSingle("a"), "a1");
        lookup.add(FlatLists.ofSingle("b"), "b1");
        lookup.add(FlatLists.ofSingle("a"), "a2");
        lookup.add(FlatLists.ofSingle(null), "none");
        assertThat(rows(lookup.get(FlatLists.ofSingle("a")))).containsExactly("a1", "a2");
        assertThat(rows(lookup.get(FlatLists.ofSingle(null)))).containsExactly("none");
        assertThat(lookup.get(FlatLists.ofSingle("c"))).isNull();
        assertThat(lookup.containsKey(FlatLists.ofSingle("b"))).isTrue();
        assertThat(lookup.keySet()).containsExactlyInAnyOrder(FlatLists.ofSingle("a"), FlatLists.ofSingle("b"), FlatLists.ofSingle(null));
        List<Object> keys = new ArrayList<>();
        for (Grouping<Object, Object> group : lookup) {
            keys.add(group.getKey());
        }
        assertThat(keys).containsExactlyInAnyOrder(FlatLists.ofSingle("a"), FlatLists.ofSingle("b"), FlatLists.ofSingle(null));
    }

    @Test
    void keysOfSeveralColumnsAreKeptAsTheyAre() {
        MemoRows.MultiLookup<Object, Object> lookup = new MemoRows.MultiLookup<>();
        lookup.add(FlatLists.of("a", "b"), "ab");
        lookup.add(FlatLists.of("a", "c"), "ac");
        assertThat(rows(lookup.get(FlatLists.of("a", "b")))).containsExactly("ab");
        assertThat(lookup.keySet()).containsExactlyInAnyOrder(FlatLists.of("a", "b"), FlatLists.of("a", "c"));
    }

    @Test
    void manyKeysWithCollidingHashesAgreeWithAMap() {
        // "Aa" and "BB" have one hash code, so keys made of them collide in every table size.
        MemoRows.MultiLookup<Object, Object> lookup = new MemoRows.MultiLookup<>();
        Map<Object, List<Object>> model = new java.util.HashMap<>();
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 50_000; i++) {
            int n = random.nextInt(20_000);
            String key = (n % 2 == 0 ? "Aa" : "BB") + (n / 2);
            lookup.add(FlatLists.ofSingle(key), i);
            model.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        assertThat(lookup.size()).isEqualTo(model.size());
        model.forEach((key, rows) -> assertThat(rows(lookup.get(FlatLists.ofSingle(key)))).as(key.toString()).isEqualTo(rows));
        assertThat(lookup.get(FlatLists.ofSingle("Aa-1"))).isNull();
        assertThat(lookup.containsKey(FlatLists.ofSingle("BB-1"))).isFalse();
        Map<Object, List<Object>> grouped = new java.util.HashMap<>();
        for (Grouping<Object, Object> group : lookup) {
            grouped.put(((List<?>) group.getKey()).get(0), rows(group));
        }
        assertThat(grouped).isEqualTo(model);
    }

    private static List<Object> rows(Enumerable<Object> rows) {
        List<Object> list = new ArrayList<>();
        for (Object row : rows) {
            list.add(row);
        }
        return list;
    }
}
