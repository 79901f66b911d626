package io.codeanatomy.runtime.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.plugins.delta.DeltaIoPlugin;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.compile.InvalidQueryException;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.TinyPythonPlugin;
import io.codeanatomy.spi.Plugin;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host adds and removes plugin directories between runs of one {@link CodeAnatomy}, without restarting its JVM. */
class TestCodeAnatomyPluginDirectories {
    /** Calls the function the directory's plugin contributes. */
    private static final String GREETING = "SELECT greet(n) AS g FROM (VALUES ('world')) AS t(n)";
    /** A class only the plugin's jar has: its loader finds it until the loader is closed. */
    private static final String PLUGIN_CLASS = "example/greet/GreetPlugin.class";

    @TempDir
    static Path work;
    /** A plugins directory with one plugin, {@code greet}, contributing the scalar function {@code greet}. */
    static Path plugins;
    /** An output directory for queries to run over. */
    static Path out;

    @BeforeAll
    static void compileThePluginAndBuildAnOutput() throws IOException {
        plugins = greetPlugins(work);
        Path source = Files.createDirectories(work.resolve("src"));
        Files.writeString(source.resolve("a.py"), "def f():\n    pass\n");
        out = work.resolve("out");
        try (CodeAnatomy codeAnatomy = host()) {
            codeAnatomy.build(source, out);
        }
    }

    private static CodeAnatomy host() {
        return CodeAnatomy.builder().classPathPlugins(false).config(SessionConfig.defaults().withWorkers(1))
                .plugins(List.of(new DeltaIoPlugin(), new SpansPlugin(), new TinyPythonPlugin())).builtinParts(TinyPythonPlugin.PARTS).build();
    }

    @Test
    void anAddedDirectoryContributesToTheNextRunAndARemovedOneIsGoneAndCollected() throws Exception {
        try (CodeAnatomy codeAnatomy = host()) {
            assertThatThrownBy(() -> greet(codeAnatomy)).isInstanceOf(InvalidQueryException.class).hasMessageContaining("greet");

            codeAnatomy.addPluginDirectory(plugins);
            assertThat(greet(codeAnatomy)).isEqualTo("hello world");
            assertThat(codeAnatomy.pluginDirectories()).containsExactly(plugins);
            ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();
            WeakReference<ClassLoader> loader = greetLoader(codeAnatomy, collected);

            codeAnatomy.removePluginDirectory(plugins);
            assertThat(codeAnatomy.pluginDirectories()).isEmpty();
            assertThat(codeAnatomy.plugins()).extracting(p -> p.descriptor().id()).doesNotContain("greet");
            assertThatThrownBy(() -> greet(codeAnatomy)).isInstanceOf(InvalidQueryException.class).hasMessageContaining("greet");

            // The collector enqueues the reference once the loader is unreachable: wait for that event.
            Reference<? extends ClassLoader> enqueued = null;
            for (int i = 0; i < 50 && enqueued == null; i++) {
                System.gc();
                enqueued = collected.remove(100);
            }
            assertThat(enqueued).as("the removed plugin's loader").isSameAs(loader);

            // And the directory can come back, in a loader of its own.
            codeAnatomy.addPluginDirectory(plugins);
            assertThat(greet(codeAnatomy)).isEqualTo("hello world");
        }
    }

    @Test
    void aQueryInFlightKeepsItsPluginsUntilItIsClosed() throws Exception {
        try (CodeAnatomy codeAnatomy = host()) {
            codeAnatomy.addPluginDirectory(plugins);
            ClassLoader loader = greetPlugin(codeAnatomy).getClass().getClassLoader();
            try (QueryResult rows = codeAnatomy.query(out, GREETING)) {
                codeAnatomy.removePluginDirectory(plugins);

                assertThat(loader.getResource(PLUGIN_CLASS)).as("the loader while the query runs").isNotNull();
                assertThat(rows(rows)).containsExactly("hello world");
            }
            assertThat(loader.getResource(PLUGIN_CLASS)).as("the loader once the query is closed").isNull();
        }
    }

    @Test
    void twoHostsAreIndependent() throws Exception {
        try (CodeAnatomy first = host(); CodeAnatomy second = host()) {
            first.addPluginDirectory(plugins);
            assertThat(greet(first)).isEqualTo("hello world");
            assertThatThrownBy(() -> greet(second)).isInstanceOf(InvalidQueryException.class);

            second.addPluginDirectory(plugins);
            ClassLoader secondsLoader = greetPlugin(second).getClass().getClassLoader();
            assertThat(greetPlugin(first).getClass().getClassLoader()).isNotSameAs(secondsLoader);

            first.removePluginDirectory(plugins);
            assertThatThrownBy(() -> greet(first)).isInstanceOf(InvalidQueryException.class);
            assertThat(greet(second)).isEqualTo("hello world");
            assertThat(secondsLoader.getResource(PLUGIN_CLASS)).isNotNull();
        }
    }

