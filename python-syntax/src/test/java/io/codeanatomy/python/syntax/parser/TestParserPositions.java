package io.codeanatomy.python.syntax.parser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.ast.AstDump;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Positions where CPython's rules are easy to get wrong (a node spans its rule's first to last
 * token, so a parenthesized operand moves its parent's start but not its own; a tuple and a
 * generator expression include their parentheses; a decorated definition starts at 'def'), held
 * against CPython 3.11's dumps in {@code positions.txt}.
 */
class TestParserPositions {

    @Test
    void everyCaseDumpsAsCPythonDoes() throws IOException {
        List<String[]> cases = cases();
        List<String> mismatches = new ArrayList<>();
        for (String[] c : cases) {
            ParseResult result = ParserTesting.parse(c[0]);
            String dump = result.ok() ? AstDump.dump(result.module(), true) : "errors: " + result.errors();
            if (!dump.equals(c[1])) {
                mismatches.add(c[0] + "\n  expected " + c[1] + "\n  got      " + dump);
            }
        }
        assertThat(cases).hasSizeGreaterThan(40);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void parenthesesMoveTheParentNotTheChild() {
        var expr = (io.codeanatomy.python.syntax.ast.Expr) ParserTesting.parse("(a) + b").module().body().get(0);
        var binop = (io.codeanatomy.python.syntax.ast.BinOp) expr.value();
        assertThat(binop.col_offset()).isZero();
        assertThat(binop.left().col_offset()).isEqualTo(1);
        assertThat(binop.left().bstart()).isEqualTo(1);
        assertThat(binop.bend()).isEqualTo(7);
    }

    private static List<String[]> cases() throws IOException {
        String text;
        try (InputStream in = TestParserPositions.class.getResourceAsStream("positions.txt")) {
            text = new String(in.readAllBytes(), UTF_8);
        }
        List<String[]> cases = new ArrayList<>();
        StringBuilder source = null;
        boolean dumpNext = false;
        for (String line : text.split("\n", -1)) {
            if (line.equals("### source")) {
                source = new StringBuilder();
            } else if (line.equals("### dump")) {
                dumpNext = true;
            } else if (dumpNext) {
                cases.add(new String[] {source.substring(0, source.length() - 1), line});
                dumpNext = false;
                source = null;
            } else if (source != null) {
                source.append(line).append('\n');
            }
        }
        return cases;
    }
}
