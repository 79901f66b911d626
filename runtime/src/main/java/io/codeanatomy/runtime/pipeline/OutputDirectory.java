package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A CodeAnatomy output directory. A marker file, {@value #MARKER}, says the directory is ours; a
 * directory with other files and no marker is never written to. A run writes its tables below
 * {@code .staging/<run-id>/} and {@link #publish publishes} them by renaming whole table trees into
 * place, so a failed run leaves the previous outputs untouched and no half-written table visible.
 * The marker is locked for the whole run: two builds cannot write one directory at once.
 */
public final class OutputDirectory implements AutoCloseable {
    /** Name of the marker file. */
    public static final String MARKER = ".codeanatomy";
    private static final String STAGING = ".staging";
    private static final String TRASH = ".trash";
    private static final String MARKER_TEXT = "CodeAnatomy output directory. Its tables are rewritten by 'codeanatomy build'.\n";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private OutputDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Checks that {@code path} may be written without touching anything that is not ours, without
     * writing anything.
     *
     * @throws InvalidInputException naming the path otherwise
     */
    public static void check(Path path) {
        requireNonNull(path, "path is null");
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new InvalidInputException("cannot create output directory " + path + ": " + parent + " is a file.");
            }
            return;
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException("output path " + path + " is a file, not a directory; give a directory with --out.");
        }
        if (!Files.isWritable(path)) {
            throw new InvalidInputException("output directory " + path + " is not writable.");
        }
        if (!isOurs(path) && !isEmpty(path)) {
            throw new InvalidInputException("output directory " + path + " already holds files that codeanatomy did not write (it has no "
                    + MARKER + " file); choose an empty or new directory.");
        }
    }

    /** Whether {@code path} is a directory with our marker. */
    public static boolean isOurs(Path path) {
        return Files.isRegularFile(path.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Checks, creates the directory and marker if needed, locks it, and removes what crashed runs
     * left in the staging area.
     */
    public static OutputDirectory open(Path path) {
        check(path);
        try {
            Files.createDirectories(path);
            Path marker = path.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, MARKER_TEXT, StandardCharsets.UTF_8);
            }
            FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Another build in this JVM holds it.
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new InvalidInputException("another codeanatomy build is writing to " + path + "; wait for it to finish.");
            }
            OutputDirectory directory = new OutputDirectory(path, channel, lock);
            deleteTree(path.resolve(STAGING));
            deleteTree(path.resolve(TRASH));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output directory " + path, e);
        }
    }

    public Path root() {
        return root;
    }

    /** A fresh, empty staging directory for one run. */
    public Path staging(String runId) {
        Path staging = root.resolve(STAGING).resolve(runId);
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staging, e);
        }
        return staging;
    }

    /** The directory of a run's records, {@code runs/<run-id>}. */
    public Path runDirectory(String runId) {
        Path run = root.resolve("runs").resolve(runId);
        try {
            Files.createDirectories(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + run, e);
        }
        return run;
    }

    /**
     * Moves {@code trees} (top-level directories such as {@code extract} and {@code cpg}) from the
     * staging directory into place, replacing the previous ones. Each tree is one rename on the same
     * file system; the replaced trees are deleted afterwards.
     */
    public void publish(Path staging, List<String> trees) {
        Path trash = root.resolve(TRASH).resolve(staging.getFileName().toString());
        try {
            Files.createDirectories(trash);
            for (String tree : trees) {
                Path live = root.resolve(tree);
                if (Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(live, trash.resolve(tree), StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(staging.resolve(tree), live, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(root.resolve(TRASH));
            deleteTree(root.resolve(STAGING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the outputs of " + staging, e);
        }
    }

    /** Deletes a run's staging area (after a failure); the lock means no other run is using it. */
    public void discard(Path staging) {
        try {
            deleteTree(staging);
            deleteTree(root.resolve(STAGING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + staging, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + root, e);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new InvalidInputException("output directory " + directory + " cannot be listed: " + e.getMessage() + ".");
        }
    }

    static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
