package io.codeanatomy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One small build shared by the test classes of the shell, query, export and ask commands: built
 * once per test JVM (a build costs seconds), deleted when the JVM exits. Tests only read it.
 */
final class SmallOutput {
    static final Map<String, String> FILES = Map.of(
            "pkg/__init__.py", "",
            "pkg/base.py", "class Shape:\n    def area(self):\n        return 0\n",
            "pkg/circle.py", "from pkg.base import Shape\nimport math\n\n\nclass Circle(Shape):\n    def area(self):\n        return math.pi\n\n\n"
                    + "class Unit(Circle):\n    pass\n",
            "app.py", "import pkg.circle\n\n\ndef main():\n    return pkg.circle.Circle().area()\n",
            "broken.py", "def broken(:\n    pass\n");

    private static Path root;
    private static CliRun build;

    private SmallOutput() {
    }

    /** The output directory of the build of {@link #FILES}. */
    static synchronized Path out() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("codeanatomy-small");
                Path dir = root;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                build = CliRun.buildTree(root.resolve("src"), FILES, root.resolve("out"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (build.exitCode() != 0) {
                throw new IllegalStateException("the fixture build failed: " + build.err());
            }
        }
        return root.resolve("out");
    }

    /** Runs {@code command OUT args...} on this output. */
    static CliRun run(String command, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = command;
        all[1] = out().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    /** What the build printed. */
    static synchronized CliRun build() {
        out();
        return build;
    }

    static Path source() {
        out();
        return root.resolve("src");
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Only a temporary directory is left behind.
        }
    }
}
