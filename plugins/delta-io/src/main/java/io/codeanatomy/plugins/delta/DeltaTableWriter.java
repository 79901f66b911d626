package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return write(transaction, target, schema, batches, KernelInternals.removeAllFiles(engine, snapshot));
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
            return new Target(path, kernelSchema, Optional.of(TableManager.loadSnapshot(path).build(engine)));
        } catch (TableNotFoundException e) {
            return new Target(path, kernelSchema, Optional.empty());
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
        return new DeltaCommit(tablePath, result.getVersion(), source.rows(), actions.size() - removes.size(), removes.size());
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
