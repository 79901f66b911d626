package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Scan;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Expression;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Rows of a Kernel scan, read lazily: one scan file at a time, one Parquet batch at a time.
 *
 * <p>Each output row holds, at position {@code j}, the value of read-schema column
 * {@code outputToRead[j]}. Rows deselected by Kernel (deletion vectors) are skipped. The filter
 * given to Kernel only prunes files and row groups; rows that survive are returned whether or not
 * they match it, but for its equalities of a string column to a text: a row whose bytes in such a
 * column differ from the text's is skipped before any of its values is decoded (the rows given are
 * then those of the data files read that meet those equalities; the scan's caller applies its
 * whole filter to them, as before). String columns are read from Parquet as binary and decoded by
 * {@link KernelValues}.
 *
 * <p>Whatever stops Kernel from reading the table's log or one of its data files (a truncated or
 * missing file, a damaged log entry) is rethrown as an {@link UncheckedIOException}, the SPI's
 * I/O failure, in one sentence naming the table and the file.
 */
final class DeltaRowIterator implements CloseableIterator<Object[]> {
    private final Engine engine;
    private final String tablePath;
    private final Row scanState;
    private final StructType physicalSchema;
    private final Optional<Predicate> filter;
    private final int[] outputToRead;
    private final KernelValues.Reader[] readers;
    /** The read columns of the filter's equalities of a string column to a text, the texts, and their UTF-8 bytes. */
    private final int[] equalColumns;
    private final String[] equalTexts;
    private final byte[][] equalValues;
    private final CloseableIterator<FilteredColumnarBatch> scanFileBatches;
    private final ScanTally tally;
    /** The table's data files, counted when first needed: what a filtered scan that read them all skipped is the rest. */
    private final LongSupplier tableFiles;
    private long filesRead;
    private boolean exhausted;
    private boolean counted;

    private CloseableIterator<Row> scanFiles;
    private CloseableIterator<FilteredColumnarBatch> data;
    private ColumnarBatch batch;
    private ColumnVector selection;
    private int cursor;
    private Object[] next;
    private String dataFile;
    /** Whether to read a data file, by its path as the log names it. */
    private final java.util.function.Predicate<String> reads;

