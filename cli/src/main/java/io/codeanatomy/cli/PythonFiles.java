package io.codeanatomy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Lists the {@code .py} files below a directory in a deterministic (sorted) order. */
final class PythonFiles {
    private PythonFiles() {
    }

    static List<Path> under(Path dir, List<String> excludeGlobs) {
        List<PathMatcher> excludes = excludeGlobs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".py"))
                    .filter(Files::isRegularFile)
                    .filter(p -> excludes.stream().noneMatch(m -> m.matches(dir.relativize(p))))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
