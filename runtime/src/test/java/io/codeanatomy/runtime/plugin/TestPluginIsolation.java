package io.codeanatomy.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.spi.Plugin;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins from a directory, each in its own loader, built here from source with the JDK's compiler. */
class TestPluginIsolation {
    @TempDir
    Path work;

    /** One version of a library both plugins bundle, under the same class name. */
    private static String library(String version) {
        return "package shaded.lib; public final class Banner { public static String version() { return \"" + version + "\"; } }";
    }

    /** A plugin whose description tells which copy of the library it sees. */
    private static String plugin(String pkg, String id) {
        return "package " + pkg + ";\n"
                + "public final class EntryPlugin implements io.codeanatomy.spi.Plugin {\n"
                + "  public io.codeanatomy.spi.PluginDescriptor descriptor() {\n"
                + "    return io.codeanatomy.spi.PluginDescriptor.of(\"" + id + "\", \"1.0.0\", \"library \" + shaded.lib.Banner.version());\n"
                + "  }\n"
                + "}\n";
    }

    @Test
    void twoPluginsBundlingDifferentVersionsOfOneLibraryBothWork() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        pluginFolder(plugins.resolve("first"), "first", "1.0");
        pluginFolder(plugins.resolve("second"), "second", "2.0");

        try (PluginDirectory directory = PluginDirectory.load(plugins, getClass().getClassLoader())) {
            List<Plugin> ordered = PluginDiscovery.order(directory.plugins());

            assertThat(ordered).extracting(p -> p.descriptor().id() + " " + p.descriptor().description())
                    .containsExactly("first library 1.0", "second library 2.0");
            // The spi is shared: both plugins implement the host's Plugin interface.
            assertThat(ordered).allSatisfy(p -> assertThat(p).isInstanceOf(Plugin.class));
            assertThat(ordered.get(0).getClass().getClassLoader()).isNotSameAs(ordered.get(1).getClass().getClassLoader());
            assertThat(ordered.get(0).getClass().getClassLoader().getName()).isEqualTo("plugin first");
        }
    }

    @Test
    void aContractClassLoadedTwiceIsNamedWithBothLoaders() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        String contract = "package shared.api; public interface Greeter { String greet(); }";
        Path contractClasses = compile(work.resolve("contract-src"), Map.of("shared/api/Greeter.java", contract), List.of());
        // The declaring plugin ships the contract; the contributor wrongly bundles a copy of it.
        Path declaring = Files.createDirectories(plugins.resolve("declaring"));
        jar(contractClasses, declaring.resolve("greeter-api.jar"), Map.of());
        String declaringSource = "package example.declaring;\n"
                + "public final class EntryPlugin implements io.codeanatomy.spi.Plugin {\n"
                + "  public static final io.codeanatomy.spi.extension.ExtensionPoint<shared.api.Greeter> GREETERS =\n"
                + "      io.codeanatomy.spi.extension.ExtensionPoint.many(\"declaring:greeters\", shared.api.Greeter.class, \"greeters\");\n"
                + "  public io.codeanatomy.spi.PluginDescriptor descriptor() {\n"
                + "    return io.codeanatomy.spi.PluginDescriptor.of(\"declaring\", \"1.0.0\", \"declares a point\");\n"
                + "  }\n"
                + "  public java.util.List<io.codeanatomy.spi.extension.ExtensionPoint<?>> extensionPoints() { return java.util.List.of(GREETERS); }\n"
                + "}\n";
        Path declaringClasses = compile(work.resolve("declaring-src"), Map.of("example/declaring/EntryPlugin.java", declaringSource),
                List.of(contractClasses));
        jar(declaringClasses, declaring.resolve("declaring.jar"),
                Map.of("META-INF/services/io.codeanatomy.spi.Plugin", "example.declaring.EntryPlugin\n"));
        Path contributing = Files.createDirectories(plugins.resolve("contributing"));
        jar(contractClasses, contributing.resolve("greeter-api-copy.jar"), Map.of());
        String contributingSource = "package example.contributing;\n"
                + "public final class EntryPlugin implements io.codeanatomy.spi.Plugin {\n"
                + "  public io.codeanatomy.spi.PluginDescriptor descriptor() {\n"
                + "    return io.codeanatomy.spi.PluginDescriptor.of(\"contributing\", \"1.0.0\", \"extends it\")\n"
                + "        .withDependencies(io.codeanatomy.spi.PluginDependency.requires(\"declaring\", \"1.0\"));\n"
                + "  }\n"
                + "  public java.util.List<io.codeanatomy.spi.extension.Extension<?>> extensions() {\n"
                + "    shared.api.Greeter hello = () -> \"hello\";\n"
                + "    return java.util.List.of(new io.codeanatomy.spi.extension.Extension<>(\"declaring:greeters\", \"hello\", 0, hello));\n"
                + "  }\n"
                + "}\n";
        Path contributingClasses = compile(work.resolve("contributing-src"), Map.of("example/contributing/EntryPlugin.java", contributingSource),
                List.of(contractClasses));
        jar(contributingClasses, contributing.resolve("contributing.jar"),
                Map.of("META-INF/services/io.codeanatomy.spi.Plugin", "example.contributing.EntryPlugin\n"));

        try (PluginDirectory directory = PluginDirectory.load(plugins, getClass().getClassLoader())) {
            assertThatThrownBy(() -> PluginCatalog.of(PluginDiscovery.order(directory.plugins())))
                    .isInstanceOf(PluginException.class)
                    .hasMessage("contribution 'contributing:hello' implements shared.api.Greeter as loaded by loader 'plugin contributing', "
                            + "but the extension point 'declaring:greeters' expects the one loaded by loader 'plugin declaring'; "
                            + "the plugin bundles its own copy of that class: remove it from the plugin's jars.");
        }
        // Without the copy the contributor sees the contract through its dependency's loader.
        Files.delete(contributing.resolve("greeter-api-copy.jar"));
        try (PluginDirectory directory = PluginDirectory.load(plugins, getClass().getClassLoader())) {
            PluginCatalog catalog = PluginCatalog.of(PluginDiscovery.order(directory.plugins()));

            assertThat(catalog.contributionsTo("declaring:greeters")).extracting(Contribution::id).containsExactly("contributing:hello");
        }
    }

    @Test
    void closedPluginLoadersCanBeCollected() throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        pluginFolder(plugins.resolve("only"), "only", "1.0");
        ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();
        WeakReference<ClassLoader> loader = loadAndClose(plugins, collected);

        // The collector enqueues the reference once the loader is unreachable: wait for that event.
        Reference<? extends ClassLoader> enqueued = null;
        for (int i = 0; i < 50 && enqueued == null; i++) {
            System.gc();
            enqueued = collected.remove(100);
        }
        assertThat(enqueued).as("the plugin's loader after close").isSameAs(loader);
        assertThat(loader.get()).isNull();
    }

    private WeakReference<ClassLoader> loadAndClose(Path plugins, ReferenceQueue<ClassLoader> queue) {
        try (PluginDirectory directory = PluginDirectory.load(plugins, getClass().getClassLoader())) {
            return new WeakReference<>(directory.plugins().get(0).getClass().getClassLoader(), queue);
        }
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path missing = work.resolve("nowhere");

        assertThatThrownBy(() -> PluginDirectory.load(missing, getClass().getClassLoader()))
                .isInstanceOf(PluginException.class)
                .hasMessage("the plugin directory " + missing + " does not exist or is not a directory; pass a directory of plugin jars.");
    }

    /** A folder with the plugin's jar and its own copy of the library at {@code libraryVersion}. */
    private void pluginFolder(Path folder, String id, String libraryVersion) throws IOException {
        Files.createDirectories(folder);
        Path librarySources = work.resolve(id + "-lib-src");
        Path libraryClasses = compile(librarySources, Map.of("shaded/lib/Banner.java", library(libraryVersion)), List.of());
        jar(libraryClasses, folder.resolve("banner-" + libraryVersion + ".jar"), Map.of());
        String pkg = "example." + id;
        Path pluginClasses = compile(work.resolve(id + "-src"), Map.of(pkg.replace('.', '/') + "/EntryPlugin.java", plugin(pkg, id)),
                List.of(libraryClasses));
        jar(pluginClasses, folder.resolve(id + ".jar"), Map.of("META-INF/services/io.codeanatomy.spi.Plugin", pkg + ".EntryPlugin\n"));
    }

    private Path compile(Path sources, Map<String, String> files, List<Path> extraClassPath) throws IOException {
        List<String> arguments = new ArrayList<>();
        Path classes = Files.createDirectories(sources.resolveSibling(sources.getFileName() + "-classes"));
        StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
        extraClassPath.forEach(p -> classPath.append(java.io.File.pathSeparator).append(p));
        arguments.addAll(List.of("-d", classes.toString(), "-classpath", classPath.toString(), "--release", "17"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path source = sources.resolve(file.getKey());
            Files.createDirectories(source.getParent());
            Files.writeString(source, file.getValue());
            arguments.add(source.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        assertThat(status).as("javac of " + files.keySet()).isZero();
        return classes;
    }

    private static void jar(Path classes, Path jar, Map<String, String> resources) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                out.putNextEntry(new JarEntry(resource.getKey()));
                OutputStream entry = out;
                entry.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
