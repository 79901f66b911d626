package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.write.Materializer;
import io.codeanatomy.spi.write.VacuumResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code codeanatomy vacuum} and {@code build --keep-builds}: deletes the data files that no kept
 * build reads.
 *
 * <p>Kept are the latest {@code keepBuilds} builds (all when absent), the latest build always, and,
 * as the retention guard, every build that was superseded less than {@code retention} ago, since a
 * reader that opened it then may still be reading it. The other builds expire: their manifests are
 * renamed first, so no reader can select them any more, and then every table drops the data files
 * that no kept version references. Files of writes that never committed (a killed build) are
 * referenced by no version and go too, whatever their age: the caller holds the output's lock, so
 * no writer can be writing them, and no reader can see them.
 */
public final class OutputVacuum {
    /** Builds superseded less than a day ago keep their files unless a shorter retention is given. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    private OutputVacuum() {}

    /** Vacuums the locked output {@code directory} through {@code materializer}. */
    public static VacuumReport vacuum(OutputDirectory directory, Materializer materializer, OptionalInt keepBuilds, Duration retention,
            Instant now) {
        requireNonNull(materializer, "materializer is null");
        requireNonNull(keepBuilds, "keepBuilds is null");
        requireNonNull(retention, "retention is null");
        Path out = directory.root();
        List<BuildManifest> builds = BuildManifests.list(out);
        List<BuildManifest> kept = new ArrayList<>();
        List<Long> expired = new ArrayList<>();
        for (int i = 0; i < builds.size(); i++) {
            boolean latest = i == builds.size() - 1;
            boolean counted = keepBuilds.isEmpty() || i >= builds.size() - keepBuilds.getAsInt();
            boolean recent = !latest && builds.get(i + 1).time().isAfter(now.minus(retention));
            if (latest || counted || recent) {
                kept.add(builds.get(i));
            } else {
                expired.add(builds.get(i).build());
            }
        }
        expired.forEach(build -> BuildManifests.expire(out, build));
        SortedMap<String, SortedSet<Long>> keep = new TreeMap<>();
        for (Path table : tables(out)) {
            keep.put(out.relativize(table).toString(), new TreeSet<>());
        }
        for (BuildManifest build : builds) {
            for (ManifestTable table : build.tables()) {
                SortedSet<Long> versions = keep.computeIfAbsent(table.path(), path -> new TreeSet<>());
                if (kept.contains(build)) {
                    versions.add(table.version());
                }
            }
        }
        VacuumResult deleted = VacuumResult.NONE;
        for (var table : keep.entrySet()) {
            Path location = out.resolve(table.getKey());
            if (Files.isDirectory(location)) {
                deleted = deleted.plus(materializer.vacuum(location, table.getValue()));
            }
        }
        return new VacuumReport(expired, kept.stream().map(BuildManifest::build).toList(), deleted.filesDeleted(), deleted.bytesDeleted());
    }

    /** Every directory one level below a top-level tree ({@code extract/x}, {@code cpg/y}), named by a manifest or not. */
    private static List<Path> tables(Path out) {
        List<Path> tables = new ArrayList<>();
        for (Path tree : children(out)) {
            String name = tree.getFileName().toString();
            if (!Files.isDirectory(tree) || name.startsWith(".") || name.equals(OutputDirectory.RUNS) || name.equals(BuildManifests.DIRECTORY)) {
                continue;
            }
            for (Path table : children(tree)) {
                if (Files.isDirectory(table)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static List<Path> children(Path directory) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        children.sort(null);
        return children;
    }
}
