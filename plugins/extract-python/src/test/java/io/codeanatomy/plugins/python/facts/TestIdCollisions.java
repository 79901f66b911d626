package io.codeanatomy.plugins.python.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.cpg.StableIdHasher;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestIdCollisions {
    private final Map<String, FileIds> files = new HashMap<>();
    private final IdCollisions collisions = new IdCollisions();

    /** Every entity of one kind gets the same id. */
    private static StableIds collidingIds() {
        return new StableIds(new StableIdHasher((data, length, out) -> {
            out[0] = 42;
            out[1] = 7;
        }));
    }

    /** Names {@code kind} entities of {@code path} at {@code spans} (start, end pairs) and adds the file. */
    private void add(StableIds ids, String path, String kind, long... spans) {
        ids.startFile(path);
        for (int i = 0; i < spans.length; i += 2) {
            ids.id(kind, spans[i], spans[i + 1]);
        }
        FileIds named = ids.named();
        files.put(path, named);
        collisions.add(path, named);
    }

    @Test
    void twoEntitiesOfTwoFilesWithOneIdFailNamingBoth() {
        StableIds ids = collidingIds();
        add(ids, "a.py", "py_name", 3, 5);
        add(ids, "b.py", "py_name", 10, 12);
        assertThatThrownBy(() -> collisions.check(files::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("py_name:2a000000000000000700000000000000")
                .hasMessageContaining("py_name [3, 5) in a.py and py_name [10, 12) in b.py");
    }

    @Test
    void twoEntitiesOfOneFileWithOneIdFail() {
        add(collidingIds(), "a.py", "py_name", 3, 5, 4, 9);
        assertThatThrownBy(() -> collisions.check(files::get))
                .hasMessageContaining("py_name [3, 5) in a.py and py_name [4, 9) in a.py");
    }

    @Test
    void oneEntityNamedRepeatedlyIsNotedOnceAndEntitiesOfOtherKindsAreNoCollision() {
        StableIds ids = collidingIds();
        ids.startFile("a.py");
        // Past the recent-id cache: the same entities are hashed and noted again.
        for (int i = 0; i < 200; i++) {
            ids.id("py_name", 3, 5);
            ids.id("py_expr.Name", 3, 5);
            ids.id("py_def." + i, 3, 5);
        }
        files.put("a.py", ids.named());
        collisions.add("a.py", ids.named());
        assertThat(collisions.size()).isEqualTo(202);
        assertThatCode(() -> collisions.check(files::get)).doesNotThrowAnyException();
    }

    @Test
    void aSharedFirstHalfOfTheHashIsOnlyACandidate() {
        StableIds ids = new StableIds(new StableIdHasher((data, length, out) -> {
            out[0] = 42;
            out[1] = length;
        }));
        add(ids, "a.py", "py_name", 3, 5);
        add(ids, "b.py", "py_name", 10, 100);
        add(ids, "c.py", "py_name", 1, 2);
        assertThatThrownBy(() -> collisions.check(files::get)).hasMessageContaining("py_name [3, 5) in a.py and py_name [1, 2) in c.py");
    }

    @Test
    void manyDistinctEntitiesWithTheRealHashPassAndAreCounted() {
        StableIds ids = new StableIds();
        for (int f = 0; f < 20; f++) {
            ids.startFile("pkg/m" + f + ".py");
            for (int i = 0; i < 10_000; i++) {
                ids.id("py_name", i, i + 1 + (i % 7));
            }
            collisions.add("pkg/m" + f + ".py", ids.named());
        }
        assertThat(collisions.size()).isEqualTo(200_000);
        assertThatCode(() -> collisions.check(path -> {
            throw new AssertionError("no candidate expected, asked for " + path);
        })).doesNotThrowAnyException();
    }

    @Test
    void aCollisionBetweenFilesFarApartIsFoundAmongManyDistinctEntities() {
        // Real hashes for every file but three, whose one entity each gets the same first half.
        StableIds real = new StableIds();
        StableIds sameFirstHalf = new StableIds(new StableIdHasher((data, length, out) -> {
            out[0] = 42;
            out[1] = length;
        }));
        StableIds colliding = new StableIds(new StableIdHasher((data, length, out) -> {
            out[0] = 42;
            out[1] = 99;
        }));
        for (int f = 0; f < 400; f++) {
            String path = String.format("pkg/m%03d.py", f);
            if (f == 3 || f == 300) {
                add(colliding, path, "py_name", f, f + 1);
            } else if (f == 200) {
                // Same first half as the colliding pair, another second half: only a candidate.
                add(sameFirstHalf, path, "py_name", 1, 2);
            } else {
                real.startFile(path);
                for (int i = 0; i < 500; i++) {
                    real.id("py_name", i, i + 1);
                }
                FileIds named = real.named();
                files.put(path, named);
                collisions.add(path, named);
            }
        }
        assertThat(collisions.size()).isEqualTo(397 * 500 + 3);
        assertThatThrownBy(() -> collisions.check(files::get))
                .hasMessageContaining("py_name [3, 4) in pkg/m003.py and py_name [300, 301) in pkg/m300.py");
    }

    @Test
    void aFirstHalfOfZeroIsCheckedLikeAnyOther() {
        StableIds zero = new StableIds(new StableIdHasher((data, length, out) -> {
            out[0] = 0;
            out[1] = 5;
        }));
        add(zero, "a.py", "py_name", 3, 5);
        add(zero, "b.py", "py_name", 10, 12);
        assertThatThrownBy(() -> collisions.check(files::get))
                .hasMessageContaining("py_name [3, 5) in a.py and py_name [10, 12) in b.py");
    }
}
