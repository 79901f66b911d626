package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CPython's limits on nesting, source by source against CPython 3.11's {@code ast.parse} called at
 * the top level of a script (where its limits are deterministic): each source is a little below
 * or at a limit, and we must accept what CPython accepts and refuse the rest with its error. The
 * sizes are chosen near CPython's thresholds; CPython decides which side each is on.
 */
class TestParserLimitsAgainstCPython {
    /**
     * {@code ast.parse} at the script's top level, as {@code python3 -c "import ast; ast.parse(...)"}
     * calls it, on one source a line (in hex). It stops after a RecursionError or a MemoryError, which
     * leave CPython 3.11 building deeper trees than before in the same process: the next source
     * needs a fresh one.
     */
    private static final String SCRIPT = """
            import ast, sys
            for line in sys.stdin:
                try:
                    ast.parse(bytes.fromhex(line.strip()))
                    print('ok')
                except SyntaxError as e:
                    print('SyntaxError\t' + e.msg)
                except RecursionError as e:
                    print('RecursionError\t' + str(e))
                    break
                except MemoryError as e:
                    print('MemoryError\t' + str(e))
                    break
            """;

    @Test
    void nestingIsRefusedWhereCPythonRefusesIt() {
        List<String> sources = new ArrayList<>();
        for (int n : new int[] {2_988, 2_989, 2_990, 5_967, 5_968}) {
            sources.add("x = " + "-".repeat(n) + "1\n");
            sources.add("x = " + "not ".repeat(n) + "1\n");
            sources.add("x = " + "1 if 1 else ".repeat(n) + "1\n");
        }
        for (int n : new int[] {2_988, 2_989, 10_000}) {
            sources.add("x = a" + ".b".repeat(n) + "\n");
            sources.add("x = 1" + "+1".repeat(n) + "\n");
            sources.add("x = f" + "()".repeat(n) + "\n");
            sources.add("x = a" + "[0]".repeat(n) + "\n");
        }
        for (int n : new int[] {2_983, 2_984}) {
            sources.add("x = " + "lambda: ".repeat(n) + "1\n");
            sources.add("x = " + "2**".repeat(n) + "1\n");
        }
        for (int n : new int[] {745, 746}) {
            sources.add("x = " + "lambda a=".repeat(n) + "1" + ":0".repeat(n) + "\n");
        }
        // The statements around the expression count towards the depth of the tree.
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            nested.append(" ".repeat(i)).append("if x:\n");
        }
        for (int n : new int[] {2_938, 2_939}) {
            sources.add(nested + " ".repeat(50) + "y = " + "-".repeat(n) + "1\n");
            sources.add("a = 1\n" + "-".repeat(n + 52) + "1\nb = 2\n");
        }

        List<String> cpython = cpython(sources);
        List<String> mismatches = new ArrayList<>();
        int refusedByCPython = 0;
        for (int i = 0; i < sources.size(); i++) {
            String source = sources.get(i);
            String ours = verdict(PythonParser.parse(source.getBytes(UTF_8), PythonVersion.PY311));
            String expected = cpython.get(i);
            refusedByCPython += expected.equals("ok") ? 0 : 1;
            if (!ours.equals(expected)) {
                mismatches.add(source.length() + " chars: " + source.substring(0, 40).replace("\n", "\\n")
                        + "...\n    ours    " + ours + "\n    CPython " + expected);
            }
        }
        assertThat(mismatches).isEmpty();
        // Both sides of every limit are exercised.
        assertThat(refusedByCPython).isBetween(1, sources.size() - 1);
    }

    @Test
    void aTreeTooDeepToBuildIsLeftOutOfTheModuleLikeAStatementThatDoesNotParse() {
        ParseResult result = PythonParser.parse(("a = 1\nx = " + "-".repeat(3_000) + "1\nb = 2\n").getBytes(UTF_8),
                PythonVersion.PY311);

        assertThat(result.errors()).containsExactly(
                new SyntaxError("maximum recursion depth exceeded during ast construction", 2_999, 3_011, 2, 2_994));
        assertThat(result.module().body()).hasSize(2);
    }

    /** CPython's verdict: "ok", or the exception's type and message (a SyntaxError's msg). */
    private static String verdict(ParseResult result) {
        if (result.ok()) {
            return "ok";
        }
        String message = result.errors().get(0).message();
        if (message.equals(AstConstruction.MESSAGE)) {
            return "RecursionError\t" + message;
        }
        // CPython 3.11 raises a MemoryError without a message where 3.12 words it.
        if (message.equals("Parser stack overflowed - Python source too complex to parse")) {
            return "MemoryError\t";
        }
        return "SyntaxError\t" + message;
    }

    private static List<String> cpython(List<String> sources) {
        Python3 python = Python3.require();
        List<String> answers = new ArrayList<>(sources.size());
        while (answers.size() < sources.size()) {
            StringBuilder in = new StringBuilder();
            for (String source : sources.subList(answers.size(), sources.size())) {
                in.append(HexFormat.of().formatHex(source.getBytes(UTF_8))).append('\n');
            }
            List<String> more = new String(python.run(SCRIPT, List.of(), in.toString().getBytes(US_ASCII)), UTF_8)
                    .lines().toList();
            assertThat(more).as("CPython's answers").isNotEmpty();
            answers.addAll(more);
        }
        assertThat(answers).hasSize(sources.size());
        return answers;
    }
}
