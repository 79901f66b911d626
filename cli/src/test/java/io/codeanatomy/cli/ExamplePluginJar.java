package io.codeanatomy.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The example plugin under {@code examples/pytest-plugin}, compiled from its sources with the JDK's
 * compiler against this build's api and spi (and the libraries they expose), and packed as a plugin
 * jar in a plugins directory: the plugin exactly as an outside author ships it.
 */
final class ExamplePluginJar {
    static final Path SOURCES = Path.of("..", "examples", "pytest-plugin", "src", "main");
    /** Where below the work directory the compiled classes go. */
    static final String CLASSES = "example-classes";

    private ExamplePluginJar() {
    }

    /** A plugins directory below {@code work} holding the example's jar. */
    static Path pluginsDirectory(Path work) {
        try {
            Path classes = Files.createDirectories(work.resolve(CLASSES));
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-classpath", apiAndSpi()));
            try (Stream<Path> sources = Files.walk(SOURCES.resolve("java"))) {
                sources.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> arguments.add(p.toString()));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("the example plugin does not compile against api and spi alone");
            }
            Path plugins = Files.createDirectories(work.resolve("plugins"));
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("example-pytest.jar")))) {
                for (Path root : List.of(classes, SOURCES.resolve("resources"))) {
                    try (Stream<Path> files = Files.walk(root)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            jar.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                            Files.copy(file, jar);
                            jar.closeEntry();
                        }
                    }
                }
            }
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test class path without CodeAnatomy's other modules: only api, spi and third-party
     * libraries, so that a dependency on the runtime or a plugin would fail to compile.
     */
    private static String apiAndSpi() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace('\\', '/');
            boolean ours = normalized.contains("/codeanatomy-") || normalized.matches(".*/(runtime|cli|plugins/[^/]+|testkit|plugin-testkit|python-syntax|api|spi)/target/.*");
            boolean apiOrSpi = normalized.matches(".*/(api|spi)/target/.*") || normalized.matches(".*/codeanatomy-(api|spi)-[^/]*\\.jar");
            if (!ours || apiOrSpi) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }
}
