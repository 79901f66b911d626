package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** A full index finds exactly the rows holding the keys asked for, in the list's order, each once; NULLs find nothing. */
class TestKeyIndex {
    @Test
    void findsTheRowsOfEachKeyInTheListsOrder() {
        List<Object[]> rows = rows(20_000, 3);
        KeyIndex index = KeyIndex.of(rows, new int[] {0});
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            Set<String> keys = new HashSet<>();
            for (int k = 0; k < 1 + random.nextInt(40); k++) {
                keys.add("k" + random.nextInt(3_000));
            }
            List<Object[]> asked = keys.stream().map(key -> new Object[] {key}).toList();
            List<Object[]> expected = rows.stream().filter(row -> keys.contains(row[0])).toList();
            assertThat(index.find(asked)).containsExactlyElementsOf(expected);
        }
        assertThat(index.size()).isEqualTo(20_000);
    }

    @Test
    void severalColumnsNullsAndRepeatedKeys() {
        List<Object[]> rows = rows(5_000, 11);
        KeyIndex index = KeyIndex.of(rows, new int[] {0, 2});
        Object[] some = rows.stream().filter(row -> row[0] != null).findFirst().orElseThrow();
        List<Object[]> expected = rows.stream().filter(row -> some[0].equals(row[0]) && some[2].equals(row[2])).toList();

        // The same key twice finds its rows once; a key with a NULL finds nothing, nor does a NULL in the rows.
        assertThat(index.find(List.of(new Object[] {some[0], some[2]}, new Object[] {some[0], some[2]}, new Object[] {null, some[2]})))
                .isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(index.find(List.of())).isEmpty();
        assertThat(index.find(List.<Object[]>of(new Object[] {"absent", 1L}))).isEmpty();
        // Long values are not found by an Integer key: values compare by equals, as the join's keys do.
        assertThat(index.find(List.<Object[]>of(new Object[] {some[0], ((Long) some[2]).intValue()}))).isEmpty();
        assertThatThrownBy(() -> index.find(List.<Object[]>of(new Object[] {"k1"}))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Rows (key, position, small number): keys from a range of 3,000, about one in fifty NULL. */
    private static List<Object[]> rows(int count, long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int key = random.nextInt(3_000);
            rows.add(new Object[] {key % 50 == 0 ? null : "k" + key, i, (long) random.nextInt(3)});
        }
        return rows;
    }
}
