package io.codeanatomy.python.syntax.parser;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.Assign;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.Located;
import io.codeanatomy.python.syntax.ast.Name;
import io.codeanatomy.python.syntax.ast.stmt;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /**
     * Random token soup, judged by CPython: we report errors exactly for the soups it refuses, and
     * recovery ends having made progress, each error inside the source and each recovered
     * statement after the one before it (none parsed twice, none out of order).
     */
    @Test
    void randomTokenSoupAlwaysTerminatesWithErrors() {
        String[] pieces = {"(", ")", "[", "]", "{", "}", ":", ",", "=", "if ", "else ", "def ", "class ", "lambda ",
            "x", "1", "'s'", "\n", "    ", "match ", "case ", "*", "**", "->", "@", "not ", "in ", "for ", "with ",
            "try:", "except ", ";", ".", "yield ", "await ", "async "};
        Random random = new Random(42);
        List<String> soups = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            StringBuilder source = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                source.append(pieces[random.nextInt(pieces.length)]);
            }
            soups.add(source.toString());
        }
        List<Boolean> refusedByCPython = refusedByCPython(soups);
        int refused = 0;
        for (int n = 0; n < soups.size(); n++) {
            String source = soups.get(n);
            ParseResult result = ParserTesting.parse(source);
            assertThat(result.ok()).as("%s (CPython refuses it: %s)", source, refusedByCPython.get(n))
                    .isEqualTo(!refusedByCPython.get(n));
            refused += result.ok() ? 0 : 1;
            for (SyntaxError error : result.errors()) {
                assertThat(error.line()).as(source).isPositive();
                assertThat(error.bstart()).as(source).isBetween(0, source.length());
                assertThat(error.bend()).as(source).isBetween(error.bstart(), source.length());
            }
            int end = 0;
            for (stmt statement : result.module().body()) {
                Located located = (Located) statement;
                assertThat(located.bstart()).as(source).isGreaterThanOrEqualTo(end);
                end = located.bend();
            }
        }
        // Soup is mostly refused; some of it parses, which the comparison above covers too.
        assertThat(refused).isBetween(soups.size() / 2, soups.size() - 1);
    }

    /** Whether CPython 3.11's {@code ast.parse} refuses each source. */
    private static List<Boolean> refusedByCPython(List<String> sources) {
        Python3 python = Python3.require();
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (String s : sources) {
            in.writeBytes(HexFormat.of().formatHex(s.getBytes(UTF_8)).getBytes(US_ASCII));
            in.write('\n');
        }
        String script = """
                import ast, sys
                for line in sys.stdin:
                    try:
                        ast.parse(bytes.fromhex(line.strip()))
                        print('ok')
                    except SyntaxError:
                        print('refused')
                """;
        List<String> answers = new String(python.run(script, List.of(), in.toByteArray()), UTF_8).lines().toList();
        assertThat(answers).hasSize(sources.size());
        return answers.stream().map(a -> a.equals("refused")).toList();
    }

    private static List<String> targets(List<stmt> body) {
        return body.stream()
                .map(s -> ((Name) ((Assign) s).targets().get(0)).id())
                .toList();
    }
}
