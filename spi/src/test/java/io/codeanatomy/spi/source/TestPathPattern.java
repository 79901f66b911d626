package io.codeanatomy.spi.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPathPattern {
    private static boolean matches(String pattern, String path, boolean isDirectory) {
        return PathPattern.compile(pattern).matches(path.split("/"), 0, isDirectory);
    }

    private static boolean matchesFile(String pattern, String path) {
        return matches(pattern, path, false);
    }

    @Test
    void patternWithoutSlashMatchesAtAnyDepth() {
        assertThat(matchesFile("*.py", "a.py")).isTrue();
        assertThat(matchesFile("*.py", "x/y/a.py")).isTrue();
        assertThat(matchesFile("*.py", "a.pyc")).isFalse();
        assertThat(matchesFile("build", "x/build")).isTrue();
    }

    @Test
    void patternWithSlashIsAnchoredAtTheBase() {
        assertThat(matchesFile("src/*.py", "src/a.py")).isTrue();
        assertThat(matchesFile("src/*.py", "x/src/a.py")).isFalse();
        assertThat(matchesFile("/a.py", "a.py")).isTrue();
        assertThat(matchesFile("/a.py", "x/a.py")).isFalse();
    }

    @Test
    void starAndQuestionMarkStayInsideOneSegment() {
        assertThat(matchesFile("src/*", "src/a/b.py")).isFalse();
        assertThat(matchesFile("a?c.py", "abc.py")).isTrue();
        assertThat(matchesFile("a?c.py", "a/c.py")).isFalse();
        assertThat(matchesFile("*test*", "my_tests_x")).isTrue();
    }

    @Test
    void doubleStarMatchesAnyNumberOfSegments() {
        assertThat(matchesFile("**/foo.py", "foo.py")).isTrue();
        assertThat(matchesFile("**/foo.py", "a/b/foo.py")).isTrue();
        assertThat(matchesFile("a/**/b.py", "a/b.py")).isTrue();
        assertThat(matchesFile("a/**/b.py", "a/x/y/b.py")).isTrue();
        assertThat(matchesFile("a/**/b.py", "c/a/x/b.py")).isFalse();
        assertThat(matchesFile("a/**", "a/x/y.py")).isTrue();
        assertThat(matches("a/**", "a", true)).isFalse();
    }

    @Test
    void trailingSlashMatchesDirectoriesOnly() {
        assertThat(matches("build/", "x/build", true)).isTrue();
        assertThat(matches("build/", "x/build", false)).isFalse();
    }

    @Test
    void characterClassesRangesNegationAndEscapes() {
        assertThat(matchesFile("[ab].py", "a.py")).isTrue();
        assertThat(matchesFile("[ab].py", "c.py")).isFalse();
        assertThat(matchesFile("[a-c]x.py", "bx.py")).isTrue();
        assertThat(matchesFile("[!a-c]x.py", "bx.py")).isFalse();
        assertThat(matchesFile("[!a-c]x.py", "dx.py")).isTrue();
        assertThat(matchesFile("\\*.py", "*.py")).isTrue();
        assertThat(matchesFile("\\*.py", "a.py")).isFalse();
        assertThat(matchesFile("[.py", "[.py")).isTrue();
    }

    @Test
    void braceAlternativesExpandToOnePatternEach() {
        assertThat(PathPattern.expandBraces("src/{a,b}/*.py")).containsExactly("src/a/*.py", "src/b/*.py");
        assertThat(PathPattern.expandBraces("{x,y{1,2}}.py")).containsExactly("x.py", "y1.py", "y2.py");
        assertThat(PathPattern.expandBraces("a\\{b,c}.py")).containsExactly("a\\{b,c}.py");
        assertThat(PathPattern.expandBraces("plain.py")).containsExactly("plain.py");
    }

    @Test
    void emptyPatternsMatchNothing() {
        assertThat(PathPattern.compile("")).isNull();
        assertThat(PathPattern.compile("/")).isNull();
    }

    @Test
    void matchingACoupleOfPathSegmentsOnly() {
        String[] path = "src/pkg/mod.py".split("/");
        assertThat(PathPattern.compile("src/pkg").matches(path, 0, 2, true)).isTrue();
        assertThat(PathPattern.compile("pkg/mod.py").matches(path, 1, 3, false)).isTrue();
    }
}
