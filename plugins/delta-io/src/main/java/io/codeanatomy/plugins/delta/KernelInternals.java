package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.internal.data.DefaultColumnarBatch;
import io.delta.kernel.defaults.internal.parquet.ParquetFilterUtils;
import io.delta.kernel.defaults.internal.parquet.ParquetStatsReader;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.schema.MessageType;

/**
 * Every use of Delta Kernel's internal classes ({@code io.delta.kernel.internal} and
 * {@code io.delta.kernel.defaults.internal}), in one place.
 *
 * <p>Kernel's public API (4.4) can only append: a commit accepts {@code remove} actions, but only
 * internal classes build them (delta-io/delta#3988), and replacing a table's schema is an internal
 * builder too. Reading a scan file needs two internal helpers that Kernel's own user guide uses. The
 * columnar Parquet writer takes a data file's statistics from Kernel's default-engine statistics
 * reader, so they are computed exactly as for a file Kernel wrote.
 * When Kernel moves any of these into its public API, this class is the only one to change; the
 * tests in {@code TestKernelInternals} pin what each method must do.
 */
final class KernelInternals {
    private KernelInternals() {}

    /**
     * One {@code remove} action (a Kernel single-action row, ready for {@link Transaction#commit})
     * for every data file live in {@code snapshot}, marked as a data change.
     */
    static List<Row> removeAllFiles(Engine engine, Snapshot snapshot) {
        return liveFiles(engine, snapshot).values().stream().map(LiveFile::remove).toList();
    }

    /** A data file live in a snapshot: its path as the log names it, its {@code remove} action, and where to read it. */
    record LiveFile(String path, Row remove, FileStatus file) {
    }

    /**
     * Every data file live in {@code snapshot}, by its path as the log names it, with the
     * {@code remove} action that would remove it (marked as a data change), sorted by path.
     */
    static SortedMap<String, LiveFile> liveFiles(Engine engine, Snapshot snapshot) {
        requireNonNull(engine, "engine is null");
        requireNonNull(snapshot, "snapshot is null");
        Scan scan = snapshot.getScanBuilder().build();
        SortedMap<String, LiveFile> live = new TreeMap<>();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> scanFiles = batches.next().getRows()) {
                    while (scanFiles.hasNext()) {
                        Row scanFile = scanFiles.next();
                        AddFile add = new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
                        live.put(add.getPath(), new LiveFile(add.getPath(),
                                SingleAction.createRemoveFileSingleAction(add.toRemoveFileRow(true, Optional.empty())),
                                InternalScanFileUtils.getAddFileStatus(scanFile)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the data files of " + snapshot.getPath(), e);
        }
        return live;
    }

    /**
     * A transaction that replaces the table of {@code snapshot} with an empty table of
     * {@code schema}: Kernel removes every live file itself and writes the new metadata. Replace
     * has no conflict resolution in Kernel, so it never retries.
     */
    static Transaction replaceTable(Engine engine, Snapshot snapshot, StructType schema, String engineInfo) {
        requireNonNull(snapshot, "snapshot is null");
        if (!(snapshot instanceof SnapshotImpl impl)) {
            throw new IllegalStateException("Kernel returned a snapshot of unexpected class "
                    + snapshot.getClass().getName() + "; replacing a table needs Kernel's SnapshotImpl");
        }
        return impl.buildReplaceTableTransaction(schema, engineInfo).withMaxRetries(0).build(engine);
    }

    /** The Parquet file of a scan-file row returned by {@link Scan#getScanFiles}. */
    static FileStatus dataFile(Row scanFile) {
        return InternalScanFileUtils.getAddFileStatus(scanFile);
    }

    /**
     * The Parquet filter Kernel's reader prunes a file's row groups with for {@code predicate}, if
     * it can express one; none when it cannot.
     */
    static Optional<FilterPredicate> parquetFilter(MessageType fileSchema, Predicate predicate) {
        try {
            return ParquetFilterUtils.toParquetFilter(fileSchema, predicate);
        } catch (RuntimeException e) {
            // Pruning is an optimisation: a predicate Kernel cannot convert prunes nothing.
            return Optional.empty();
        }
    }

    /** A Kernel batch of {@code vectors}, which Kernel's scan can add columns to and drop them from. */
    static ColumnarBatch batch(int size, StructType schema, ColumnVector[] vectors) {
        return new DefaultColumnarBatch(size, schema, vectors);
    }

    /**
     * The Delta statistics of a Parquet data file, read from its footer by Kernel's default engine,
     * exactly as Kernel's own Parquet writer computes them for the files it writes: row count, and
     * min, max and null count of each of {@code statsColumns} that Kernel keeps statistics for.
     */
    static DataFileStatistics readStatistics(InputFile file, StructType dataSchema, List<Column> statsColumns)
            throws IOException {
        return ParquetStatsReader.readDataFileStatistics(file, dataSchema, statsColumns);
    }

    /** The schema to read from each Parquet file of a scan, given the scan's state row. */
    static StructType physicalReadSchema(Row scanState) {
        return ScanStateRow.getPhysicalDataReadSchema(scanState);
    }
}
