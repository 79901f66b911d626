package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.compat.RowGroupFilter;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet data file column by column into Kernel column vectors backed by Java arrays,
 * for read schemas of top-level boolean, 32- and 64-bit integer, double and binary columns (the
 * extraction and CPG tables' columns, strings read as binary, see {@link KernelValues#binaryStrings}).
 *
 * <p>Kernel's own reader assembles every row through parquet-mr's record reader and a converter per
 * value (12.9% of the standard library's execute phase, {@code docs/delta-io.md}); this one fills
 * one array per column and batch (a string column's bytes back to back with end offsets), from the
 * page bytes directly for the PLAIN pages the columnar writer writes ({@link PlainPages}) and
 * through parquet-mr's {@link ColumnReader} for any other encoding. A filter skips the row groups
 * whose statistics exclude it, as Kernel's reader does; the rows of the others are all returned,
 * as Kernel's are. Anything
 * else (lists, structs, a column whose Parquet type is not the one asked for) is left to Kernel's
 * reader: {@link #open} returns null.
 */
final class ColumnarParquetReader implements CloseableIterator<ColumnarBatch> {
    /** Rows per batch handed to the scan. */
    static final int BATCH_ROWS = 8192;

    private static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() { };

    private final ParquetFileReader file;
    private final StructType schema;
    private final ColumnDescriptor[] columns;
    private final VersionParser.ParsedVersion writer;
    private final boolean[] readRowGroup;
    private final ColumnValues[] values;
    private int nextRowGroup;
    private long rowGroupRemaining;

    private ColumnarParquetReader(ParquetFileReader file, StructType schema, ColumnDescriptor[] columns, boolean[] readRowGroup) {
        this.file = file;
        this.schema = schema;
        this.columns = columns;
        this.writer = writerVersion(file.getFooter().getFileMetaData().getCreatedBy());
        this.readRowGroup = readRowGroup;
        this.values = new ColumnValues[columns.length];
    }

    /** Whether every column of {@code schema} is of a type this reader fills. */
    static boolean supports(StructType schema) {
        for (StructField field : schema.fields()) {
            if (field.isMetadataColumn() || expected(field.getDataType()) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * A reader of the columns {@code schema} names in the data file at {@code uri}, or null when the
     * file's columns are not the flat primitives {@code schema} asks for (nested, or another type).
     * A column the file lacks reads as null, as with Kernel's reader. {@code size} is the file's size
     * in the Delta log: a shorter file is truncated.
     */
    static ColumnarParquetReader open(Configuration configuration, String uri, long size, StructType schema,
            Optional<Predicate> filter) throws IOException {
        return open(configuration, uri, size, schema, filter, new ScanTally());
    }

    /** As {@link #open(Configuration, String, long, StructType, Optional)}, counting the row groups read and skipped in {@code tally}. */
    static ColumnarParquetReader open(Configuration configuration, String uri, long size, StructType schema,
            Optional<Predicate> filter, ScanTally tally) throws IOException {
        requireNonNull(schema, "schema is null");
        HadoopInputFile input = HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(uri), configuration);
        if (input.getLength() < size) {
            // As Kernel's reader, which reads the footer where the log's size puts it, says it.
            throw new EOFException("The data file " + uri + " has " + input.getLength() + " bytes; the Delta log recorded " + size + ".");
        }
        ParquetFileReader file = ParquetFileReader.open(input, HadoopReadOptions.builder(configuration).build());
        try {
            MessageType fileSchema = file.getFooter().getFileMetaData().getSchema();
            ColumnDescriptor[] columns = new ColumnDescriptor[schema.length()];
            for (int i = 0; i < columns.length; i++) {
                StructField field = schema.at(i);
                if (!fileSchema.containsField(field.getName())) {
                    continue;
                }
                Type type = fileSchema.getType(field.getName());
                if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)
                        || type.asPrimitiveType().getPrimitiveTypeName() != expected(field.getDataType())) {
                    file.close();
                    return null;
                }
                columns[i] = fileSchema.getColumnDescription(new String[] {field.getName()});
            }
            boolean[] read = rowGroupsToRead(file, fileSchema, filter);
            int kept = 0;
            for (boolean group : read) {
                kept += group ? 1 : 0;
            }
            tally.rowGroups(kept, read.length - kept);
            return new ColumnarParquetReader(file, schema, columns, read);
        } catch (RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }

    /**
     * Which row groups may hold rows {@code filter} keeps, by their statistics, with the Parquet
     * filter Kernel's reader derives from it: the same row groups Kernel's reader skips.
     */
    private static boolean[] rowGroupsToRead(ParquetFileReader file, MessageType fileSchema, Optional<Predicate> filter) {
        List<BlockMetaData> rowGroups = file.getRowGroups();
        boolean[] read = new boolean[rowGroups.size()];
        Optional<FilterPredicate> parquetFilter = filter.flatMap(predicate -> KernelInternals.parquetFilter(fileSchema, predicate));
        if (parquetFilter.isEmpty()) {
            Arrays.fill(read, true);
            return read;
        }
        Set<BlockMetaData> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(RowGroupFilter.filterRowGroups(FilterCompat.get(parquetFilter.get()), rowGroups, fileSchema));
        for (int i = 0; i < read.length; i++) {
            read[i] = kept.contains(rowGroups.get(i));
        }
        return read;
    }

    private static PrimitiveTypeName expected(DataType type) {
        if (type instanceof BooleanType) {
            return PrimitiveTypeName.BOOLEAN;
        }
        if (type instanceof IntegerType) {
            return PrimitiveTypeName.INT32;
        }
        if (type instanceof LongType) {
            return PrimitiveTypeName.INT64;
        }
        if (type instanceof DoubleType) {
            return PrimitiveTypeName.DOUBLE;
        }
        if (type instanceof BinaryType) {
            return PrimitiveTypeName.BINARY;
        }
        return null;
    }

    private static ColumnChunkMetaData chunk(BlockMetaData rowGroup, ColumnDescriptor column) {
        ColumnPath path = ColumnPath.get(column.getPath());
        for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
            if (chunk.getPath().equals(path)) {
                return chunk;
            }
        }
        throw new IllegalStateException("A row group has no chunk of the column " + path + ".");
    }

    private static VersionParser.ParsedVersion writerVersion(String createdBy) {
        try {
            return createdBy == null ? null : VersionParser.parse(createdBy);
        } catch (VersionParser.VersionParseException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean hasNext() {
        try {
            while (rowGroupRemaining == 0) {
                while (nextRowGroup < readRowGroup.length && !readRowGroup[nextRowGroup]) {
                    nextRowGroup++;
                }
                if (nextRowGroup == readRowGroup.length) {
                    return false;
                }
                BlockMetaData metadata = file.getRowGroups().get(nextRowGroup);
                PageReadStore rowGroup = file.readRowGroup(nextRowGroup++);
                rowGroupRemaining = rowGroup.getRowCount();
                for (int i = 0; i < columns.length; i++) {
                    values[i] = null;
                    if (columns[i] != null) {
                        PageReader pages = rowGroup.getPageReader(columns[i]);
                        values[i] = PlainPages.of(chunk(metadata, columns[i]), columns[i], pages);
                        if (values[i] == null) {
                            values[i] = new ReaderValues(new ColumnReaderImpl(columns[i], pages, NO_CONVERTER, writer),
                                    columns[i].getMaxDefinitionLevel());
                        }
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ColumnarBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int rows = (int) Math.min(BATCH_ROWS, rowGroupRemaining);
        ColumnVector[] vectors = new ColumnVector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            DataType type = schema.at(i).getDataType();
            vectors[i] = values[i] != null ? values[i].read(type, rows) : new ArrayVectors.Nulls(type, rows);
        }
        rowGroupRemaining -= rows;
        return KernelInternals.batch(rows, schema, vectors);
    }

    /** The values of a column chunk in another encoding than PLAIN, through parquet-mr's column reader. */
    private static final class ReaderValues extends ColumnValues {
        private final ColumnReader reader;
        private final int maxDefinition;
        private Binary binary;

        ReaderValues(ColumnReader reader, int maxDefinition) {
            super(maxDefinition > 0);
            this.reader = reader;
            this.maxDefinition = maxDefinition;
        }

        @Override
        boolean nextIsNull() {
            if (reader.getCurrentDefinitionLevel() < maxDefinition) {
                reader.consume();
                return true;
            }
            return false;
        }

        @Override
        long readLong() {
            long value = reader.getLong();
            reader.consume();
            return value;
        }

        @Override
        int readInt() {
            int value = reader.getInteger();
            reader.consume();
            return value;
        }

        @Override
        boolean readBoolean() {
            boolean value = reader.getBoolean();
            reader.consume();
            return value;
        }

        @Override
        double readDouble() {
            double value = reader.getDouble();
            reader.consume();
            return value;
        }

        @Override
        int binaryLength() {
            binary = reader.getBinary();
            return binary.length();
        }

        @Override
        void copyBinary(byte[] into, int at) {
            ByteBuffer buffer = binary.toByteBuffer();
            buffer.get(into, at, binary.length());
            binary = null;
            reader.consume();
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
