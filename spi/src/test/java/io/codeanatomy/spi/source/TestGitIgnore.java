package io.codeanatomy.spi.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestGitIgnore {
    private static Boolean decide(GitIgnore rules, String path, boolean isDirectory) {
        return rules.decide(path.split("/"), isDirectory);
    }

    @Test
    void commentsBlankLinesAndTrailingBlanksAreSkipped() {
        GitIgnore rules = GitIgnore.parse("# a comment\n\n  \ngen.py   \n", 0);
        assertThat(decide(rules, "gen.py", false)).isTrue();
        assertThat(decide(rules, "# a comment", false)).isNull();
    }

    @Test
    void escapedTrailingBlankIsKept() {
        GitIgnore rules = GitIgnore.parse("a\\ \n", 0);
        assertThat(decide(rules, "a ", false)).isTrue();
        assertThat(decide(rules, "a", false)).isNull();
    }

    @Test
    void lastMatchingRuleWinsAndNegationReincludes() {
        GitIgnore rules = GitIgnore.parse("*.py\n!keep.py\n", 0);
        assertThat(decide(rules, "x/drop.py", false)).isTrue();
        assertThat(decide(rules, "x/keep.py", false)).isFalse();
        assertThat(decide(rules, "README", false)).isNull();
    }

    @Test
    void escapedHashAndBangAreLiteral() {
        GitIgnore rules = GitIgnore.parse("\\#x.py\n\\!y.py\n", 0);
        assertThat(decide(rules, "#x.py", false)).isTrue();
        assertThat(decide(rules, "!y.py", false)).isTrue();
    }

    @Test
    void rulesOfANestedFileApplyBelowItsDirectory() {
        GitIgnore rules = GitIgnore.parse("/local.py\nbuild/\n", 1);
        assertThat(decide(rules, "sub/local.py", false)).isTrue();
        assertThat(decide(rules, "sub/deeper/local.py", false)).isNull();
        assertThat(decide(rules, "sub/deeper/build", true)).isTrue();
    }

    @Test
    void crLfLineEndingsAreAccepted() {
        GitIgnore rules = GitIgnore.parse("a.py\r\nb.py\r\n", 0);
        assertThat(decide(rules, "a.py", false)).isTrue();
        assertThat(decide(rules, "b.py", false)).isTrue();
    }
}
