package io.codeanatomy.plugins.python.run;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.modules.ModulePath;
import io.codeanatomy.plugins.python.tables.PyTables;
import io.codeanatomy.spi.extract.PreviousTables;
import io.codeanatomy.spi.extract.SourceChanges;
import io.codeanatomy.spi.source.SourceFile;
import io.codeanatomy.spi.source.SourceWorkers;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares the selected files with the files the previous build extracted, as its
 * {@code py_files_v1} recorded them: a file is unchanged when its bytes hash to the recorded
 * SHA-256 (a different size settles it without reading) and it is the same module; the language
 * version and the extractor's other settings are the runtime's to compare. Modification times are
 * not trusted: an edit within the clock's granularity keeps the time, and a checkout changes it
 * without changing a byte. Renamed: an added file whose hash a deleted file had.
 */
public final class SourceComparison {
    private static final List<String> COLUMNS = List.of("path", "raw_size", "sha256", "module_name", "is_package", "source_root");
    private static final String THREAD_PREFIX = "hash-python";

    /** What the previous build recorded of one file. */
    private record Recorded(long rawSize, String sha256, ModulePath module) {
    }

    private SourceComparison() {
    }

    /**
     * The changes from what {@code previous} recorded to {@code files}, each file the module
     * {@code modules} gives it; files are read and hashed on {@code workers} threads.
     */
    public static SourceChanges compare(List<SourceFile> files, Function<SourceFile, ModulePath> modules, PreviousTables previous,
            int workers) {
        requireNonNull(files, "files is null");
        requireNonNull(modules, "modules is null");
        requireNonNull(previous, "previous is null");
        SortedMap<String, Recorded> recorded = new TreeMap<>();
        for (Object[] row : previous.rows(PyTables.FILES.name(), COLUMNS)) {
            recorded.put((String) row[0], new Recorded(((Number) row[1]).longValue(), (String) row[2],
                    new ModulePath((String) row[3], (Boolean) row[4], (String) row[5])));
        }
        SortedMap<String, Long> selected = new TreeMap<>();
        List<SourceFile> toHash = new ArrayList<>();
        TreeSet<String> changed = new TreeSet<>();
        TreeSet<String> added = new TreeSet<>();
        for (SourceFile file : files) {
            long size = size(file);
            selected.put(file.path(), size);
            Recorded before = recorded.get(file.path());
            if (before == null) {
                added.add(file.path());
                toHash.add(file);
            } else if (before.sha256() == null || before.rawSize() != size || !before.module().equals(modules.apply(file))) {
                changed.add(file.path());
            } else {
                toHash.add(file);
            }
        }
        TreeSet<String> deleted = new TreeSet<>(recorded.keySet());
        deleted.removeAll(selected.keySet());
        // Added files are hashed only to find renames, so only when a deleted file had a hash.
        boolean renames = deleted.stream().anyMatch(path -> recorded.get(path).sha256() != null);
        List<SourceFile> hashed = toHash.stream().filter(f -> renames || recorded.containsKey(f.path())).toList();
        List<Optional<String>> hashes = SourceWorkers.map(hashed, workers, THREAD_PREFIX, SourceComparison::sha256);
        Map<String, Optional<String>> hashByPath = new TreeMap<>();
        for (int i = 0; i < hashed.size(); i++) {
            hashByPath.put(hashed.get(i).path(), hashes.get(i));
        }
        for (SourceFile file : toHash) {
            Recorded before = recorded.get(file.path());
            if (before != null && !Objects.equals(hashByPath.get(file.path()).orElse(null), before.sha256())) {
                changed.add(file.path());
            }
        }
        SortedMap<String, String> renamed = new TreeMap<>();
        if (renames) {
            for (String path : List.copyOf(added)) {
                String hash = hashByPath.get(path).orElse(null);
                Optional<String> from = deleted.stream().filter(old -> hash != null && hash.equals(recorded.get(old).sha256())).findFirst();
                if (from.isPresent()) {
                    renamed.put(path, from.get());
                    added.remove(path);
                    deleted.remove(from.get());
                }
            }
        }
        return new SourceChanges(selected, changed, added, deleted, renamed);
    }

    private static long size(SourceFile file) {
        if (file.size() >= 0 && !file.symlink()) {
            return file.size();
        }
        try {
            return Files.size(file.file());
        } catch (IOException e) {
            return -1;
        }
    }

    /** The SHA-256 of the file's bytes as {@code py_files_v1} records it; empty when it cannot be read. */
    private static Optional<String> sha256(SourceFile file) {
        try {
            byte[] bytes = Files.readAllBytes(file.file());
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
