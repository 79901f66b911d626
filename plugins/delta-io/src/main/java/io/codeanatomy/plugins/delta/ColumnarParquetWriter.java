package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.arrow.ArrowContracts;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.schema.MessageType;

/**
 * Kernel's {@code ParquetHandler.writeParquetFiles}, columnar: Arrow batches in, Parquet data files
 * and their {@link DataFileStatus} out, for {@code Transaction.generateAppendActions}.
 *
 * <p>The rows are cut into files in input order: a file takes whole batches until their Arrow size
 * reaches {@link ParquetWriteSettings#fileArrowBytes}, so where files end depends on the input only.
 * Up to {@link ParquetWriteSettings#parallelFiles} files are encoded at once, each on its own thread
 * fed through a short queue of batch copies (the caller may refill its batch as soon as the next one
 * is asked for); the statuses come back in file order. Data files are named as Kernel names them,
 * a random UUID and a sequence number, and opened on the calling thread so that the engine records
 * them for the write's clean-up. Statistics are Kernel's: each file's footer, read back by Kernel's
 * own statistics reader for the columns the transaction asks for, as Kernel's writer does.
 *
 * <p>If anything fails, every file still being written is abandoned and its thread awaited before
 * the failure is thrown, so nothing writes into a file after the caller deletes it.
 */
final class ColumnarParquetWriter {
    private static final long POLL_MILLIS = 50;
    private static final int QUEUED_BATCHES = 2;
    private static final Object END = new Object();

    private final FileIO fileIO;
    private final Configuration configuration;
    private final ParquetWriteSettings settings;
    private final ExecutorService threads;

