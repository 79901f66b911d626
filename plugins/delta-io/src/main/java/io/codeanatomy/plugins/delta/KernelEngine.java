package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.engine.hadoopio.HadoopFileIO;
import io.delta.kernel.engine.MetricsReporter;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Delta Kernel engine of this plugin: Kernel's default engine over a Hadoop file system.
 *
 * <p>Data files are written by {@link ColumnarParquetWriter}, which encodes Arrow buffers column by
 * column with parquet-mr's column API, in several files at once for a large write; Kernel's own
 * row-at-a-time writer stays available ({@value #WRITER}={@value #KERNEL_WRITER}, also taken from
 * the system property of that name by {@link #create()}) to compare the two.
 *
 * <p>Defaults: Parquet files compressed with ZSTD at level 1, without dictionary encoding. Dictionaries cost
 * a hash lookup per value and a fallback re-encode once a column's dictionary page fills up, which
 * the unique ids of extraction tables always do; ZSTD finds the repeats a dictionary would, so the
 * files are as small without it (measured on the CPython standard library: 73.2 MB without, 73.9
 * MB with) and written in about two thirds of the time. Local paths go through
 * {@link NioLocalFileSystem}, which forks no processes. Kernel's logging metrics reporter is left out:
 * it serialises a JSON report at INFO for every scan and commit, which is noise in a CLI run. The
 * engine can tell a writer which files it created (see {@link #recordOutputs}).
 */
public final class KernelEngine extends DefaultEngine {
    /** Hadoop key of the Parquet compression codec. */
    public static final String PARQUET_COMPRESSION = "parquet.compression";
    /** Hadoop key of the Parquet row-group size in bytes. */
    public static final String PARQUET_ROW_GROUP_SIZE = "parquet.block.size";
    /** Hadoop key of the size in bytes at which Kernel's writer starts a new data file. */
    public static final String TARGET_FILE_SIZE = "delta.kernel.default.parquet.writer.targetMaxFileSize";
    /** Hadoop key that switches Parquet dictionary encoding on or off for every column. */
    public static final String PARQUET_DICTIONARY = "parquet.enable.dictionary";
    /** Hadoop key of the ZSTD level; read by the columnar writer only (Kernel's writer always uses parquet-mr's 3). */
    public static final String ZSTD_LEVEL = "parquet.compression.codec.zstd.level";
    /** Hadoop key of the target size in bytes of a data page before compression (columnar writer). */
    public static final String PARQUET_PAGE_SIZE = "parquet.page.size";
    /** Which writer encodes data files: {@value #COLUMNAR_WRITER} (default) or {@value #KERNEL_WRITER}. */
    public static final String WRITER = "codeanatomy.delta.writer";
    /** {@link #WRITER} value: Arrow buffers encoded column by column. */
    public static final String COLUMNAR_WRITER = "columnar";
    /** {@link #WRITER} value: Kernel's default Parquet writer, one row and one value at a time. */
    public static final String KERNEL_WRITER = "kernel";
    /** Which reader decodes the data files of a scan without a filter: {@value #COLUMNAR_READER} (default) or {@value #KERNEL_READER}. */
    public static final String READER = "codeanatomy.delta.reader";
    /** {@link #READER} value: column by column into arrays ({@link ColumnarParquetReader}). */
    public static final String COLUMNAR_READER = "columnar";
    /** {@link #READER} value: Kernel's default Parquet reader, record by record. */
    public static final String KERNEL_READER = "kernel";
    /** Arrow input bytes after which the columnar writer closes a data file and starts the next. */
    public static final String FILE_ARROW_BYTES = "codeanatomy.delta.writer.fileArrowBytes";
    /** Data files of one write that the columnar writer encodes at once. */
    public static final String PARALLEL_FILES = "codeanatomy.delta.writer.parallelFiles";
    /**
     * Hadoop key of parquet-mr's vectored reads, off by default: they read a row group's column
     * chunks through an {@code AsynchronousFileChannel} whose completions run on a JDK thread
     * pool, and a full heap in one of those threads lost the completion, so the reading thread (a
     * table's writer carrying a rebuild's unchanged rows) waited for ever and the build never
     * ended. Read on the calling thread, the same error ends the read, and the build reports it.
     */
    public static final String PARQUET_VECTORED_IO = "parquet.hadoop.vectored.io.enabled";

    private static final long MIB = 1L << 20;
    private static final Map<String, String> DEFAULTS = Map.of(PARQUET_COMPRESSION, "ZSTD", PARQUET_DICTIONARY, "false",
            ZSTD_LEVEL, "1", WRITER, COLUMNAR_WRITER, READER, COLUMNAR_READER, PARQUET_VECTORED_IO, "false",
            "fs.file.impl", NioLocalFileSystem.class.getName(),
            "fs.AbstractFileSystem.file.impl", NioLocalFileSystemForFileContext.class.getName());

    /**
     * Threads of the columnar writer, shared by every engine. Unbounded, so that a file waiting for
     * its batches never keeps another write's file from starting; the number of files a write
     * encodes at once is bounded by the writer itself. Idle threads end after a minute.
     */
    private static final ExecutorService WRITER_THREADS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "delta-parquet-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private final RecordingFileIO fileIO;
    private final ColumnarParquetWriter columnarWriter;
    private final Configuration columnarReads;
    private final Configuration readConfiguration;

    /** The Hadoop configuration both readers open data files with. */
    Configuration readConfiguration() {
        return readConfiguration;
    }

    private KernelEngine(RecordingFileIO fileIO, ColumnarParquetWriter columnarWriter, Configuration columnarReads,
            Configuration readConfiguration) {
        super(fileIO);
        this.fileIO = fileIO;
        this.columnarWriter = columnarWriter;
        this.columnarReads = columnarReads;
        this.readConfiguration = readConfiguration;
    }

    /**
     * An engine with the default settings; the system property {@value #WRITER}, when set, picks
     * the data file writer.
     */
    public static KernelEngine create() {
        Map<String, String> properties = new TreeMap<>();
        for (String key : List.of(WRITER, READER)) {
            String value = System.getProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        return create(properties);
    }

    /** An engine whose Hadoop configuration is the defaults overridden by {@code properties}. */
    public static KernelEngine create(Map<String, String> properties) {
        requireNonNull(properties, "properties is null");
        Map<String, String> settings = new TreeMap<>(DEFAULTS);
        settings.putAll(properties);
        Configuration configuration = new Configuration();
        configuration.setClassLoader(KernelEngine.class.getClassLoader());
        settings.forEach(configuration::set);
        RecordingFileIO fileIO = new RecordingFileIO(new HadoopFileIO(configuration));
        ColumnarParquetWriter columnar = switch (settings.get(WRITER)) {
            case COLUMNAR_WRITER -> new ColumnarParquetWriter(fileIO, configuration, writeSettings(configuration), WRITER_THREADS);
            case KERNEL_WRITER -> null;
            default -> throw new DeltaIoException("Unknown Delta data file writer '" + settings.get(WRITER) + "' in "
                    + WRITER + "; use " + COLUMNAR_WRITER + " or " + KERNEL_WRITER + ".");
        };
        Configuration columnarReads = switch (settings.get(READER)) {
            case COLUMNAR_READER -> configuration;
            case KERNEL_READER -> null;
            default -> throw new DeltaIoException("Unknown Delta data file reader '" + settings.get(READER) + "' in "
                    + READER + "; use " + COLUMNAR_READER + " or " + KERNEL_READER + ".");
        };
        return new KernelEngine(fileIO, columnar, columnarReads, configuration);
    }

    /**
     * The row group is 64 MiB of encoded pages (parquet-mr's default is 128): a file being written
     * holds one row group in memory, and several files are written at once. A file closes after 128
     * MiB of Arrow input, which made 20-47 MB files of the standard library's CPG tables: small
     * enough that a large table is several files written in parallel, large enough that reading it
     * stays a few files. Two files at once on two cores, at most four.
     */
    private static ParquetWriteSettings writeSettings(Configuration configuration) {
        return new ParquetWriteSettings(
                CompressionCodecName.fromConf(configuration.get(PARQUET_COMPRESSION)),
                configuration.getLong(PARQUET_ROW_GROUP_SIZE, 64 * MIB),
                configuration.getInt(PARQUET_PAGE_SIZE, (int) MIB),
                configuration.getBoolean(PARQUET_DICTIONARY, false),
                configuration.getLong(FILE_ARROW_BYTES, 128 * MIB),
                configuration.getInt(PARALLEL_FILES, Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()))));
    }

    /**
     * Writes {@code data} as Parquet data files under {@code directory} with the configured writer
     * and returns their statuses, statistics included, for {@code Transaction.generateAppendActions}.
     */
    CloseableIterator<DataFileStatus> writeDataFiles(String directory, CloseableIterator<FilteredColumnarBatch> data,
            List<Column> statsColumns) throws IOException {
        if (columnarWriter != null) {
            return columnarWriter.write(directory, data, statsColumns);
        }
        return getParquetHandler().writeParquetFiles(directory, data, statsColumns);
    }

    /**
     * The batches of the data file {@code file} with the columns of {@code physicalSchema}, read
     * column by column ({@link ColumnarParquetReader}); null when the columnar reader is off or
     * cannot read them, and Kernel's reader should. {@code filter} prunes row groups as Kernel's does;
     * {@code tally} counts those read and skipped.
     */
    CloseableIterator<ColumnarBatch> readColumnar(FileStatus file, StructType physicalSchema, Optional<Predicate> filter, ScanTally tally)
            throws IOException {
        if (columnarReads == null || !ColumnarParquetReader.supports(physicalSchema)) {
            return null;
        }
        return ColumnarParquetReader.open(columnarReads, file.getPath(), file.getSize(), physicalSchema, filter, tally);
    }

    @Override
    public List<MetricsReporter> getMetricsReporters() {
        return List.of();
    }

    /**
     * Runs {@code action}, adding to {@code outputs} the path of every file the current thread
     * opens for writing through this engine, whether or not the action completes.
     */
    void recordOutputs(List<String> outputs, RecordingFileIO.IoAction action) throws IOException {
        fileIO.record(outputs, action);
    }
}