    DeltaRowIterator(Engine engine, String tablePath, Scan scan, StructType readSchema, int[] outputToRead, Optional<Predicate> filter,
            ScanTally tally, LongSupplier tableFiles, java.util.function.Predicate<String> reads) {
        this.engine = requireNonNull(engine, "engine is null");
        this.tally = requireNonNull(tally, "tally is null");
        this.tableFiles = requireNonNull(tableFiles, "tableFiles is null");
        this.reads = requireNonNull(reads, "reads is null");
        this.tablePath = requireNonNull(tablePath, "tablePath is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.outputToRead = outputToRead.clone();
        this.scanState = scan.getScanState(engine);
        this.physicalSchema = KernelValues.binaryStrings(KernelInternals.physicalReadSchema(scanState));
        this.readers = new KernelValues.Reader[outputToRead.length];
        for (int j = 0; j < outputToRead.length; j++) {
            readers[j] = KernelValues.reader(readSchema.at(outputToRead[j]).getDataType());
        }
        List<Integer> columns = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        filter.ifPresent(predicate -> equalities(predicate, readSchema, columns, texts));
        this.equalColumns = columns.stream().mapToInt(Integer::intValue).toArray();
        this.equalTexts = texts.toArray(String[]::new);
        this.equalValues = texts.stream().map(text -> text.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.scanFileBatches = scan.getScanFiles(engine);
        tally.scan();
    }

    /**
     * Adds the equalities of a string column of {@code readSchema} to a text among the conjuncts of
     * {@code predicate} (the filter given to Kernel, each of whose conjuncts the scan's filter implies).
     */
    private static void equalities(Predicate predicate, StructType readSchema, List<Integer> columns, List<String> texts) {
        List<Expression> children = predicate.getChildren();
        if (predicate.getName().equalsIgnoreCase("AND")) {
            for (Expression child : children) {
                if (child instanceof Predicate conjunct) {
                    equalities(conjunct, readSchema, columns, texts);
                }
            }
            return;
        }
        if (!predicate.getName().equals("=") || children.size() != 2) {
            return;
        }
        Expression first = children.get(0);
        Expression second = children.get(1);
        Column column = first instanceof Column c ? c : second instanceof Column c ? c : null;
        Literal literal = first instanceof Literal l ? l : second instanceof Literal l ? l : null;
        if (column == null || literal == null || column.getNames().length != 1 || !(literal.getValue() instanceof String text)) {
            return;
        }
        int index = readSchema.indexOf(column.getNames()[0]);
        if (index >= 0 && readSchema.at(index).getDataType() instanceof StringType) {
            columns.add(index);
            texts.add(text);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object[] row = next;
        next = null;
        return row;
    }

    private Object[] advance() {
        try {
            while (true) {
                if (batch != null) {
                    while (cursor < batch.getSize()) {
                        int row = cursor++;
                        if ((selection == null || (!selection.isNullAt(row) && selection.getBoolean(row))) && meetsEqualities(row)) {
                            return project(row);
                        }
                    }
                    batch = null;
                }
                if (data != null && nextBatch()) {
                    continue;
                }
                closeData();
                if (nextScanFile()) {
                    continue;
                }
                closeScanFiles();
                if (!nextScanFiles()) {
                    exhausted = true;
                    count();
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data file's next batch, if it has one. */
    private boolean nextBatch() {
        try {
            if (!data.hasNext()) {
                return false;
            }
            FilteredColumnarBatch filtered = data.next();
            batch = filtered.getData();
            selection = filtered.getSelectionVector().orElse(null);
            cursor = 0;
            return true;
        } catch (RuntimeException e) {
            throw unreadable("the data file " + dataFile, e);
        }
    }

    /** Opens the next data file of the current batch of scan files, if there is one. */
    private boolean nextScanFile() throws IOException {
        if (scanFiles == null) {
            return false;
        }
        Row scanFile;
        try {
            do {
                if (!scanFiles.hasNext()) {
                    return false;
                }
                scanFile = scanFiles.next();
            } while (!reads.test(KernelInternals.loggedPath(scanFile)));
        } catch (RuntimeException e) {
            throw unreadable("the log", e);
        }
        FileStatus file = KernelInternals.dataFile(scanFile);
        dataFile = localPath(file.getPath()).replaceFirst("^" + Pattern.quote(tablePath + "/"), "");
        try {
            data = openData(scanFile, file);
        } catch (RuntimeException | IOException e) {
            throw unreadable("the data file " + dataFile, e);
        }
        filesRead++;
        return true;
    }

    /** Reads the next batch of scan files from the log, if there is one. */
    private boolean nextScanFiles() {
        try {
            if (!scanFileBatches.hasNext()) {
                return false;
            }
            scanFiles = scanFileBatches.next().getRows();
            return true;
        } catch (RuntimeException e) {
            throw unreadable("the log", e);
        }
    }

    /**
     * "cannot read the data file F of the Delta table NAME at PATH (EOFException)": the stored table
     * is damaged (or the file system refused), not the query.
     */
    private UncheckedIOException unreadable(String what, Exception failure) {
        String message = "cannot read " + what + " of the Delta table " + Path.of(tablePath).getFileName() + " at " + tablePath
                + " (" + reason(failure) + ")";
        return new UncheckedIOException(message, new IOException(message, failure));
    }

    /** Kernel names files by URI ({@code file:/...}); people and shells by path. */
    static String localPath(String uri) {
        try {
            return Path.of(URI.create(uri)).toString();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return uri;
        }
    }

    /** The innermost cause, which says what went wrong: Kernel's wrappers only say that something did. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof EOFException) {
            return "the file ends too early: it is truncated";
        }
        if (root instanceof FileNotFoundException || root instanceof NoSuchFileException) {
            return "the file does not exist";
        }
        String message = root.getMessage();
        String type = root.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message.lines().findFirst().orElse(message).strip();
    }

    /** Whether row {@code row} of the batch holds each equality's text in its column (a null never does). */
    private boolean meetsEqualities(int row) {
        for (int e = 0; e < equalColumns.length; e++) {
            ColumnVector vector = batch.getColumnVector(equalColumns[e]);
            if (vector.isNullAt(row)) {
                return false;
            }
            boolean equal = vector instanceof ArrayVectors.Binaries binaries ? binaries.equalsAt(row, equalValues[e])
                    : vector.getDataType() instanceof BinaryType ? Arrays.equals(vector.getBinary(row), equalValues[e])
                    : vector.getString(row).equals(equalTexts[e]);
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    private Object[] project(int row) {
        Object[] values = new Object[readers.length];
        for (int j = 0; j < readers.length; j++) {
            values[j] = readers[j].read(batch.getColumnVector(outputToRead[j]), row);
        }
        return values;
    }

    /**
     * The data file's batches as Kernel's scan gives them, read column by column where it can be
     * ({@link KernelEngine#readColumnar}), else by Kernel's reader.
     */
    private CloseableIterator<FilteredColumnarBatch> openData(Row scanFile, FileStatus file) throws IOException {
        CloseableIterator<ColumnarBatch> physical = engine instanceof KernelEngine kernel
                ? kernel.readColumnar(file, physicalSchema, filter, tally)
                : null;
        if (physical == null) {
            physical = engine.getParquetHandler().readParquetFiles(single(file), physicalSchema, filter).map(result -> result.getData());
        }
        return Scan.transformPhysicalData(engine, scanState, scanFile, physical);
    }

    private void closeData() throws IOException {
        if (data != null) {
            data.close();
            data = null;
        }
    }

    private void closeScanFiles() throws IOException {
        if (scanFiles != null) {
            scanFiles.close();
            scanFiles = null;
        }
    }

    /**
     * Adds this scan's files to the tally, once: those read, and, when a filtered scan listed every
     * file it would read, the table's other files as skipped.
     */
    private void count() {
        if (counted) {
            return;
        }
        counted = true;
        tally.files(filesRead, exhausted && filter.isPresent() ? Math.max(0, tableFiles.getAsLong() - filesRead) : 0);
    }

    @Override
    public void close() throws IOException {
        count();
        try {
            closeData();
            closeScanFiles();
        } finally {
            scanFileBatches.close();
        }
    }

    static CloseableIterator<FileStatus> single(FileStatus file) {
        return new CloseableIterator<>() {
            private boolean consumed;

            @Override
            public boolean hasNext() {
                return !consumed;
            }

            @Override
            public FileStatus next() {
                if (consumed) {
                    throw new NoSuchElementException();
                }
                consumed = true;
                return file;
            }

            @Override
            public void close() {}
        };
    }
}
