package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads one snapshot of a Delta table through Delta Kernel.
 *
 * <p>The snapshot is fixed when the reader is opened, so every scan of one reader sees the same
 * version. A filter prunes data files by their statistics (Kernel data skipping) and Parquet row
 * groups by theirs; it never removes rows inside what remains, which is the caller's job.
 */
public final class DeltaTableReader {
    private final Engine engine;
    private final String tablePath;
    private long dataFileCount = -1;
    private final Snapshot snapshot;
    /** The data files the reader reads, as the log names them; empty for every live file. */
    private final Optional<Set<String>> only;

    private DeltaTableReader(Engine engine, String tablePath, Snapshot snapshot, Optional<Set<String>> only) {
        this.engine = engine;
        this.tablePath = tablePath;
        this.snapshot = snapshot;
        this.only = only;
    }

    /** Opens the latest version of the table at {@code location}. */
    public static DeltaTableReader open(Engine engine, Path location) {
        return open(engine, location, OptionalLong.empty());
    }

    /** Opens version {@code version} of the table at {@code location}. */
    public static DeltaTableReader open(Engine engine, Path location, long version) {
        return open(engine, location, OptionalLong.of(version));
    }

    /**
     * Opens version {@code version} of the table at {@code location} reading only the data files
     * {@code files} (as the log names them): some groups of a table a grouped write wrote.
     *
     * @throws DeltaIoException when a file of {@code files} is not live at that version
     */
    public static DeltaTableReader open(Engine engine, Path location, long version, Set<String> files) {
        DeltaTableReader whole = open(engine, location, OptionalLong.of(version));
        Set<String> live = KernelInternals.liveFiles(engine, whole.snapshot).keySet();
        for (String file : new TreeSet<>(files)) {
            if (!live.contains(file)) {
                throw new DeltaIoException("Cannot read the data file " + file + " of the Delta table at " + whole.tablePath + " at version "
                        + version + ": it is not live there; rebuild the output from scratch.");
            }
        }
        return new DeltaTableReader(engine, whole.tablePath, whole.snapshot, Optional.of(Set.copyOf(files)));
    }

    private static DeltaTableReader open(Engine engine, Path location, OptionalLong version) {
        requireNonNull(engine, "engine is null");
        String tablePath = DeltaTableWriter.tablePath(location);
        if (!Files.isDirectory(location)) {
            throw new DeltaIoException("Cannot open the Delta table at " + tablePath
                    + ": the directory does not exist; pass the directory of a Delta table.");
        }
        try {
            SnapshotBuilder builder = TableManager.loadSnapshot(tablePath);
            if (version.isPresent()) {
                builder = builder.atVersion(version.getAsLong());
            }
            return new DeltaTableReader(engine, tablePath, builder.build(engine), Optional.empty());
        } catch (TableNotFoundException e) {
            throw new DeltaIoException(tablePath + " is not a Delta table (it has no _delta_log directory);"
                    + " pass the directory of a Delta table.", e);
        } catch (KernelException e) {
            throw new DeltaIoException("Cannot open the Delta table at " + tablePath + ": " + e.getMessage(), e);
        }
    }

    /** True if {@code location} is a directory holding a Delta log. */
    public static boolean isDeltaTable(Path location) {
        return Files.isDirectory(location.resolve("_delta_log"));
    }

    public String tablePath() {
        return tablePath;
    }

    public long version() {
        return snapshot.getVersion();
    }

    /** The table's schema at this snapshot. */
    public StructType schema() {
        return snapshot.getSchema();
    }

    /** The table's schema as Arrow. */
    public Schema arrowSchema() {
        return ArrowSchemas.toArrow(snapshot.getSchema());
    }

    /** SHA-256 of the canonical schema JSON; see {@link SchemaFingerprint}. */
    public String schemaFingerprint() {
        return SchemaFingerprint.sha256(snapshot.getSchema());
    }

    /** The number of data files of the snapshot, listed once. */
    synchronized long dataFileCount() {
        if (dataFileCount < 0) {
            dataFileCount = dataFiles(Optional.empty()).size();
        }
        return dataFileCount;
    }

    /** Paths of the data files a scan with {@code filter} reads, after data skipping, in scan order. */
    public List<String> dataFiles(Optional<Predicate> filter) {
        Scan scan = scanBuilder(filter).build();
        List<String> paths = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> scanFiles = batches.next().getRows()) {
                    while (scanFiles.hasNext()) {
                        Row scanFile = scanFiles.next();
                        if (reads(KernelInternals.loggedPath(scanFile))) {
                            paths.add(KernelInternals.dataFile(scanFile).getPath());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the data files of " + tablePath, e);
        }
        return paths;
    }

    /**
     * Rows of the table holding the columns at {@code columns} (indexes into {@link #schema()}, in
     * output order; repeats allowed, empty for rows without values). The caller closes the
     * iterator. Values are in Calcite's Java representation (see {@code KernelValues}).
     */
    public CloseableIterator<Object[]> rows(int[] columns, Optional<Predicate> filter) {
        return rows(columns, filter, new ScanTally());
    }

    /** As {@link #rows(int[], Optional)}, counting the files and row groups the scan reads and skips in {@code tally}. */
    CloseableIterator<Object[]> rows(int[] columns, Optional<Predicate> filter, ScanTally tally) {
        requireNonNull(columns, "columns is null");
        StructType schema = snapshot.getSchema();
        int[] read = Arrays.stream(columns).sorted().distinct().toArray();
        for (int column : read) {
            if (column < 0 || column >= schema.length()) {
                throw new IndexOutOfBoundsException("Column " + column + " of a table with " + schema.length());
            }
        }
        if (read.length == 0) {
            // Kernel needs at least one column to count rows by; the first is read and dropped.
            read = new int[] {0};
        }
        List<StructField> fields = new ArrayList<>(read.length);
        for (int column : read) {
            fields.add(schema.at(column));
        }
        StructType readSchema = new StructType(fields);
        int[] outputToRead = new int[columns.length];
        for (int j = 0; j < columns.length; j++) {
            outputToRead[j] = Arrays.binarySearch(read, columns[j]);
        }
        Scan scan = scanBuilder(filter).withReadSchema(readSchema).build();
        return new DeltaRowIterator(engine, tablePath, scan, readSchema, outputToRead, filter, tally, this::dataFileCount, this::reads);
    }

    /** Whether this reader reads the data file the log names {@code loggedPath}. */
    private boolean reads(String loggedPath) {
        return only.isEmpty() || only.get().contains(loggedPath);
    }

    private ScanBuilder scanBuilder(Optional<Predicate> filter) {
        requireNonNull(filter, "filter is null");
        ScanBuilder builder = snapshot.getScanBuilder();
        return filter.isPresent() ? builder.withFilter(filter.get()) : builder;
    }
}
