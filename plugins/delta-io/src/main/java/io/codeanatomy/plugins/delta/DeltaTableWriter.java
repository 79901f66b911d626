package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.write.GroupWrite;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.exceptions.CheckpointAlreadyExistsException;
import io.delta.kernel.exceptions.CommitStateUnknownException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes Arrow batches to a Delta table through Delta Kernel transactions.
 *
 * <p>Batches stream: the engine's data file writer (see {@link KernelEngine#writeDataFiles}) pulls
 * one batch at a time from the caller's iterator and rolls to a new file at its target size, so
 * memory holds a few batches plus the Parquet writer's buffers, never the whole input. Each write is
 * one commit: {@code transformLogicalData → getWriteContext → writeDataFiles → generateAppendActions →
 * commit}. Commits that are not blind appends do not retry (Kernel's conflict checking is only
 * complete for blind appends); a conflicting writer makes the write fail instead. Post-commit hooks
 * (checkpoints, checksums) run before a write returns. If a write fails before its commit, every
 * data file it created is deleted, including one a failure cut short.
 */
public final class DeltaTableWriter {
    static final String ENGINE_INFO = "CodeAnatomy-delta-io";

    private final KernelEngine engine;

    public DeltaTableWriter(KernelEngine engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    /** Creates a table at {@code location}; fails if a Delta table is already there. */
    public DeltaCommit create(Path location, Schema schema, Iterator<VectorSchemaRoot> batches) {
        Target target = target(location, schema);
        if (target.snapshot().isPresent()) {
            throw new DeltaIoException("Cannot create a Delta table at " + target.path()
                    + ": a table already exists there (version " + target.snapshot().get().getVersion()
                    + "); write with OVERWRITE or APPEND instead.");
        }
        return createTable(target, schema, batches);
    }

    /**
     * Replaces the rows of the table at {@code location} with {@code batches}, creating the table if
     * there is none. With the table's schema this removes every live file and adds the new ones in
     * one commit; with another schema the table is replaced: a new table id and schema at the same
     * location, its history kept.
     */
    public DeltaCommit overwrite(Path location, Schema schema, Iterator<VectorSchemaRoot> batches) {
        Target target = target(location, schema);
        if (target.snapshot().isEmpty()) {
            return createTable(target, schema, batches);
        }
        Snapshot snapshot = target.snapshot().get();
        if (!target.schemaMatches(snapshot)) {
            Transaction replace = KernelInternals.replaceTable(engine, snapshot, target.kernelSchema(), ENGINE_INFO);
            return write(replace, target, schema, batches, List.of());
        }
        Transaction transaction = snapshot.buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE)
                .withMaxRetries(0)
                .build(engine);
        return write(transaction, target, schema, batches, readingLog(target.path(), () -> KernelInternals.removeAllFiles(engine, snapshot)));
    }

