package io.codeanatomy.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Rows' equal strings become one instance; nothing else in a row changes, whatever the threads. */
class TestCanonicalStrings {

    @Test
    void equalStringsOfRowsBecomeTheFirstInstanceMetAndOtherValuesStay() {
        CanonicalStrings strings = new CanonicalStrings(1 << 12);
        String first = copy("PY_CALL:00ff");
        Long number = 7L;
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {first, number, null});
        rows.add(new Object[] {copy("PY_CALL:00ff"), number, copy("x")});
        rows.add(new Object[] {copy("x"), List.of(copy("PY_CALL:00ff")), copy("PY_CALL:00ff")});

        assertThat(strings.canonicalize(rows)).isSameAs(rows);

        assertThat(rows.get(1)[0]).isSameAs(first);
        assertThat(rows.get(2)[2]).isSameAs(first);
        assertThat(rows.get(2)[0]).isSameAs(rows.get(1)[2]).isEqualTo("x");
        assertThat(rows.get(0)).containsExactly("PY_CALL:00ff", 7L, null);
        assertThat(rows.get(1)[1]).isSameAs(number);
        // Lists (and structs) are left as they are.
        assertThat(((List<?>) rows.get(2)[1]).get(0)).isNotSameAs(first).isEqualTo(first);
        assertThat(strings.seen()).isEqualTo(5);
        assertThat(strings.shared()).isEqualTo(3);
        assertThat(strings.canonical(copy("x"))).isSameAs(rows.get(1)[2]);
    }

    @Test
    void aClearedTableForgetsItsStringsAndTheSlotsFollowTheRequestWithinBounds() {
        CanonicalStrings strings = new CanonicalStrings(5_000);
        String kept = strings.canonical(copy("a"));
        assertThat(strings.canonical(copy("a"))).isSameAs(kept);
        strings.clear();
        String after = copy("a");
        assertThat(strings.canonical(after)).isSameAs(after);

        assertThat(strings.slotCount()).isEqualTo(4096);
        assertThat(new CanonicalStrings(1).slotCount()).isEqualTo(4096);
        assertThat(new CanonicalStrings(1L << 40).slotCount()).isEqualTo(1 << 22);
        assertThat(new CanonicalStrings(100_000).slotCount()).isEqualTo(65_536);
    }

    /**
     * After a list's first rows, a column whose strings were rarely replaced is no longer looked
     * up (a lookup that finds nothing costs a cache miss); one whose strings repeat still is.
     */
    @Test
    void aColumnOfUniqueValuesIsLookedUpInTheSampleOnly() {
        CanonicalStrings strings = new CanonicalStrings(1 << 16);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(new Object[] {copy("id:" + i), copy("kind"), 1L});
        }
        strings.canonicalize(rows);

        int sample = CanonicalStrings.SAMPLE_ROWS;
        assertThat(strings.seen()).isEqualTo(2L * sample + (10_000 - sample));
        assertThat(strings.shared()).isEqualTo(10_000 - 1);
        assertThat(rows).allSatisfy(row -> assertThat(row[1]).isSameAs(rows.get(0)[1]));
        assertThat(rows.get(sample)[0]).isEqualTo("id:" + sample);
        // An empty list is left as it is.
        assertThat(strings.canonicalize(new ArrayList<>())).isEmpty();
    }

    /** Threads sharing one table with colliding slots: every row keeps its values, only instances change. */
    @Test
    void threadsSharingATableChangeNoValue() throws Exception {
        CanonicalStrings strings = new CanonicalStrings(1 << 12);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Object[]>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (int i = 0; i < 50_000; i++) {
                        rows.add(new Object[] {copy("id:" + (i % 9_000)), copy("name" + (i % 13))});
                    }
                    return strings.canonicalize(rows);
                }));
            }
            for (Future<List<Object[]>> future : futures) {
                List<Object[]> rows = future.get();
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(rows.get(i)).containsExactly("id:" + (i % 9_000), "name" + (i % 13));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // Every name is looked up (all but a slot's worth are repeats), and each sample's ids.
        assertThat(strings.seen()).isBetween(4L * (50_000 + CanonicalStrings.SAMPLE_ROWS), 400_000L);
        assertThat(strings.shared()).isGreaterThan(4L * (50_000 - 4_096));
    }

    /** An equal string that is another instance, as a scan or a computed column makes. */
    private static String copy(String text) {
        return new String(text.toCharArray());
    }
}
