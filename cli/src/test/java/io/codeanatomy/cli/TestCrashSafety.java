package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build killed with SIGKILL at each point of its life leaves the output readable at the
 * previous build (or, once its manifest is in, at the new one); the next build completes; and
 * {@code vacuum} removes what the killed build wrote.
 */
class TestCrashSafety {
    static final Map<String, String> BUILD_A = Map.of(
            "pkg/__init__.py", "",
            "pkg/shapes.py", "class Shape:\n    def area(self):\n        return 0\n",
            "run.py", "def main():\n    print('a')\n");
    static final Map<String, String> BUILD_B = Map.of(
            "pkg/__init__.py", "",
            "pkg/shapes.py", "class Shape:\n    def perimeter(self):\n        return 0\n",
            "run.py", "def main():\n    print('b')\n\ndef helper():\n    pass\n",
            "extra.py", "def extra():\n    pass\n");
    static final String FUNCTIONS = "SELECT name FROM cpg_nodes WHERE node_kind = 'PY_FUNCTION' ORDER BY name";
    static final String DEFINED = "SELECT name FROM py_defs_v1 WHERE kind = 'FUNCTION' ORDER BY name";
    static final String A_FUNCTIONS = "name\narea\nmain\n";
    static final String B_FUNCTIONS = "name\nextra\nhelper\nmain\nperimeter\n";

    @TempDir
    static Path temp;
    private static Path builtA;

    @BeforeAll
    static void buildOnce() throws IOException {
        builtA = temp.resolve("built-a");
        CliRun build = CliRun.buildTree(temp.resolve("src-template"), BUILD_A, builtA);
        assertThat(build.exitCode()).as(build.err()).isZero();
    }

    @ParameterizedTest(name = "killed while {0}")
    @ValueSource(strings = {"extracting", "extracted", "executing", "manifest", "committed"})
    void aBuildKilledAtAnyPointLeavesOneWholeBuildAndTheNextBuildCompletes(String point) throws Exception {
        Path out = copy(builtA, temp.resolve("out-" + point));
        Path source = write(temp.resolve("src-" + point), BUILD_B);
        Set<Path> before = dataFiles(out);

        BuildProcess child = BuildProcess.start(point, null, "build", source.toString(), "--out", out.toString(), "--workers", "1");
        try {
            child.awaitHalt(point);
        } finally {
            child.kill();
        }

        boolean committed = point.equals("committed");
        String expected = committed ? B_FUNCTIONS : A_FUNCTIONS;
        assertThat(query(out, FUNCTIONS)).as("cpg after a kill while " + point).isEqualTo(expected);
        assertThat(query(out, DEFINED)).as("extraction tables of the same build").isEqualTo(expected);
        CliRun check = CliRun.of("check", out.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        Set<Path> aborted = new TreeSet<>(dataFiles(out));
        aborted.removeAll(before);
        if (point.equals("extracted") || point.equals("executing")) {
            assertThat(aborted).as("the killed build committed table versions no manifest names").isNotEmpty();
        }

        CliRun rebuild = CliRun.of("build", source.toString(), "--out", out.toString());

        assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();
        assertThat(query(out, FUNCTIONS)).isEqualTo(B_FUNCTIONS);
        assertThat(query(out, DEFINED)).isEqualTo(B_FUNCTIONS);
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            assertThat(runs).as("no pending or empty run directory is left").allSatisfy(run -> {
                assertThat(run.getFileName().toString()).doesNotStartWith(".");
                assertThat(run.resolve("run-result.json")).isRegularFile();
            });
        }
        CliRun history = CliRun.of("history", out.toString());
        assertThat(history.out()).contains("build 0 ").contains(committed ? "build 2 " : "build 1 ");

        CliRun vacuum = CliRun.of("vacuum", out.toString());

        assertThat(vacuum.exitCode()).as(vacuum.err()).isZero();
        if (!committed) {
            Set<Path> left = new TreeSet<>(dataFiles(out));
            left.retainAll(aborted);
            assertThat(left).as("vacuum removes every data file of the killed build").isEmpty();
        }
        assertThat(query(out, FUNCTIONS, "--as-of-version", "0")).as("the first build is still readable").isEqualTo(A_FUNCTIONS);
        assertThat(query(out, FUNCTIONS)).isEqualTo(B_FUNCTIONS);
        assertThat(CliRun.of("check", out.toString()).exitCode()).isZero();
    }

    static String query(Path out, String sql, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("query", out.toString(), sql, "--format", "csv"));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    static Path write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        return root;
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    static Set<Path> dataFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return new TreeSet<>(files.filter(f -> f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log")).toList());
        }
    }
}