    /**
     * Adds {@code batches} to the table at {@code location}, creating the table if there is none.
     * The schema must equal the table's; otherwise nothing is written.
     */
    public DeltaCommit append(Path location, Schema schema, Iterator<VectorSchemaRoot> batches) {
        Target target = target(location, schema);
        if (target.snapshot().isEmpty()) {
            return createTable(target, schema, batches);
        }
        Snapshot snapshot = target.snapshot().get();
        if (!target.schemaMatches(snapshot)) {
            throw new DeltaIoException("Cannot append to the Delta table at " + target.path() + ": "
                    + SchemaDifference.describe(snapshot.getSchema(), target.kernelSchema())
                    + "; write data with the table's schema, or OVERWRITE the table.");
        }
        Transaction transaction = snapshot.buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE).build(engine);
        return write(transaction, target, schema, batches, List.of());
    }

    /**
     * One commit replacing groups of data files ({@link io.codeanatomy.spi.write.Materializer#writeGroups}):
     * each group's files are written by a data file writer of their own, so no file holds rows of two
     * groups; the commit removes every live file ({@code replaceAll}) or the groups' replaced files,
     * which must all be live, and adds every group's new files.
     */
    public GroupedWriteResult writeGroups(Path location, Schema schema, boolean replaceAll, String keyColumn,
            Iterator<GroupWrite> groups) {
        requireNonNull(keyColumn, "keyColumn is null");
        requireNonNull(groups, "groups is null");
        Target target = target(location, schema);
        Transaction transaction;
        SortedMap<String, KernelInternals.LiveFile> live = new TreeMap<>();
        if (target.snapshot().isEmpty()) {
            transaction = TableManager.buildCreateTableTransaction(target.path(), target.kernelSchema(), ENGINE_INFO)
                    .withMaxRetries(0)
                    .build(engine);
        } else if (!target.schemaMatches(target.snapshot().get())) {
            if (!replaceAll) {
                throw new DeltaIoException("Cannot replace groups of files of the Delta table at " + target.path() + ": "
                        + SchemaDifference.describe(target.snapshot().get().getSchema(), target.kernelSchema())
                        + "; rewrite the whole table.");
            }
            transaction = KernelInternals.replaceTable(engine, target.snapshot().get(), target.kernelSchema(), ENGINE_INFO);
        } else {
            transaction = target.snapshot().get().buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE)
                    .withMaxRetries(0)
                    .build(engine);
            Snapshot snapshot = target.snapshot().get();
            live = readingLog(target.path(), () -> KernelInternals.liveFiles(engine, snapshot));
        }
        Row state = transaction.getTransactionState(engine);
        DataWriteContext context = Transaction.getWriteContext(engine, state, Map.of());
        List<Row> actions = new ArrayList<>();
        if (replaceAll) {
            live.values().forEach(file -> actions.add(file.remove()));
        }
        List<List<String>> groupFiles = new ArrayList<>();
        List<String> created = new ArrayList<>();
        long written = 0;
        long carried = 0;
        long dropped = 0;
        try (BufferAllocator allocator = new RootAllocator()) {
            while (groups.hasNext()) {
                GroupWrite group = groups.next();
                List<FileStatus> replaced = new ArrayList<>();
                for (String path : group.replacedFiles()) {
                    KernelInternals.LiveFile file = live.get(path);
                    if (file == null || replaceAll) {
                        throw new DeltaIoException("Cannot replace the data file " + path + " of the Delta table at " + target.path()
                                + ": it is not live in the table's latest version; rebuild the whole table.");
                    }
                    actions.add(file.remove());
                    replaced.add(file.file());
                }
                try (CarriedRows carry = new CarriedRows(engine, replaced, schema, keyColumn, group.droppedKeys(), group.carriesRows(),
                        allocator)) {
                    ArrowBatchSource source = new ArrowBatchSource(target.path(), schema, target.kernelSchema(),
                            concat(carry, group.batches()));
                    List<String> files = new ArrayList<>();
                    engine.recordOutputs(created, () -> {
                        try (CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(engine, state, source, Map.of());
                                CloseableIterator<DataFileStatus> statuses = engine.writeDataFiles(
                                        context.getTargetDirectory(), physical, context.getStatisticsColumns());
                                CloseableIterator<Row> adds = Transaction.generateAppendActions(engine, state, statuses, context)) {
                            while (adds.hasNext()) {
                                Row add = adds.next();
                                actions.add(add);
                                files.add(addedPath(add));
                            }
                        }
                    });
                    groupFiles.add(files);
                    carried += carry.carried();
                    dropped += carry.dropped();
                    written += source.rows() - carry.carried();
                }
            }
        } catch (IOException e) {
            deleteFiles(created);
            throw new UncheckedIOException("Writing data files to the Delta table at " + target.path() + " failed", e);
        } catch (RuntimeException | Error e) {
            deleteFiles(created);
            throw e;
        }
        long version = commit(transaction, target.path(), actions, created);
        return new GroupedWriteResult(version, written, carried, dropped, groupFiles);
    }

    /** The data file path of an {@code add} action row, as the log names it. */
    private static String addedPath(Row action) {
        Row add = action.getStruct(action.getSchema().indexOf("add"));
        return add.getString(add.getSchema().indexOf("path"));
    }

    private static Iterator<VectorSchemaRoot> concat(Iterator<VectorSchemaRoot> first, Iterator<VectorSchemaRoot> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public VectorSchemaRoot next() {
                return first.hasNext() ? first.next() : second.next();
            }
        };
    }

    /** Where a write goes: the table path, the data's Delta schema, and the table's latest snapshot if any. */
    private record Target(String path, StructType kernelSchema, Optional<Snapshot> snapshot) {
        boolean schemaMatches(Snapshot existing) {
            return SchemaFingerprint.canonicalJson(existing.getSchema()).equals(SchemaFingerprint.canonicalJson(kernelSchema));
        }
    }

    private Target target(Path location, Schema schema) {
        String path = tablePath(location);
        StructType kernelSchema = ArrowSchemas.toKernel(requireNonNull(schema, "schema is null"));
        try {
            return new Target(path, kernelSchema, Optional.of(readingLog(path, () -> TableManager.loadSnapshot(path).build(engine))));
        } catch (TableNotFoundException e) {
            return new Target(path, kernelSchema, Optional.empty());
        }
    }

    /**
     * What {@code read} reads of the log of the table at {@code path}; a log that cannot be read
     * (a damaged or missing entry) fails the write in one sentence naming the table and the way on.
     */
    private static <T> T readingLog(String path, Supplier<T> read) {
        try {
            return read.get();
        } catch (TableNotFoundException | DeltaIoException e) {
            throw e;
        } catch (RuntimeException e) {
            String location = DeltaRowIterator.localPath(path);
            throw new DeltaIoException("cannot read the log of the Delta table " + Path.of(location).getFileName() + " at " + location
                    + " (" + DeltaRowIterator.reason(e) + "); every write reads a table's log, so this output cannot take another build: "
                    + "run 'codeanatomy check' on it, then build into a new output directory", e);
        }
    }

    private DeltaCommit createTable(Target target, Schema schema, Iterator<VectorSchemaRoot> batches) {
        Transaction transaction = TableManager.buildCreateTableTransaction(target.path(), target.kernelSchema(), ENGINE_INFO)
                .withMaxRetries(0)
                .build(engine);
        return write(transaction, target, schema, batches, List.of());
    }

    private DeltaCommit write(
            Transaction transaction, Target target, Schema arrowSchema, Iterator<VectorSchemaRoot> batches, List<Row> removes) {
        requireNonNull(batches, "batches is null");
        String tablePath = target.path();
        Row state = transaction.getTransactionState(engine);
        DataWriteContext context = Transaction.getWriteContext(engine, state, Map.of());
        ArrowBatchSource source = new ArrowBatchSource(tablePath, arrowSchema, target.kernelSchema(), batches);
        List<String> created = new ArrayList<>();
        List<Row> actions = new ArrayList<>(removes);
        try {
            engine.recordOutputs(created, () -> {
                try (CloseableIterator<FilteredColumnarBatch> physical =
                                Transaction.transformLogicalData(engine, state, source, Map.of());
                        CloseableIterator<DataFileStatus> files = engine.writeDataFiles(
                                context.getTargetDirectory(), physical, context.getStatisticsColumns());
                        CloseableIterator<Row> adds = Transaction.generateAppendActions(engine, state, files, context)) {
                    while (adds.hasNext()) {
                        actions.add(adds.next());
                    }
                }
            });
        } catch (IOException e) {
            deleteFiles(created);
            throw new UncheckedIOException("Writing data files to the Delta table at " + tablePath + " failed", e);
        } catch (RuntimeException e) {
            deleteFiles(created);
            throw e;
        }
        long version = commit(transaction, tablePath, actions, created);
        return new DeltaCommit(tablePath, version, source.rows(), actions.size() - removes.size(), removes.size());
    }

    /** Commits {@code actions} and runs the post-commit hooks; the new version. A failed commit deletes {@code created}. */
    private long commit(Transaction transaction, String tablePath, List<Row> actions, List<String> created) {
        TransactionCommitResult result;
        try {
            result = transaction.commit(engine, CloseableIterable.inMemoryIterable(closeable(actions.iterator())));
        } catch (CommitStateUnknownException e) {
            // The commit may have landed: the files may be referenced, so they stay.
            throw new IllegalStateException("The commit to the Delta table at " + tablePath
                    + " may or may not have succeeded; read the table to find out before writing again.", e);
        } catch (RuntimeException e) {
            deleteFiles(created);
            throw e;
        }
        runPostCommitHooks(tablePath, result);
        return result.getVersion();
    }

    private void runPostCommitHooks(String tablePath, TransactionCommitResult result) {
        for (PostCommitHook hook : result.getPostCommitHooks()) {
            try {
                hook.threadSafeInvoke(engine);
            } catch (CheckpointAlreadyExistsException e) {
                // Another writer checkpointed this version first; the table is as it should be.
            } catch (IOException e) {
                throw new UncheckedIOException("Committed version " + result.getVersion() + " of " + tablePath
                        + " but its " + hook.getType() + " post-commit step failed", e);
            }
        }
    }

    private void deleteFiles(List<String> paths) {
        for (String path : paths) {
            try {
                engine.getFileSystemClient().delete(path);
            } catch (IOException | RuntimeException e) {
                // Best effort: an uncommitted data file is invisible to every Delta reader.
            }
        }
    }

    static String tablePath(Path location) {
        requireNonNull(location, "location is null");
        return location.toAbsolutePath().normalize().toString();
    }

    /** {@code iterator} as Kernel's closeable iterator, with nothing to close. */
    static <T> CloseableIterator<T> closeable(Iterator<T> iterator) {
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public T next() {
                return iterator.next();
            }

            @Override
            public void close() {}
        };
    }
}
