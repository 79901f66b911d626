package io.codeanatomy.testkit.callgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixtures reach Python as a directory whether the testkit is classes on disk or a jar (as in another module's build). */
class TestFixtureMaterialization {
    @TempDir
    Path temp;

    @Test
    void fixturesInAJarAreCopiedOutAsADirectoryTree() throws IOException {
        Path jar = temp.resolve("testkit.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Directory entries as the jar plugin writes them: without them no directory is a resource.
            for (String directory : new String[] {"callgraph/", "callgraph/fixtures/", "callgraph/fixtures/direct/",
                    "callgraph/fixtures/direct/pkg/", "callgraph/fixtures/flow/"}) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            entry(out, "callgraph/fixtures/direct/main.py", "print(1)\n");
            entry(out, "callgraph/fixtures/direct/pkg/__init__.py", "");
            entry(out, "callgraph/fixtures/flow/main.py", "x = 1\n");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            URL url = loader.getResource("callgraph/fixtures");

            Path root = CallGraphTruth.materialize(url);

            assertThat(url.getProtocol()).isEqualTo("jar");
            assertThat(root.resolve("direct/main.py")).hasContent("print(1)");
            assertThat(root.resolve("direct/pkg/__init__.py")).isRegularFile();
            assertThat(root.resolve("flow/main.py")).hasContent("x = 1");
            assertThat(CallGraphTruth.materialize(url)).isNotEqualTo(root).exists();
        }
    }

    @Test
    void fixturesOnDiskAreUsedWhereTheyAre() throws IOException {
        Path fixtures = Files.createDirectories(temp.resolve("callgraph/fixtures/direct"));

        assertThat(CallGraphTruth.materialize(fixtures.getParent().toUri().toURL()))
                .isEqualTo(fixtures.getParent());
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
