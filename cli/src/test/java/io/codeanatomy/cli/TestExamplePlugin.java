package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.codeanatomy.testkit.plugin.PluginArchitectureRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example external plugin, loaded from a plugins directory by the command line. */
class TestExamplePlugin {
    @TempDir
    static Path work;
    static Path plugins;
    static Path source;

    @BeforeAll
    static void buildThePluginAndASource() throws Exception {
        plugins = ExamplePluginJar.pluginsDirectory(work);
        source = Files.createDirectories(work.resolve("src"));
        Files.writeString(source.resolve("test_shop.py"), String.join("\n",
                "def test_total():",
                "    assert 1 + 1 == 2",
                "",
                "async def test_async_checkout():",
                "    pass",
                "",
                "def helper():",
                "    return 3",
                "",
                "class TestCart:",
                "    def test_add(self):",
                "        pass",
                "    def setup_method(self):",
                "        pass",
                ""));
        Files.writeString(source.resolve("broken.py"), "def test_never(:\n");
    }

    @Test
    void theExampleKeepsToApiAndSpi() throws Exception {
        JavaClasses classes;
        try (JarFile jar = new JarFile(ExamplePluginJar.JAR.toFile())) {
            classes = new ClassFileImporter().importJar(jar);
        }
        assertThat(classes.contain("org.example.pytest.PytestPlugin")).isTrue();

        PluginArchitectureRules.all("org.example.pytest").forEach(rule -> rule.check(classes));
    }

    @Test
    void pluginsListsItWithVersionAndContributions() {
        CliRun run = CliRun.of("plugins", "--plugins", plugins.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("example-pytest 0.1.0  PY_TEST_FUNCTION nodes")
                .contains("  spi [0.1.0,0.2.0)")
                .contains("  codeanatomy:scalar-functions  example-pytest:is_test_name")
                .contains("  codeanatomy:rules.logical  example-pytest:example-pytest.merge-filters")
                .contains("  codeanatomy:cpg-views  example-pytest:test-functions");
    }

    @Test
    void buildWithThePluginAddsItsNodes() {
        Path out = work.resolve("out-with");
        CliRun build = CliRun.of("build", source.toString(), "--out", out.toString(), "--plugins", plugins.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();

        CliRun tests = CliRun.of("query", out.toString(),
                "SELECT name FROM cpg_nodes WHERE node_kind = 'PY_TEST_FUNCTION' ORDER BY name", "--format", "csv");
        assertThat(tests.exitCode()).as(tests.err()).isZero();
        // Functions and methods named test*, in files that parse: what pytest collects by default.
        assertThat(tests.out()).isEqualTo("name\ntest_add\ntest_async_checkout\ntest_total\n");

        CliRun called = CliRun.of("query", out.toString(),
                "SELECT COUNT(*) AS n FROM py_defs_v1 WHERE path = 'test_shop.py' AND is_test_name(name)", "--format", "csv",
                "--plugins", plugins.toString());
        assertThat(called.exitCode()).as(called.err()).isZero();
        assertThat(called.out()).isEqualTo("n\n3\n");
    }

    @Test
    void disablingThePluginsViewLeavesTheBuiltInGraph() {
        Path out = work.resolve("out-without");
        CliRun build = CliRun.of("build", source.toString(), "--out", out.toString(), "--plugins", plugins.toString(),
                "--disable-contribution", "example-pytest:test-functions");
        assertThat(build.exitCode()).as(build.err()).isZero();

        CliRun tests = CliRun.of("query", out.toString(), "SELECT COUNT(*) AS n FROM cpg_nodes WHERE node_kind = 'PY_TEST_FUNCTION'",
                "--format", "csv");
        assertThat(tests.out()).isEqualTo("n\n0\n");
    }
}
