package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.EnvironmentProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The size of a source tree in Python files and their bytes, measured before a run opens its
 * session so the environment profile can follow it. A quick walk, not the extractor's selection:
 * the profile needs the order of magnitude, and the same tree always gives the same figures.
 *
 * @param files regular files ending in {@code .py}
 * @param bytes their total size
 */
public record InputSize(long files, long bytes) {
    public InputSize {
        if (files < 0 || bytes < 0) {
            throw new IllegalArgumentException("an input size cannot be negative");
        }
    }

    public static InputSize of(Path source) {
        requireNonNull(source, "source is null");
        long[] totals = new long[2];
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".py")) {
                        totals[0]++;
                        totals[1] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Unreadable entries are the extractor's to report; they do not change the class.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + source, e);
        }
        return new InputSize(totals[0], totals[1]);
    }

    /** The profile for this size: {@link EnvironmentProfile#forInput}. */
    public EnvironmentProfile profile() {
        return EnvironmentProfile.forInput(files, bytes);
    }
}