    @Test
    void aDirectoryPresentTwiceOrAbsentIsNamed() {
        try (CodeAnatomy codeAnatomy = host()) {
            codeAnatomy.addPluginDirectory(plugins);

            assertThatThrownBy(() -> codeAnatomy.addPluginDirectory(plugins.resolve("..").resolve(plugins.getFileName())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith(" is present already; remove it first to load it again.");
            Path absent = work.resolve("absent");
            assertThatThrownBy(() -> codeAnatomy.removePluginDirectory(absent))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the plugin directory " + absent + " is not present; present are [" + plugins + "].");
            assertThat(codeAnatomy.pluginDirectories()).containsExactly(plugins);
        }
    }

    @Test
    void aClosedHostRefusesRuns() {
        CodeAnatomy codeAnatomy = host();
        codeAnatomy.addPluginDirectory(plugins);
        ClassLoader loader = greetPlugin(codeAnatomy).getClass().getClassLoader();
        codeAnatomy.close();

        assertThat(loader.getResource(PLUGIN_CLASS)).isNull();
        assertThatThrownBy(() -> codeAnatomy.query(out, GREETING)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this CodeAnatomy is closed; build a new one.");
    }

    private static String greet(CodeAnatomy codeAnatomy) throws IOException {
        try (QueryResult rows = codeAnatomy.query(out, GREETING)) {
            return String.join(",", rows(rows));
        }
    }

    private static List<String> rows(QueryResult rows) throws IOException {
        List<String> values = new ArrayList<>();
        while (rows.reader().loadNextBatch()) {
            VarCharVector g = (VarCharVector) rows.reader().getVectorSchemaRoot().getVector("g");
            for (int i = 0; i < g.getValueCount(); i++) {
                values.add(g.getObject(i).toString());
            }
        }
        return values;
    }

    private static Plugin greetPlugin(CodeAnatomy codeAnatomy) {
        return codeAnatomy.plugins().stream().filter(p -> p.descriptor().id().equals("greet")).findFirst().orElseThrow();
    }

    /** A weak reference to the greet plugin's loader, made where no strong one outlives the call. */
    private static WeakReference<ClassLoader> greetLoader(CodeAnatomy codeAnatomy, ReferenceQueue<ClassLoader> queue) {
        return new WeakReference<>(greetPlugin(codeAnatomy).getClass().getClassLoader(), queue);
    }

    /** Compiles the greet plugin with the JDK's compiler and packs it as the only jar of a plugins directory. */
    private static Path greetPlugins(Path work) throws IOException {
        String source = String.join("\n",
                "package example.greet;",
                "import io.codeanatomy.api.expr.DataType;",
                "import io.codeanatomy.api.expr.FunctionSignature;",
                "import io.codeanatomy.spi.PluginDescriptor;",
                "import io.codeanatomy.spi.function.ScalarFunctionContribution;",
                "import java.util.List;",
                "public final class GreetPlugin implements io.codeanatomy.spi.Plugin {",
                "  static final FunctionSignature<String> GREET = FunctionSignature.scalar(\"greet\", DataType.STRING, DataType.STRING);",
                "  public PluginDescriptor descriptor() { return PluginDescriptor.of(\"greet\", \"1.0.0\", \"greets\"); }",
                "  public List<ScalarFunctionContribution> scalarFunctions() {",
                "    return List.of(new ScalarFunctionContribution(GREET, GreetPlugin.class, \"greet\", \"a greeting\"));",
                "  }",
                "  public static String greet(String name) { return name == null ? null : \"hello \" + name; }",
                "}",
                "");
        Path sources = Files.createDirectories(work.resolve("greet-src/example/greet"));
        Path file = Files.writeString(sources.resolve("GreetPlugin.java"), source);
        Path classes = Files.createDirectories(work.resolve("greet-classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "--release", "17", file.toString());
        assertThat(status).as("javac of the greet plugin").isZero();

        Path directory = Files.createDirectories(work.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(directory.resolve("greet.jar")));
                Stream<Path> walk = Files.walk(classes)) {
            for (Path each : walk.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(each).toString().replace('\\', '/')));
                Files.copy(each, jar);
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/io.codeanatomy.spi.Plugin"));
            jar.write("example.greet.GreetPlugin\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return directory;
    }
}
