package io.codeanatomy.python.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.Assign;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.Name;
import io.codeanatomy.python.syntax.ast.stmt;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** After an error the parser skips to the next statement and keeps what comes before and after. */
class TestParserRecovery {

    @Test
    void statementsAroundAnErrorAreKept() {
        ParseResult result = ParserTesting.parse("a = 1\nb = (2 +\n  3 4)\nc = 5\n");
        assertThat(result.errors()).hasSize(1);
        assertThat(targets(result.module().body())).containsExactly("a", "c");
    }

    @Test
    void anErrorInABlockKeepsTheRestOfTheBlockAndTheDefinition() {
        ParseResult result = ParserTesting.parse("def f():\n    x = 1\n    y = = 2\n    z = 3\nw = 4\n");
        assertThat(result.errors()).extracting(SyntaxError::line).containsExactly(3);
        FunctionDef f = (FunctionDef) result.module().body().get(0);
        assertThat(targets(f.body())).containsExactly("x", "z");
        assertThat(targets(result.module().body().subList(1, 2))).containsExactly("w");
    }

    @Test
    void aBadHeaderDropsItsBlockOnly() {
        ParseResult result = ParserTesting.parse("a = 1\nif x y:\n    b = 2\n    c = 3\nd = 4\n");
        assertThat(result.errors()).hasSize(1);
        assertThat(targets(result.module().body())).containsExactly("a", "d");
    }

    @Test
    void anUnexpectedIndentKeepsTheIndentedStatements() {
        ParseResult result = ParserTesting.parse("a = 1\n    b = 2\n    c = 3\nd = 4\n");
        assertThat(result.errors()).extracting(SyntaxError::message).containsExactly("unexpected indent");
        assertThat(targets(result.module().body())).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aBracketNeverClosedLosesOnlyItsStatement() {
        ParseResult result = ParserTesting.parse("a = 1\nb = f(2,\n  3\nc = 4\ndef g():\n    d = (5\n    e = 6\n");
        // CPython reports the missing comma first; the open bracket is what swallows the rest.
        assertThat(result.errors().get(0).message()).isEqualTo("invalid syntax. Perhaps you forgot a comma?");
        assertThat(result.errors()).extracting(SyntaxError::message).contains("'(' was never closed");
        assertThat(result.module().body()).hasSize(3);
        assertThat(targets(result.module().body().subList(0, 2))).containsExactly("a", "c");
        FunctionDef g = (FunctionDef) result.module().body().get(2);
        assertThat(targets(g.body())).containsExactly("e");
        Assign c = (Assign) result.module().body().get(1);
        assertThat(c.lineno()).isEqualTo(4);
        assertThat(c.bstart()).isEqualTo(19);
    }

    @Test
    void everyErroneousStatementIsReported() {
        ParseResult result = ParserTesting.parse("x = )\ny = 2\nz = (]\nw = 3\n1 = v\n");
        assertThat(result.errors()).extracting(SyntaxError::line).contains(1, 3, 5);
        assertThat(targets(result.module().body())).containsExactly("y", "w");
    }

    @Test
    void randomTokenSoupAlwaysTerminatesWithErrors() {
        String[] pieces = {"(", ")", "[", "]", "{", "}", ":", ",", "=", "if ", "else ", "def ", "class ", "lambda ",
            "x", "1", "'s'", "\n", "    ", "match ", "case ", "*", "**", "->", "@", "not ", "in ", "for ", "with ",
            "try:", "except ", ";", ".", "yield ", "await ", "async "};
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder source = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                source.append(pieces[random.nextInt(pieces.length)]);
            }
            ParseResult result = ParserTesting.parse(source.toString());
            assertThat(result.module()).as(source.toString()).isNotNull();
            for (SyntaxError error : result.errors()) {
                assertThat(error.line()).as(source.toString()).isPositive();
                assertThat(error.bstart()).as(source.toString()).isBetween(0, source.length() * 4);
            }
        }
    }

    private static List<String> targets(List<stmt> body) {
        return body.stream()
                .map(s -> ((Name) ((Assign) s).targets().get(0)).id())
                .toList();
    }
}
