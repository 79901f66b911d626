package io.codeanatomy.plugins.python.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestStableIds {
    // Expected values computed with tools/stable_id.py, a pure-Python murmur3_x64_128, over the documented formula.
    @Test
    void idIsKindColonMurmur3x64128OverPathSpanAndKind() {
        assertThat(StableIds.of("pkg/mod.py", 0, 120, "py_file")).isEqualTo("py_file:b143bad538bf0ecd76f7616496ff1703");
        assertThat(StableIds.of("pkg/mod.py", 17, 42, "py_def")).isEqualTo("py_def:dca6a315f3cc6338f512c8ffd4e1c9c1");
    }

    @Test
    void nonAsciiPathsAndLargeOffsetsAreEncodedAsUtf8AndDecimal() {
        assertThat(StableIds.of("ünï/ß.py", 1234567890123L, 1234567890124L, "py_name"))
                .isEqualTo("py_name:619567b41cfd4bc347afffec400b7640");
    }

    @Test
    void oneInstanceGivesTheSameIdsAcrossFilesAsFreshInstances() {
        StableIds ids = new StableIds();
        ids.startFile("a/very/long/path/that/grows/the/buffer/beyond/its/initial/size/of/two/hundred/and/fifty/six/bytes/"
                + "x".repeat(300) + ".py");
        ids.id("py_def", 1, 2);
        ids.startFile("pkg/mod.py");
        assertThat(ids.id("py_def", 17, 42)).isEqualTo(StableIds.of("pkg/mod.py", 17, 42, "py_def"));
        assertThat(ids.id("py_file", 0, 120)).isEqualTo("py_file:b143bad538bf0ecd76f7616496ff1703");
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
