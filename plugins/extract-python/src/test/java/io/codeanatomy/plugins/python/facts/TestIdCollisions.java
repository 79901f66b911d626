package io.codeanatomy.plugins.python.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.cpg.StableIdHasher;
import org.junit.jupiter.api.Test;

class TestIdCollisions {
    /** Every entity of one kind gets the same id. */
    private static StableIds collidingIds() {
        return new StableIds(new StableIdHasher((data, length, out) -> {
            out[0] = 42;
            out[1] = 7;
        }));
    }

    private static FileIds named(StableIds ids, String path, long... spans) {
        ids.startFile(path);
        for (int i = 0; i < spans.length; i += 2) {
            ids.id("py_name", spans[i], spans[i + 1]);
        }
        return ids.named();
    }

    @Test
    void twoEntitiesOfTwoFilesWithOneIdFailNamingBoth() {
        StableIds ids = collidingIds();
        IdCollisions collisions = new IdCollisions();
        collisions.add("a.py", named(ids, "a.py", 3, 5));
        assertThatThrownBy(() -> collisions.add("b.py", named(ids, "b.py", 10, 12)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("py_name:")
                .hasMessageContaining("py_name [3, 5) in a.py")
                .hasMessageContaining("py_name [10, 12) in b.py");
    }

    @Test
    void twoEntitiesOfOneFileWithOneIdFail() {
        IdCollisions collisions = new IdCollisions();
        assertThatThrownBy(() -> collisions.add("a.py", named(collidingIds(), "a.py", 3, 5, 4, 9)))
                .hasMessageContaining("py_name [3, 5) in a.py and py_name [4, 9) in a.py");
    }

    @Test
    void oneEntityNamedRepeatedlyAndEntitiesOfOtherKindsAreNoCollision() {
        StableIds ids = collidingIds();
        IdCollisions collisions = new IdCollisions();
        ids.startFile("a.py");
        // Past the recent-id cache: the same entity is hashed and noted again.
        for (int i = 0; i < 200; i++) {
            ids.id("py_name", 3, 5);
            ids.id("py_expr.Name", 3, 5);
            ids.id("py_def." + i, 3, 5);
        }
        collisions.add("a.py", ids.named());
        assertThat(collisions.size()).isEqualTo(202);
    }

    @Test
    void manyDistinctEntitiesWithTheRealHashPassAndAreCounted() {
        StableIds ids = new StableIds();
        IdCollisions collisions = new IdCollisions();
        for (int f = 0; f < 20; f++) {
            ids.startFile("pkg/m" + f + ".py");
            for (int i = 0; i < 10_000; i++) {
                ids.id("py_name", i, i + 1 + (i % 7));
            }
            collisions.add("pkg/m" + f + ".py", ids.named());
        }
        assertThat(collisions.size()).isEqualTo(200_000);
    }
}
