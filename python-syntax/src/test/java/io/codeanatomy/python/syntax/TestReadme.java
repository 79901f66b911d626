package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage example of the module's README compiles against this module and prints what the README
 * says it prints, for both inputs the README shows: the example cannot fall behind the API.
 */
class TestReadme {
    private static final Pattern BLOCK = Pattern.compile("```(java|text)\n(.*?)```", Pattern.DOTALL);

    @Test
    void theUsageExampleCompilesAndPrintsWhatTheReadmeShows(@TempDir Path dir) throws Exception {
        List<String> java = new ArrayList<>();
        List<String> text = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(Path.of("README.md"), UTF_8));
        while (m.find()) {
            (m.group(1).equals("java") ? java : text).add(m.group(2));
        }
        assertThat(java).hasSize(1);
        assertThat(text).hasSize(2);

        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path file = dir.resolve("DumpAst.java");
        Files.writeString(file, java.get(0), UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, null, diagnostics, "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), file.toString());
        assertThat(status).as(diagnostics.toString(UTF_8)).isZero();

        assertThat(run(classes, write(dir, "example.py", "x = 1 + 2\n"))).isEqualTo(text.get(0));
        assertThat(run(classes, write(dir, "py2.py", "print 'hello'\n"))).isEqualTo(text.get(1));
    }

    private static Path write(Path dir, String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source, UTF_8);
    }

    /** Runs the example's main on {@code file} and returns what it printed. */
    private static String run(Path classes, Path file) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, TestReadme.class.getClassLoader())) {
            Method main = loader.loadClass("DumpAst").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, UTF_8));
            main.invoke(null, (Object) new String[] {file.toString()});
        } finally {
            System.setOut(original);
        }
        return out.toString(UTF_8);
    }
}
