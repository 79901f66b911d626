package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole standard library (without its site-packages) through {@code codeanatomy build}: the
 * CPG's file, function and class counts equal what CPython's {@code ast} finds in the same files.
 */
class TestStdlibCpgCounts {
    private static final String CPYTHON_COUNTS = String.join("\n",
            "import ast, os, sys, warnings",
            "warnings.simplefilter('ignore')",
            "root = sys.argv[1]",
            "files = functions = classes = 0",
            "for d, dirs, names in os.walk(root):",
            "    dirs[:] = [x for x in dirs if not (d == root and x == 'site-packages')]",
            "    for n in names:",
            "        if not n.endswith('.py'):",
            "            continue",
            "        files += 1",
            "        try:",
            "            tree = ast.parse(open(os.path.join(d, n), 'rb').read())",
            "        except Exception:",
            "            continue",
            "        for node in ast.walk(tree):",
            "            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):",
            "                functions += 1",
            "            elif isinstance(node, ast.ClassDef):",
            "                classes += 1",
            "print('node_kind,n\\r\\nPY_CLASS,%d\\r\\nPY_FILE,%d\\r\\nPY_FUNCTION,%d\\r' % (classes, files, functions))",
            "");

    @TempDir
    Path temp;

    @Test
    void cpgNodeCountsEqualCPythonsAstOverTheStandardLibrary() throws Exception {
        Path stdlib = stdlib();
        Path out = temp.resolve("out");

        CliRun build = CliRun.of("build", stdlib.toString(), "--out", out.toString(), "--exclude", "site-packages/**");
        CliRun counts = CliRun.of("query", out.toString(),
                "SELECT node_kind, COUNT(*) AS n FROM cpg_nodes WHERE node_kind IN ('PY_CLASS', 'PY_FILE', 'PY_FUNCTION') GROUP BY node_kind ORDER BY node_kind", "--format", "csv");

        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(counts.exitCode()).as(counts.err()).isZero();
        assertThat(counts.out()).isEqualTo(Python3.require().output(CPYTHON_COUNTS, stdlib.toString()));
    }

    private static Path stdlib() {
        Path path = Path.of(Python3.require().output("import sysconfig; print(sysconfig.get_path('stdlib'))").trim());
        assertThat(path).as("CPython's standard library").isDirectory();
        return path;
    }
}
