package io.codeanatomy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example plugin under {@code examples/pytest-plugin}, as its own pom builds it: the module
 * {@code examples} runs that build (maven-invoker-plugin, against this reactor's api, spi and
 * plugin testkit) before this module's tests, which the pom's dependency on it ensures. The jar is
 * the plugin exactly as an outside author ships it.
 */
final class ExamplePluginJar {
    /** Where the examples module's build leaves the jar; the pom passes it in, the default is for an IDE run. */
    static final Path JAR = Path.of(System.getProperty("codeanatomy.examplePluginJar",
            "../examples/target/it/pytest-plugin/target/codeanatomy-pytest-plugin-0.1.0.jar"));

    private ExamplePluginJar() {
    }

    /** A plugins directory below {@code work} holding the example's jar. */
    static Path pluginsDirectory(Path work) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("The example plugin's jar " + JAR.toAbsolutePath().normalize()
                    + " is missing: build the examples module first (mvn -pl cli -am verify builds it).");
        }
        try {
            Path plugins = Files.createDirectories(work.resolve("plugins"));
            Files.copy(JAR, plugins.resolve("example-pytest.jar"));
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
