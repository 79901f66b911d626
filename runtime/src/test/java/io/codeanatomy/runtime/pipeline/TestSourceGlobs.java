package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestSourceGlobs {
    @Test
    void wellFormedPatternsPass() {
        assertThatCode(() -> SourceGlobs.check(List.of("src/**", "*.py", "{a,b}/*.py", "[abc]*.py", "[]]x", "[!a]", "\\[literal", "a{b,{c,d}}"),
                "--include")).doesNotThrowAnyException();
    }

    @Test
    void anUnclosedBracketIsAUsageError() {
        assertThatThrownBy(() -> SourceGlobs.check(List.of("ok/**", "["), "--include"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--include '[' is not a valid pattern: the '[' at position 1 is never closed (escape a literal one with a backslash).");
    }

    @Test
    void unbalancedBracesAreUsageErrors() {
        assertThatThrownBy(() -> SourceGlobs.check(List.of("{a,b"), "--exclude"))
                .hasMessage("--exclude '{a,b' is not a valid pattern: a '{' is never closed (escape a literal one with a backslash).");
        assertThatThrownBy(() -> SourceGlobs.check(List.of("a}"), "--include"))
                .hasMessageContaining("the '}' at position 2 closes no '{'");
    }

    @Test
    void aClassDoesNotSpanASlashAndATrailingBackslashIsAnError() {
        assertThatThrownBy(() -> SourceGlobs.check(List.of("[a/b]"), "--include")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> SourceGlobs.check(List.of("x\\"), "--include")).hasMessageContaining("ends with a backslash");
    }
}
