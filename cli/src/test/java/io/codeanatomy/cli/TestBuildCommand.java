package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBuildCommand {
    private static final Map<String, String> FIXTURES = Map.of(
            "pkg/__init__.py", "",
            "pkg/shapes.py", """
                    import math

                    class Shape:
                        def area(self):
                            raise NotImplementedError

                        class Meta:
                            ordering = ["name"]

                    @dataclass
                    class Circle(Shape):
                        r: float

                        def area(self):
                            square = lambda x: x * x
                            return math.pi * square(self.r)

                    async def fetch(url, *, timeout=1.0):
                        async def inner():
                            return url
                        return await inner()
                    """,
            "scripts/run.py", "def main():\n    print('héllo wörld')\n\nif __name__ == '__main__':\n    main()\n",
            "broken.py", "def ok():\n    pass\n\ndef broken(:\n    pass\n");

    @TempDir
    static Path temp;
    private static Path source;
    private static Path out;
    private static CliRun build;

    @BeforeAll
    static void buildFixtures() throws IOException {
        source = temp.resolve("src");
        out = temp.resolve("out");
        build = CliRun.buildTree(source, FIXTURES, out);
    }

    @Test
    void buildSucceedsAndSummarizes() {
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(build.out()).contains("built " + out + " from 4 files").contains("cpg/cpg_nodes").contains("run record: ");
        assertThat(out.resolve("cpg/cpg_nodes/_delta_log")).isDirectory();
        assertThat(out.resolve("extract/py_defs_v1/_delta_log")).isDirectory();
    }

    @Test
    void nodeCountsEqualWhatCpythonsAstFinds() throws Exception {
        CliRun query = CliRun.of("query", out.toString(),
                "SELECT node_kind, COUNT(*) AS n FROM cpg_nodes WHERE node_kind IN ('PY_CLASS', 'PY_FILE', 'PY_FUNCTION', 'PY_MODULE')"
                + " GROUP BY node_kind ORDER BY node_kind", "--format", "csv");

        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.out()).isEqualTo("node_kind,n\n" + pythonCounts());
    }

    @Test
    void queryPrintsJsonAndTables() {
        CliRun json = CliRun.of("query", out.toString(),
                "SELECT name, bstart FROM cpg_nodes WHERE node_kind = 'PY_CLASS' ORDER BY bstart", "--format", "json");
        CliRun table = CliRun.of("query", out.toString(), "SELECT COUNT(*) AS files FROM py_files_v1");

        assertThat(json.exitCode()).isZero();
        // CPython's offsets of a decorated class are those of the 'class' keyword, not the decorator.
        assertThat(json.out().replaceAll("\\s", "")).isEqualTo(
                "[{\"name\":\"Shape\",\"bstart\":13},{\"name\":\"Meta\",\"bstart\":85},{\"name\":\"Circle\",\"bstart\":137}]");
        assertThat(table.out()).isEqualTo("files\n-----\n4\n(1 row)\n");
    }

    @Test
    void includeAndExcludeSelectTheFiles() {
        Path selected = temp.resolve("selected");
        CliRun run = CliRun.of("build", source.toString(), "--out", selected.toString(),
                "--include", "pkg/**", "--exclude", "__init__.py");
        CliRun files = CliRun.of("query", selected.toString(), "SELECT path FROM py_files_v1 ORDER BY path", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(files.out()).isEqualTo("path\npkg/shapes.py\n");
    }

    @Test
    void thePythonVersionDecidesWhatParsesAndIsInTheEnvelope() throws IOException {
        Path src = sourceOf("def first[T](xs: list[T]) -> T:\n    return xs[0]\n");
        Path old = temp.resolve("py311");
        Path now = temp.resolve("py312");

        CliRun run311 = CliRun.of("build", src.toString(), "--out", old.toString(), "--python", "3.11");
        CliRun run312 = CliRun.of("build", src.toString(), "--out", now.toString(), "--python", "3.12");
        CliRun bad = CliRun.of("build", src.toString(), "--out", temp.resolve("never").toString(), "--python", "4.0");

        assertThat(run311.exitCode()).as(run311.err()).isZero();
        assertThat(run312.exitCode()).as(run312.err()).isZero();
        assertThat(CliRun.of("query", old.toString(), "SELECT status FROM py_files_v1", "--format", "csv").out())
                .isEqualTo("status\nSYNTAX_ERROR\n");
        assertThat(CliRun.of("query", now.toString(), "SELECT name FROM cpg_nodes WHERE node_kind = 'PY_FUNCTION'", "--format", "csv").out())
                .isEqualTo("name\nfirst\n");
        assertThat(envelope(now)).contains("\"python.version\":\"3.12\"");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("codeanatomy: python.version: unsupported Python version 4.0: use one from 3.8 to 3.14.\n");
        assertThat(temp.resolve("never")).doesNotExist();
    }

    @Test
    void extractorOptionsAreNamedByExtractorAndCheckedByTheirOwner() throws IOException {
        Path src = sourceOf("type Pair = tuple[int, int]\n");
        Path viaOption = temp.resolve("via-option");

        CliRun run = CliRun.of("build", src.toString(), "--out", viaOption.toString(), "-X", "python.version=3.12");
        CliRun unknown = CliRun.of("build", src.toString(), "--out", temp.resolve("never").toString(), "-X", "python.verison=3.12");
        CliRun absent = CliRun.of("build", src.toString(), "--out", temp.resolve("never").toString(), "--option", "java.release=17");
        CliRun unnamed = CliRun.of("build", src.toString(), "--out", temp.resolve("never").toString(), "-X", "version=3.12");
        CliRun twice = CliRun.of("build", src.toString(), "--out", temp.resolve("never").toString(), "--python", "3.11",
                "-X", "python.version=3.12");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(envelope(viaOption)).contains("\"python.version\":\"3.12\"");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo(
                "codeanatomy: the python extractor has no option 'python.verison'; it knows 'python.version' and 'python.source_roots'.\n");
        assertThat(absent.exitCode()).isEqualTo(2);
        assertThat(absent.err()).isEqualTo("codeanatomy: option 'java.release' is for the extractor 'java', which is not "
                + "installed; installed extractors: python.\n");
        assertThat(unnamed.exitCode()).isEqualTo(2);
        assertThat(unnamed.err()).isEqualTo(
                "codeanatomy: option 'version' needs the form <extractor>.<name>=<value>, e.g. python.version=3.12.\n");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).isEqualTo("codeanatomy: --python 3.11 and -X python.version=3.12 disagree; give the Python "
                + "version once.\n");
        assertThat(temp.resolve("never")).doesNotExist();
    }

    @Test
    void sourceRootsNameTheModulesAndAreAnExtractorOption() throws IOException {
        Path src = temp.resolve("layout-src");
        for (String file : List.of("lib/app/__init__.py", "lib/app/core.py", "tools/run.py")) {
            Files.createDirectories(src.resolve(file).getParent());
            Files.writeString(src.resolve(file), "def f():\n    pass\n", StandardCharsets.UTF_8);
        }
        Path guessed = temp.resolve("guessed");
        Path given = temp.resolve("given");

        CliRun guess = CliRun.of("build", src.toString(), "--out", guessed.toString());
        CliRun roots = CliRun.of("build", src.toString(), "--out", given.toString(), "--source-root", "lib", "--source-root", ".");
        CliRun twice = CliRun.of("build", src.toString(), "--out", temp.resolve("never").toString(), "--source-root", "lib",
                "-X", "python.source_roots=src");
        String sql = "SELECT path, module_name, source_root FROM py_files_v1 ORDER BY path";

        assertThat(guess.exitCode()).as(guess.err()).isZero();
        assertThat(roots.exitCode()).as(roots.err()).isZero();
        // lib/ holds no module of its own: guessed as a namespace package; given, it is the root.
        assertThat(CliRun.of("query", guessed.toString(), sql, "--format", "csv").out()).isEqualTo(
                "path,module_name,source_root\nlib/app/__init__.py,lib.app,.\nlib/app/core.py,lib.app.core,.\n"
                        + "tools/run.py,run,tools\n");
        assertThat(CliRun.of("query", given.toString(), sql, "--format", "csv").out()).isEqualTo(
                "path,module_name,source_root\nlib/app/__init__.py,app,lib\nlib/app/core.py,app.core,lib\n"
                        + "tools/run.py,tools.run,.\n");
        assertThat(envelope(given)).contains("\"python.source_roots\":\"lib,.\"");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).isEqualTo("codeanatomy: --source-root and -X python.source_roots=src disagree; give the "
                + "source roots once.\n");
        assertThat(temp.resolve("never")).doesNotExist();
    }

    /** A source directory holding one file, g.py, with {@code text}. */
    private Path sourceOf(String text) throws IOException {
        Path src = temp.resolve("generic-src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("g.py"), text, StandardCharsets.UTF_8);
        return src;
    }

    private static String envelope(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            return Files.readString(runs.findFirst().orElseThrow().resolve("session-envelope.json"));
        }
    }

    @Test
    void badSqlIsCalcitesMessageWithThePosition() {
        CliRun query = CliRun.of("query", out.toString(), "SELECT node_kind FROM cpg_nodes WHERE");

        assertThat(query.exitCode()).isEqualTo(1);
        assertThat(query.out()).isEmpty();
        assertThat(query.err()).isEqualTo("codeanatomy: invalid query: Encountered \"<EOF>\" at line 1, column 37.\n");
    }

    @Test
    void unknownColumnIsCalcitesMessageWithThePosition() {
        CliRun query = CliRun.of("query", out.toString(), "SELECT colour FROM cpg_nodes");

        assertThat(query.exitCode()).isEqualTo(1);
        assertThat(query.err()).isEqualTo("codeanatomy: invalid query: From line 1, column 8 to line 1, column 13: Column 'colour' not found in any table\n");
    }

    @Test
    void missingSourceIsOneSentenceAndWritesNothing() {
        Path target = temp.resolve("never");

        CliRun run = CliRun.of("build", temp.resolve("missing").toString(), "--out", target.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("codeanatomy: source directory " + temp.resolve("missing") + " does not exist.\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void outputThatIsAFileOrForeignIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("file.txt"), "keep");
        Path foreign = Files.createDirectories(temp.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.tex"), "keep");

        CliRun onFile = CliRun.of("build", source.toString(), "--out", file.toString());
        CliRun onForeign = CliRun.of("build", source.toString(), "--out", foreign.toString());

        assertThat(onFile.exitCode()).isEqualTo(2);
        assertThat(onFile.err()).isEqualTo("codeanatomy: output path " + file + " is a file, not a directory; give a directory with --out.\n");
        assertThat(onForeign.exitCode()).isEqualTo(2);
        assertThat(onForeign.err()).startsWith("codeanatomy: output directory " + foreign + " already holds files that codeanatomy did not write");
        assertThat(Files.readString(file)).isEqualTo("keep");
        try (Stream<Path> files = Files.list(foreign)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("thesis.tex");
        }
    }

    @Test
    void queryOfADirectoryThatIsNotAnOutputIsRefused() {
        CliRun query = CliRun.of("query", source.toString(), "SELECT 1");

        assertThat(query.exitCode()).isEqualTo(2);
        assertThat(query.err()).startsWith("codeanatomy: " + source + " is not a codeanatomy output directory");
    }

    @Test
    void pluginsListsEveryDiscoveredPluginWithItsContributions() {
        CliRun plugins = CliRun.of("plugins");

        assertThat(plugins.exitCode()).isZero();
        assertThat(plugins.out()).contains("delta-io 0.1.0").contains("  codeanatomy:table-providers  delta-io:delta")
                .contains("  codeanatomy:materializers  delta-io:delta")
                .contains("udf-spans 0.1.0").contains("  codeanatomy:scalar-functions  udf-spans:stable_hash_id")
                .contains("extract-python").contains("  codeanatomy:extractors  extract-python:python")
                .contains("rules-bytespan 0.1.0").contains("  depends on udf-spans [0.0.0,)");
    }

    @Test
    void pluginsAsJsonHasVersionsContributionsByPointAndConfig() {
        CliRun plugins = CliRun.of("plugins", "--format", "json");

        assertThat(plugins.exitCode()).isZero();
        assertThat(plugins.out()).contains("\"id\" : \"delta-io\"").contains("\"version\" : \"0.1.0\"")
                .contains("\"codeanatomy:scalar-functions\" : [ \"udf-spans:").contains("\"config\" : [ ]");
    }

    @Test
    void disablingAnUnknownPluginIsAUserError() {
        CliRun plugins = CliRun.of("plugins", "--disable-plugin", "nobody");

        assertThat(plugins.exitCode()).isEqualTo(2);
        assertThat(plugins.err()).startsWith("codeanatomy: --disable-plugin nobody names no installed plugin; installed: ");
    }

    /** CSV rows {@code kind,count} of the fixtures as CPython's ast sees them, files that do not parse counting as files only (no module). */
    private static String pythonCounts() throws Exception {
        String script = String.join("\n",
                "import ast, pathlib, sys",
                "counts = {'PY_FILE': 0, 'PY_FUNCTION': 0, 'PY_CLASS': 0, 'PY_MODULE': 0}",
                "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.py')):",
                "    counts['PY_FILE'] += 1",
                "    try:",
                "        tree = ast.parse(p.read_bytes())",
                "    except SyntaxError:",
                "        continue",
                "    counts['PY_MODULE'] += 1",
                "    for node in ast.walk(tree):",
                "        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):",
                "            counts['PY_FUNCTION'] += 1",
                "        elif isinstance(node, ast.ClassDef):",
                "            counts['PY_CLASS'] += 1",
                "for kind in sorted(counts):",
                "    sys.stdout.write(f'{kind},{counts[kind]}\\n')");
        return Python3.require().output(script, source.toString());
    }
}
