package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CodeAnatomy output directory. A marker file, {@value #MARKER}, says the directory is ours; a
 * directory with other files and no marker is never written to.
 *
 * <p>Tables live in place ({@code extract/<table>}, {@code cpg/<table>}) and every build commits a
 * new version of each; a build becomes visible when its {@link BuildManifests manifest} commits.
 * An open directory holds the {@link OutputLock} until it is closed, so one process writes at a
 * time. Opening it also clears what a killed writer left: temporary manifests, run records of
 * builds that never committed (those of a build that committed are moved into place), and the
 * staging and trash trees of older versions of this program (a tree that a kill left in the trash
 * is moved back first).
 *
 * <p>A run's records are written to {@code runs/.<run-id>.pending/} and renamed to
 * {@code runs/<run-id>/} when the run ends, so no empty or half-written run directory is left.
 */
public final class OutputDirectory implements AutoCloseable {
    /** Name of the marker file. */
    public static final String MARKER = ".codeanatomy";
    /** Directory of the run records. */
    public static final String RUNS = "runs";
    private static final String STAGING = ".staging";
    private static final String TRASH = ".trash";
    private static final String PENDING = ".pending";
    private static final String MARKER_TEXT = "CodeAnatomy output directory. Its tables are rewritten by 'codeanatomy build'.\n";

    private final Path root;
    private final OutputLock lock;

    private OutputDirectory(Path root, OutputLock lock) {
        this.root = root;
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
     * Checks, creates the directory, marker and manifest directory if needed, locks it for
     * {@code purpose} (named to a second writer), and clears what killed writers left.
     *
     * @throws InvalidInputException if the path is unusable or another process holds the lock
     */
    public static OutputDirectory open(Path path, String purpose) {
        check(path);
        try {
            Files.createDirectories(path);
            Path marker = path.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, MARKER_TEXT, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output directory " + path, e);
        }
        OutputLock lock = OutputLock.acquire(path, purpose);
        try {
            // From here on readers go through manifests: a first build that dies is not half visible.
            Files.createDirectories(path.resolve(BuildManifests.DIRECTORY));
            OutputDirectory directory = new OutputDirectory(path, lock);
            directory.recover();
            return directory;
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot prepare output directory " + path, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Opens {@code path} for a build. */
    public static OutputDirectory open(Path path) {
        return open(path, "build");
    }

    public Path root() {
        return root;
    }

    /** The line of a holder that died holding the lock before this one took it. */
    public Optional<String> staleHolder() {
        return lock.staleHolder();
    }

    /** A fresh, empty scratch directory for one run whose tables are thrown away (a plan-only run). */
    public Path staging(String runId) {
        Path staging = root.resolve(STAGING).resolve(runId);
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staging, e);
        }
        return staging;
    }

    /**
     * Where a run spills what does not fit its memory budget: {@code .staging/<run-id>/spill},
     * created by whatever spills first; {@link #discard} removes it, and so does the next open
     * after a kill.
     */
    public Path spill(String runId) {
        return root.resolve(STAGING).resolve(runId).resolve("spill");
    }

    /** The directory a run writes its records to until {@link #finishRun}: {@code runs/.<run-id>.pending}. */
    public Path pendingRun(String runId) {
        Path run = root.resolve(RUNS).resolve("." + runId + PENDING);
        try {
            Files.createDirectories(run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + run, e);
        }
        return run;
    }

    /** Where a run's records end up: {@code runs/<run-id>}. */
    public Path runDirectory(String runId) {
        return root.resolve(RUNS).resolve(runId);
    }

    /** Renames the run's pending records to {@code runs/<run-id>}; returns that directory. */
    public Path finishRun(String runId) {
        Path run = runDirectory(runId);
        try {
            Files.move(pendingRun(runId), run, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the records of run " + runId + " into " + run, e);
        }
        return run;
    }

    /** Deletes a run's scratch directory; the lock means no other run is using it. */
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
        lock.close();
    }

    private void recover() throws IOException {
        BuildManifests.removeTemporaries(root);
        restoreTrash();
        deleteTree(root.resolve(STAGING));
        deleteTree(root.resolve(TRASH));
        Path runs = root.resolve(RUNS);
        if (!Files.isDirectory(runs)) {
            return;
        }
        Set<String> committed = new HashSet<>();
        try {
            BuildManifests.list(root).forEach(manifest -> committed.add(manifest.runId()));
        } catch (DamagedOutputException e) {
            // Readers report the damaged manifest; pending records then count as uncommitted.
        }
        for (Path run : children(runs)) {
            String name = run.getFileName().toString();
            if (name.startsWith(".") && name.endsWith(PENDING)) {
                String runId = name.substring(1, name.length() - PENDING.length());
                if (committed.contains(runId) && !Files.exists(runs.resolve(runId))) {
                    // Killed between its manifest and its records' rename: the build happened.
                    Files.move(run, runs.resolve(runId), StandardCopyOption.ATOMIC_MOVE);
                } else {
                    deleteTree(run);
                }
            } else if (Files.isDirectory(run) && children(run).isEmpty()) {
                // Left by a killed build of an older version of this program.
                Files.delete(run);
            }
        }
    }

    /**
     * Older versions of this program published by moving the live tree to {@code .trash/<run>/}
     * and the new one in; a kill between the two left the output without the tree. Put it back.
     */
    private void restoreTrash() throws IOException {
        Path trash = root.resolve(TRASH);
        if (!Files.isDirectory(trash)) {
            return;
        }
        for (Path run : children(trash)) {
            for (Path tree : children(run)) {
                Path live = root.resolve(tree.getFileName().toString());
                if (!Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(tree, live, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }

    private static List<Path> children(Path directory) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(children::add);
        }
        children.sort(null);
        return children;
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
