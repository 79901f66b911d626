package io.codeanatomy.plugins.python.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestStableIds {
    // Expected values computed with Python's hashlib over the documented formula.
    @Test
    void idIsKindColonFirstSixteenBytesOfSha256OverPathSpanAndKind() {
        assertThat(StableIds.of("pkg/mod.py", 0, 120, "py_file")).isEqualTo("py_file:68c3f11036cd3193f943daeafb130cd0");
        assertThat(StableIds.of("pkg/mod.py", 17, 42, "py_def")).isEqualTo("py_def:4ed25b951928b39c2c54bf160c74e8db");
    }

    @Test
    void nonAsciiPathsAndLargeOffsetsAreEncodedAsUtf8AndDecimal() {
        assertThat(StableIds.of("ünï/ß.py", 1234567890123L, 1234567890124L, "py_name"))
                .isEqualTo("py_name:a915234e4a0f5b0cdca7ccd4bc76221f");
    }

    @Test
    void oneInstanceGivesTheSameIdsAcrossFilesAsFreshInstances() {
        StableIds ids = new StableIds();
        ids.startFile("a/very/long/path/that/grows/the/buffer/beyond/its/initial/size/of/two/hundred/and/fifty/six/bytes/"
                + "x".repeat(300) + ".py");
        ids.id("py_def", 1, 2);
        ids.startFile("pkg/mod.py");
        assertThat(ids.id("py_def", 17, 42)).isEqualTo(StableIds.of("pkg/mod.py", 17, 42, "py_def"));
        assertThat(ids.id("py_file", 0, 120)).isEqualTo("py_file:68c3f11036cd3193f943daeafb130cd0");
    }

    @Test
    void recentIdsAreReusedOnlyForTheSameFileSpanAndKind() {
        StableIds ids = new StableIds();
        ids.startFile("a.py");
        String name = ids.id("py_name", 3, 5);
        assertThat(ids.id("py_expr.Name", 3, 5)).isEqualTo(StableIds.of("a.py", 3, 5, "py_expr.Name")).isNotEqualTo(name);
        assertThat(ids.id("py_name", 3, 5)).isSameAs(name);
        assertThat(ids.id("py_name", 3, 6)).isEqualTo(StableIds.of("a.py", 3, 6, "py_name"));
        ids.startFile("b.py");
        assertThat(ids.id("py_name", 3, 5)).isEqualTo(StableIds.of("b.py", 3, 5, "py_name")).isNotEqualTo(name);
    }
}