    ColumnarParquetWriter(FileIO fileIO, Configuration configuration, ParquetWriteSettings settings, ExecutorService threads) {
        this.fileIO = requireNonNull(fileIO, "fileIO is null");
        this.configuration = requireNonNull(configuration, "configuration is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.threads = requireNonNull(threads, "threads is null");
    }

    /** Writes {@code data} into new files under {@code directory}; returns their statuses in row order. */
    CloseableIterator<DataFileStatus> write(String directory, CloseableIterator<FilteredColumnarBatch> data,
            List<Column> statsColumns) {
        requireNonNull(directory, "directory is null");
        requireNonNull(data, "data is null");
        List<Column> stats = List.copyOf(requireNonNull(statsColumns, "statsColumns is null"));
        List<FileJob> jobs = new ArrayList<>();
        try (data) {
            FileJob current = null;
            long currentBytes = 0;
            while (data.hasNext()) {
                FilteredColumnarBatch batch = data.next();
                VectorSchemaRoot root = arrowRoot(batch);
                if (root.getRowCount() == 0) {
                    continue;
                }
                if (current == null) {
                    awaitSlot(jobs);
                    current = start(directory, jobs.size(), root, batch.getData().getSchema(), stats);
                    jobs.add(current);
                }
                currentBytes += arrowBytes(root);
                current.put(takeOver(root));
                if (currentBytes >= settings.fileArrowBytes()) {
                    current.finish();
                    current = null;
                    currentBytes = 0;
                }
            }
            if (current != null) {
                current.finish();
            }
            List<DataFileStatus> files = new ArrayList<>(jobs.size());
            for (FileJob job : jobs) {
                files.add(job.await());
            }
            return DeltaTableWriter.closeable(files.iterator());
        } catch (IOException e) {
            abandon(jobs);
            throw new UncheckedIOException("Writing data files under " + directory + " failed", e);
        } catch (RuntimeException | Error e) {
            abandon(jobs);
            throw e;
        }
    }

    private static VectorSchemaRoot arrowRoot(FilteredColumnarBatch batch) {
        ColumnarBatch data = batch.getData();
        if (!(data instanceof ArrowColumnarBatch arrow) || batch.getSelectionVector().isPresent()) {
            throw new IllegalStateException("The columnar Parquet writer takes the Arrow batches of this plugin as they are;"
                    + " Kernel handed it " + data.getClass().getSimpleName()
                    + (batch.getSelectionVector().isPresent() ? " with a selection vector" : "")
                    + " (a partitioned table?). Write it with Kernel's writer ("
                    + KernelEngine.WRITER + "=" + KernelEngine.KERNEL_WRITER + ").");
        }
        return arrow.root();
    }

    /** Waits until fewer than {@code parallelFiles} of the write's files are still being encoded. */
    private void awaitSlot(List<FileJob> jobs) throws IOException {
        for (FileJob job : jobs) {
            if (jobs.stream().filter(FileJob::running).count() < settings.parallelFiles()) {
                return;
            }
            job.await();
        }
    }

    private FileJob start(String directory, int sequence, VectorSchemaRoot root, StructType schema, List<Column> stats) {
        String name = String.format("%s-%03d.parquet", UUID.randomUUID(), sequence);
        String path = directory.endsWith("/") ? directory + name : directory + "/" + name;
        // Opened here, on the writing thread, so that the engine records the file for clean-up.
        OutputFile output = fileIO.newOutputFile(path);
        FileJob job = new FileJob(output, root.getSchema(), schema, stats);
        // A FutureTask, not a CompletableFuture: when the heap is full, CompletableFuture's failure path
        // allocates, fails again and leaves the future never completed, and the write waiting for it
        // hung; FutureTask records a failure without allocating.
        job.result = threads.submit(job::run);
        return job;
    }

    /**
     * The rows of {@code root} in a new root that takes its buffers over, without copying or
     * allocating: the caller's root is left empty, so the caller may refill it as soon as it is
     * handed over, and the write holds no second copy of a batch within the memory budget. (A copy
     * per buffer cost memory the budget had to hold twice: with a small budget the writers waited
     * for room to copy while the queues they drain held it; Arrow's {@code VectorSchemaRootAppender}
     * before that copied value by value, 3.6% of the extract phase's CPU samples.)
     */
    private static VectorSchemaRoot takeOver(VectorSchemaRoot root) {
        List<FieldVector> vectors = root.getFieldVectors();
        VectorSchemaRoot taken = VectorSchemaRoot.create(root.getSchema(), vectors.get(0).getAllocator());
        for (int i = 0; i < vectors.size(); i++) {
            vectors.get(i).makeTransferPair(taken.getVector(i)).transfer();
        }
        taken.setRowCount(root.getRowCount());
        root.setRowCount(0);
        return taken;
    }

    /**
     * The columns of {@code stats} whose top-level field keeps statistics: a file written without
     * statistics of a column ({@link ArrowContracts#STATISTICS}) has none for the Delta log either.
     */
    private static List<Column> withStatistics(List<Column> stats, Schema arrowSchema) {
        Set<String> without = new HashSet<>();
        for (Field field : arrowSchema.getFields()) {
            if (!ArrowContracts.keepsStatistics(field)) {
                without.add(field.getName());
            }
        }
        return without.isEmpty() ? stats : stats.stream().filter(column -> !without.contains(column.getNames()[0])).toList();
    }

    private static long arrowBytes(VectorSchemaRoot root) {
        long bytes = 0;
        for (FieldVector vector : root.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    private static void abandon(List<FileJob> jobs) {
        for (FileJob job : jobs) {
            job.abandon();
        }
        for (FileJob job : jobs) {
            job.awaitQuietly();
        }
    }

    /** One data file: its batches arrive through a queue and are encoded on a thread of its own. */
    private final class FileJob {
        private final OutputFile output;
        private final Schema arrowSchema;
        private final StructType schema;
        private final List<Column> stats;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private volatile boolean abandoned;
        private Future<DataFileStatus> result;

        FileJob(OutputFile output, Schema arrowSchema, StructType schema, List<Column> stats) {
            this.output = output;
            this.arrowSchema = arrowSchema;
            this.schema = schema;
            this.stats = withStatistics(stats, arrowSchema);
        }

        boolean running() {
            return !result.isDone();
        }

        void put(VectorSchemaRoot batch) throws IOException {
            try {
                offer(batch);
            } catch (IOException | RuntimeException e) {
                batch.close();
                throw e;
            }
        }

        void finish() throws IOException {
            offer(END);
        }

        private void offer(Object item) throws IOException {
            try {
                while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (result.isDone()) {
                        await();
                        throw new IllegalStateException("The writer of " + output.path() + " stopped before its input ended");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing " + output.path(), e);
            }
        }

        /** Encodes the queued batches into the file; runs on the job's thread. */
        DataFileStatus run() {
            MessageType parquetSchema = ParquetSchemas.toParquet(schema);
            ArrowParquetFile file = null;
            try {
                file = new ArrowParquetFile(new ParquetOutputFile(output), arrowSchema, parquetSchema, settings, configuration);
                while (true) {
                    Object item = queue.take();
                    if (item == END) {
                        break;
                    }
                    try (VectorSchemaRoot batch = (VectorSchemaRoot) item) {
                        if (abandoned) {
                            throw new IllegalStateException("Writing " + output.path() + " was abandoned");
                        }
                        file.write(batch);
                    }
                }
                file.close();
                return status(file.rows());
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to write the Parquet file " + output.path(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing " + output.path(), e);
            } finally {
                if (file != null) {
                    file.abort();
                }
                drain();
            }
        }

        private DataFileStatus status(long rows) throws IOException {
            FileStatus written = fileIO.getFileStatus(output.path());
            String resolved = fileIO.resolvePath(output.path());
            DataFileStatistics statistics = stats.isEmpty()
                    ? new DataFileStatistics(rows, Map.of(), Map.of(), Map.of(), Optional.empty())
                    : KernelInternals.readStatistics(fileIO.newInputFile(resolved, written.getSize()), schema, stats);
            return new DataFileStatus(resolved, written.getSize(), written.getModificationTime(), Optional.of(statistics));
        }

        /** Frees batches left in the queue once this job stops taking them. */
        private void drain() {
            Object item;
            while ((item = queue.poll()) != null) {
                if (item instanceof VectorSchemaRoot batch) {
                    batch.close();
                }
            }
        }

        DataFileStatus await() throws IOException {
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing " + output.path(), e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("Writing " + output.path() + " failed", cause);
            }
        }

        /** Makes the job stop at its next batch; the end marker wakes it if it is waiting for one. */
        void abandon() {
            abandoned = true;
            if (!queue.offer(END)) {
                // The queue is full, so the job is not waiting; it fails on the next batch it takes.
                drain();
                queue.offer(END);
            }
        }

        void awaitQuietly() {
            try {
                result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | RuntimeException e) {
                // The write already failed; this job's own failure adds nothing.
            } finally {
                drain();
            }
        }
    }
}
