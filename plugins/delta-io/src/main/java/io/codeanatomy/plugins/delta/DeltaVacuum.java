package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.write.VacuumResult;
import io.delta.kernel.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Deletes the data files of a Delta table that no kept version references.
 *
 * <p>The live set is computed from Kernel snapshots (public API): the data files of every kept
 * version and of the latest version. Everything else below the table directory that is a Parquet
 * file is garbage: files a later commit removed, and files of a write that died before its commit
 * (Kernel names data files itself; a killed writer's files are referenced by no log entry). Temporary
 * commit files a killed commit left in {@code _delta_log} ({@code .<version>.json.<uuid>.tmp}) go
 * too; log entries and checkpoints never do. If any kept version cannot be opened nothing is
 * deleted, so a damaged log never widens what counts as garbage.
 */
final class DeltaVacuum {
    private static final String LOG = "_delta_log";

    private DeltaVacuum() {}

    static VacuumResult vacuum(Engine engine, Path location, SortedSet<Long> keep) {
        requireNonNull(engine, "engine is null");
        requireNonNull(keep, "keep is null");
        Path table = location.toAbsolutePath().normalize();
        if (!DeltaTableReader.isDeltaTable(table)) {
            return VacuumResult.NONE;
        }
        DeltaTableReader latest = DeltaTableReader.open(engine, table);
        SortedSet<Long> versions = new TreeSet<>(keep);
        versions.add(latest.version());
        Set<Path> live = new HashSet<>();
        for (long version : versions) {
            if (version > latest.version()) {
                continue;
            }
            DeltaTableReader reader = version == latest.version() ? latest : DeltaTableReader.open(engine, table, version);
            for (String file : reader.dataFiles(Optional.empty())) {
                live.add(localPath(file));
            }
        }
        List<Path> garbage = new ArrayList<>();
        try (Stream<Path> files = Files.walk(table)) {
            files.filter(Files::isRegularFile).filter(file -> isGarbage(table, file, live)).sorted().forEach(garbage::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the files of the Delta table at " + table, e);
        }
        VacuumResult result = VacuumResult.NONE;
        for (Path file : garbage) {
            try {
                long size = Files.size(file);
                Files.delete(file);
                result = result.plus(new VacuumResult(1, size));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + file + " while vacuuming the Delta table at " + table, e);
            }
        }
        return result;
    }

    private static boolean isGarbage(Path table, Path file, Set<Path> live) {
        Path relative = table.relativize(file);
        String name = file.getFileName().toString();
        if (relative.getNameCount() > 0 && relative.getName(0).toString().equals(LOG)) {
            return relative.getNameCount() == 2 && name.startsWith(".") && name.endsWith(".tmp");
        }
        return name.endsWith(".parquet") && !live.contains(file);
    }

    /** A data file path as Kernel reports it ({@code file:/...} or a plain path) as a local path. */
    private static Path localPath(String file) {
        return (file.startsWith("file:") ? Path.of(URI.create(file)) : Path.of(file)).toAbsolutePath().normalize();
    }
}
