package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ast.Assign;
import io.codeanatomy.python.syntax.ast.AstDump;
import io.codeanatomy.python.syntax.ast.List;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to break a parser: invalid bytes, NUL, nesting far past any stack, files of 10 MB
 * on one line. Each must come back as a ParseResult, never as an exception, with errors exactly
 * where CPython 3.11 refuses the input (noted per case: "too many nested parentheses" past 200
 * brackets, RecursionError or MemoryError of its parser past about 3,000 levels of nested
 * expressions or statements, IndentationError past 100 indentation levels). Every case of a test
 * is checked and all failures are listed together.
 */
class TestHostileInput {
    private static final int DEEP = 100_000;

    private final java.util.List<String> problems = new ArrayList<>();

    @Test
    void invalidUtf8IsAnErrorNotAnException() {
        refused(bytes("x = 1\ny = \"caf", 0xe9, "\"\n"));
        refused(bytes("x = ", 0xff, 0xfe, "\n"));
        refused(bytes("x = \"", 0xe4, 0xb8, "\"\n"));
        refused(bytes("x = \"", 0xed, 0xa0, 0x80, "\"\n"));
        refused(bytes("x = \"", 0xc0, 0x80, "\"\n"));
        refused(bytes("x = \"", 0xf4, 0x90, 0x80, 0x80, "\"\n"));
        byte[] noise = new byte[1 << 20];
        new Random(7).nextBytes(noise);
        refused(noise);
        assertThat(problems).isEmpty();
    }

    @Test
    void nulBytesAreErrorsWherever() {
        refused(bytes(0));
        refused(bytes("x = 1", 0, "\n"));
        refused(bytes("x = \"a", 0, "b\"\n"));
        refused(bytes("# comment", 0, "\nx = 1\n"));
        refused(utf8("x = 1\u0000".repeat(1000)));
        assertThat(problems).isEmpty();
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        // CPython: "too many nested parentheses".
        for (String open : new String[] {"(", "[", "{", "f(", "a[", "([{"}) {
            refused(utf8(open.repeat(DEEP) + "1"));
        }
        refused(utf8("(".repeat(DEEP) + "1" + ")".repeat(DEEP)));
        refused(utf8("[".repeat(DEEP) + "]".repeat(DEEP)));
        // CPython: MemoryError or RecursionError of the parser.
        for (String prefix : new String[] {"-", "+", "~", "not ", "lambda:"}) {
            refused(utf8(prefix.repeat(DEEP) + "1"));
        }
        refused(utf8("if x:\n pass\n" + "elif x:\n pass\n".repeat(DEEP)));
        refused(utf8("a" + ".b".repeat(DEEP)));
        refused(utf8("a" + "()".repeat(DEEP)));
        refused(utf8("+0".repeat(DEEP)));
        // CPython: invalid syntax.
        for (String prefix : new String[] {"await ", "*", "yield "}) {
            refused(utf8(prefix.repeat(DEEP) + "1"));
        }
        // CPython: IndentationError.
        StringBuilder indented = new StringBuilder();
        for (int depth = 0; depth < 1000; depth++) {
            indented.append(" ".repeat(depth)).append("if x:\n");
        }
        refused(utf8(indented.append(" ".repeat(1000)).append("pass\n").toString()));
        refused(utf8("if x:\n ".repeat(DEEP)));
        assertThat(problems).isEmpty();
    }

    @Test
    void longFlatChainsAreAccepted() {
        // BoolOp and Compare are flat in CPython's tree, and implicit concatenation makes one Constant.
        accepted(utf8("x" + " and x".repeat(DEEP)));
        accepted(utf8("x" + " < x".repeat(DEEP)));
        accepted(utf8("\"a\" ".repeat(DEEP)));
        assertThat(problems).isEmpty();
    }

    @Test
    void tenMegabytesOnOneLineParse() {
        ParseResult list = accepted(utf8("x = [" + "12345678,".repeat(1_150_000) + "]\n"));
        ParseResult string = accepted(utf8("x = \"" + "a".repeat(10_000_000) + "\"\n"));
        refused(utf8("\"\"\"" + "a\n".repeat(5_000_000)));
        assertThat(problems).isEmpty();
        assertThat(list.module().body()).hasSize(1);
        assertThat(string.module().body()).hasSize(1);
    }

    @Test
    void aMillionTokensOnOneLineParse() {
        ParseResult list = accepted(utf8("x = [" + "1,".repeat(500_000) + "]\n"));
        ParseResult statements = accepted(utf8("a = 1;".repeat(333_334)));
        refused(utf8("$".repeat(1_000_000)));
        assertThat(problems).isEmpty();
        assertThat(((Assign) list.module().body().get(0)).value())
                .isInstanceOfSatisfying(List.class, l -> assertThat(l.elts()).hasSize(500_000));
        assertThat(statements.module().body()).hasSize(333_334);
    }

    private ParseResult refused(byte[] source) {
        ParseResult result = parse(source);
        if (result == null) {
            return null;
        }
        if (result.errors().isEmpty()) {
            problems.add("no error for " + preview(source));
        }
        for (SyntaxError error : result.errors()) {
            if (error.bstart() < 0 || error.bstart() > error.bend() || error.line() < 0) {
                problems.add("error out of range for " + preview(source) + ": " + error);
            }
        }
        return result;
    }

    private ParseResult accepted(byte[] source) {
        ParseResult result = parse(source);
        if (result == null) {
            return null;
        }
        if (!result.errors().isEmpty()) {
            problems.add("errors for " + preview(source) + ": " + result.errors().get(0));
        } else if (!AstDump.dump(result.module(), false).startsWith("Module(body=[")) {
            problems.add("odd dump for " + preview(source));
        }
        return result;
    }

    /** The result, or null (and a problem) when the parser throws. */
    private ParseResult parse(byte[] source) {
        try {
            return PythonParser.parse(source, PythonVersion.PY311);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add("parser threw " + e + " for " + preview(source));
        }
        return null;
    }

    private static String preview(byte[] source) {
        String text = new String(source, 0, Math.min(source.length, 40), UTF_8);
        return "'" + text.replace("\n", "\\n") + (source.length > 40 ? "...' (" + source.length + " bytes)" : "'");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    /** Bytes from strings (as UTF-8) and ints (as single bytes). */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
