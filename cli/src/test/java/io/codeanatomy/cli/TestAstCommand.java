package io.codeanatomy.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code codeanatomy ast}: CPython's dump, byte for byte, and the {@code --check} report. */
class TestAstCommand {
    private static final String GOOD = "x: int = 1\nclass C(B, metaclass=M):\n    def f(self, /, a=-1.5e-7, *a2, k: 'é'=b'\\xff', **kw):\n"
            + "        return f\"{a!r:>{k}} {self=}\" + '\\ud834' '\\udd1e'\n";
    private static final String BAD = "print 'hello'\n";

    @TempDir
    Path temp;

    @Test
    void dumpIsWhatCPythonPrintsWithAndWithoutAttributes() throws Exception {
        Path good = write("good.py", GOOD);
        Path bad = write("bad.py", BAD);
        for (boolean attributes : new boolean[] {false, true}) {
            List<String> args = new ArrayList<>(List.of("ast", "--python", "3.11"));
            if (attributes) {
                args.add("--attributes");
            }
            args.addAll(List.of(good.toString(), bad.toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).isEqualTo(cpython(attributes, good, bad));
        }
    }

    @Test
    void anIntTooLongToPrintIsCPythonsValueErrorForThatFileOnly() throws Exception {
        Path huge = write("huge.py", "x = 0x" + "f".repeat(3_600) + "\n");
        Path good = write("good.py", GOOD);

        CliRun run = CliRun.of("ast", "--python", "3.11", huge.toString(), good.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(cpython(false, huge, good))
                .contains("ValueError: Exceeds the limit (4300 digits) for integer string conversion");
    }

    @Test
    void checkListsTheFilesThatDoNotParseThenASummary() throws IOException {
        write("pkg/good.py", GOOD);
        write("pkg/bad.py", BAD);
        write("skipped/bad.py", BAD);

        CliRun run = CliRun.of("ast", "--python", "3.11", "--check", temp.toString(), "--exclude", "skipped/**");

        assertThat(run.exitCode()).isEqualTo(1);
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo(temp.resolve("pkg/bad.py") + ":1:1: Missing parentheses in call to 'print'. Did you mean print(...)?");
        assertThat(lines[1]).startsWith("2 files, 0.0 MB, 1 with syntax errors, ");
    }

    @Test
    void checkSelectsFilesAsBuildDoesWithGitignoreSyntax() throws IOException {
        write("a/deep/bad.py", BAD);
        write("a/generated.py", BAD);
        write("a/good.py", GOOD);
        write(".venv/lib/bad.py", BAD);
        write(".gitignore", "generated.py\n");

        // A pattern without a '/' matches at any depth, as in .gitignore and build --exclude.
        CliRun run = CliRun.of("ast", "--check", temp.toString(), "--exclude", "bad.py");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("1 files, ");
    }

    @Test
    void checkExitsZeroWhenEverythingParses() throws IOException {
        write("good.py", GOOD);

        assertThat(CliRun.of("ast", "--check", temp.toString()).exitCode()).isZero();
    }

    @Test
    void theLanguageVersionDecidesWhatIsASyntaxError() throws IOException {
        Path generic = write("generic.py", "def first[T](xs: list[T]) -> T:\n    return xs[0]\n");

        assertThat(CliRun.of("ast", "--python", "3.11", generic.toString()).out()).endsWith("SyntaxError\n");
        assertThat(CliRun.of("ast", "--python", "3.12", generic.toString()).out()).contains("FunctionDef(name='first'");
    }

    @Test
    void usageErrorsExitTwoWithOneSentence() throws IOException {
        Path good = write("good.py", GOOD);

        CliRun badVersion = CliRun.of("ast", "--python", "2.7", good.toString());
        CliRun missing = CliRun.of("ast", temp.resolve("missing.py").toString());
        CliRun notADirectory = CliRun.of("ast", "--check", good.toString());

        assertThat(badVersion.exitCode()).isEqualTo(2);
        assertThat(badVersion.err()).isEqualTo("codeanatomy: --python: unsupported Python version 2.7: use one from 3.8 to 3.14.\n");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("codeanatomy: cannot read file ").hasLineCount(1);
        assertThat(notADirectory.exitCode()).isEqualTo(2);
        assertThat(notADirectory.out()).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
        return file;
    }

    /** What the reference command prints for each file, with CPython 3.11 (the testkit's oracle). */
    private static String cpython(boolean attributes, Path... files) {
        Python3 python = Python3.require();
        StringBuilder expected = new StringBuilder();
        for (Path file : files) {
            String out = python.output("import ast,sys\ntry:\n"
                    + "    tree = ast.parse(open(sys.argv[1],'rb').read())\n"
                    + "except Exception:\n    print('SyntaxError')\n    sys.exit()\ntry:\n"
                    + "    print(ast.dump(tree, include_attributes=" + (attributes ? "True" : "False") + "))\n"
                    + "except ValueError as e:\n    print('ValueError:', e)\n", file.toString());
            expected.append("==> ").append(file).append(" <==\n").append(out);
        }
        return expected.toString();
    }
}
