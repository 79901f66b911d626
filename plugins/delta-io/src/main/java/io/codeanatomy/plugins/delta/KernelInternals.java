package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.write.TableChanges;
import io.delta.kernel.CommitRange;
import io.delta.kernel.CommitRangeBuilder.CommitBoundary;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
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
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.ScanImpl;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.RemoveFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * builder too. The {@code add} and {@code remove} actions of a range of commits are read through the
 * public {@code CommitRange}, whose action set is an internal enum. Reading a scan file needs two internal helpers that Kernel's own user guide uses. The
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

    /** The path of a scan-file row's data file as the log names it (relative to the table). */
    static String loggedPath(Row scanFile) {
        return new AddFile(scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL)).getPath();
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

    /**
     * What the commits after version {@code from} up to {@code to} of the table at {@code tablePath}
     * added and removed, from their {@code add} and {@code remove} actions. Kernel writes a
     * {@code remove} without statistics, so a removed file's rows are those its {@code add} recorded:
     * read from the snapshot at {@code from} (its scan files with statistics, an internal scan call)
     * or from an earlier commit of the range. Empty when a file's rows are recorded nowhere.
     */
    static Optional<TableChanges> changes(Engine engine, String tablePath, long from, long to) {
        requireNonNull(engine, "engine is null");
        requireNonNull(tablePath, "tablePath is null");
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("The changes of " + tablePath + " need 0 <= from <= to, got from " + from + " to " + to + ".");
        }
        if (from == to) {
            return Optional.of(TableChanges.NONE);
        }
        Map<String, Long> rows = new HashMap<>();
        Snapshot before = TableManager.loadSnapshot(tablePath).atVersion(from).build(engine);
        try (CloseableIterator<FilteredColumnarBatch> batches = ((ScanImpl) before.getScanBuilder().build()).getScanFiles(engine, true)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> scanFiles = batches.next().getRows()) {
                    while (scanFiles.hasNext()) {
                        AddFile add = new AddFile(scanFiles.next().getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
                        add.getNumRecords().ifPresent(records -> rows.put(add.getPath(), records));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the data files of " + tablePath + " at version " + from, e);
        }
        CommitRange range = TableManager.loadCommitRange(tablePath, CommitBoundary.atVersion(from + 1))
                .withEndBoundary(CommitBoundary.atVersion(to)).build(engine);
        long filesAdded = 0;
        long filesRemoved = 0;
        long rowsAdded = 0;
        long rowsRemoved = 0;
        try (CloseableIterator<ColumnarBatch> batches = range.getActions(engine, Set.of(DeltaAction.ADD, DeltaAction.REMOVE))) {
            while (batches.hasNext()) {
                ColumnarBatch batch = batches.next();
                int addColumn = batch.getSchema().indexOf(DeltaAction.ADD.colName);
                int removeColumn = batch.getSchema().indexOf(DeltaAction.REMOVE.colName);
                try (CloseableIterator<Row> actions = batch.getRows()) {
                    while (actions.hasNext()) {
                        Row action = actions.next();
                        if (!action.isNullAt(addColumn)) {
                            AddFile add = new AddFile(action.getStruct(addColumn));
                            if (add.getNumRecords().isEmpty()) {
                                return Optional.empty();
                            }
                            rows.put(add.getPath(), add.getNumRecords().get());
                            filesAdded++;
                            rowsAdded += add.getNumRecords().get();
                        }
                        if (!action.isNullAt(removeColumn)) {
                            RemoveFile remove = new RemoveFile(action.getStruct(removeColumn));
                            Long records = remove.getNumRecords().orElse(rows.get(remove.getPath()));
                            if (records == null) {
                                return Optional.empty();
                            }
                            filesRemoved++;
                            rowsRemoved += records;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the log of " + tablePath, e);
        }
        return Optional.of(new TableChanges(to - from, filesAdded, filesRemoved, rowsAdded, rowsRemoved));
    }
}
