package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.Meta;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnWriteStore;
import io.codeanatomy.spi.arrow.ArrowContracts;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * One Parquet data file written from Arrow batches through parquet-mr's column API: a
 * {@link ColumnChunkPageWriteStore} per row group, flushed into a {@link ParquetFileWriter} when the
 * buffered (encoded and compressed) row group reaches its size, as parquet-mr's own record writer
 * does, minus the record layer. The top-level columns of flat values encode their own pages
 * ({@link FlatColumnPages}) when dictionary encoding is off; the others (lists, structs, floating
 * point, decimals, and every column with dictionary encoding on) go through a {@link ColumnWriteStore}
 * of parquet-mr's column writers over the same page store. The footer lists each column
 * chunk's encodings in a fixed order ({@link SortedEncodingsConverter}), so the same batches give the
 * same bytes in every JVM. Not thread-safe: one thread writes a file from start to end.
 */
final class ArrowParquetFile implements AutoCloseable {
    /** Footer key naming the writer, next to the one Kernel's writer sets. */
    static final String WRITER_KEY = "io.codeanatomy.delta-io.writer";
    /**
     * Rows encoded per column before the next column: keeps a column's slice of the Arrow buffers in
     * cache while it is encoded; parquet-mr's column writers end their pages only between slices.
     */
    private static final int SLICE_ROWS = 4_096;
    /** The released page buffers a file keeps for its next pages at most ({@link SlabPool}). */
    private static final long MAX_POOLED_BYTES = 16L << 20;

    private final MessageType schema;
    private final ParquetWriteSettings settings;
    private final ParquetProperties properties;
    private final CodecFactory codecs;
    private final BytesInputCompressor compressor;
    private final ParquetFileWriter file;
    private final ArrowParquetShredder shredder;
    /** The columns of parquet-mr's column writers, or null when every column encodes its own pages. */
    private final MessageType writerSchema;
    private final List<FlatColumnPages> flatColumns = new ArrayList<>();
    /** The position in the batch of each of {@link #flatColumns}. */
    private final int[] flatPositions;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private long rowGroupRows;
    private long rows;
    private boolean closed;

    ArrowParquetFile(org.apache.parquet.io.OutputFile output, Schema arrowSchema, MessageType schema,
            ParquetWriteSettings settings, Configuration configuration) throws IOException {
        this(output, arrowSchema, schema, settings, configuration, Encoder.OURS);
    }

    /** Who encodes pages and plain values and keeps the statistics of top-level string columns. */
    enum Encoder {
        /**
         * {@link FlatColumnPages} for the top-level columns of flat values, and for the others
         * {@link PlainValuesWriters}, {@link BinaryPageStatistics} and a {@link SlabPool}: the same
         * values and statistics as {@link #PARQUET_MR}, faster (pages may end at other rows).
         */
        OURS,
        /** parquet-mr's own writers and statistics throughout: what {@link #OURS} must equal (tests). */
        PARQUET_MR
    }

    ArrowParquetFile(org.apache.parquet.io.OutputFile output, Schema arrowSchema, MessageType schema,
            ParquetWriteSettings settings, Configuration configuration, Encoder encoder) throws IOException {
        requireNonNull(output, "output is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.settings = requireNonNull(settings, "settings is null");
        requireNonNull(encoder, "encoder is null");
        ParquetProperties.Builder builder = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withPageSize(settings.pageBytes())
                .withDictionaryEncoding(settings.dictionary())
                // Size statistics (level histograms, unencoded byte counts) feed no Delta reader.
                .withSizeStatisticsEnabled(false);
        if (encoder == Encoder.OURS) {
            builder.withValuesWriterFactory(new PlainValuesWriters())
                    .withAllocator(new SlabPool(Math.min(settings.rowGroupBytes() / 4, MAX_POOLED_BYTES)));
        }
        boolean ownPages = encoder == Encoder.OURS && !settings.dictionary();
        Set<String> ownStatistics = new LinkedHashSet<>();
        Set<String> paged = new LinkedHashSet<>();
        List<Integer> positions = new ArrayList<>();
        List<org.apache.arrow.vector.types.pojo.Field> fields = arrowSchema.getFields();
        for (int i = 0; i < fields.size(); i++) {
            org.apache.arrow.vector.types.pojo.Field field = fields.get(i);
            FlatColumnPages.Kind kind = ownPages ? FlatColumnPages.kindOf(field) : null;
            if (kind != null) {
                flatColumns.add(new FlatColumnPages(kind, schema.getColumnDescription(new String[] {field.getName()}),
                        ArrowContracts.keepsStatistics(field), settings.pageBytes(), ParquetProperties.DEFAULT_PAGE_ROW_COUNT_LIMIT));
                paged.add(field.getName());
                positions.add(i);
                continue;
            }
            if (!field.getChildren().isEmpty()) {
                continue;
            }
            if (!ArrowContracts.keepsStatistics(field)) {
                builder.withStatisticsEnabled(field.getName(), false);
            } else if (encoder == Encoder.OURS && BinaryPageStatistics.keeps(field.getType())) {
                builder.withStatisticsEnabled(field.getName(), false);
                ownStatistics.add(field.getName());
            }
        }
        this.properties = builder.build();
        this.codecs = new CodecFactory(requireNonNull(configuration, "configuration is null"), settings.pageBytes());
        this.compressor = codecs.getCompressor(settings.codec());
        this.shredder = new ArrowParquetShredder(arrowSchema, schema, ownStatistics, paged);
        this.flatPositions = positions.stream().mapToInt(Integer::intValue).toArray();
        List<Type> others = schema.getFields().stream().filter(type -> !paged.contains(type.getName())).toList();
        this.writerSchema = others.isEmpty() ? null : new MessageType(schema.getName(), others);
        this.file = new ParquetFileWriter(output, schema, ParquetFileWriter.Mode.CREATE, settings.rowGroupBytes(), 0,
                null, properties);
        SortedEncodingsConverter.install(file, properties.getStatisticsTruncateLength());
        file.start();
        startRowGroup();
    }

    /** Appends every row of {@code batch}. */
    void write(VectorSchemaRoot batch) throws IOException {
        int count = batch.getRowCount();
        for (int from = 0; from < count; from += SLICE_ROWS) {
            int to = Math.min(count, from + SLICE_ROWS);
            shredder.write(batch, from, to);
            for (int c = 0; c < flatPositions.length; c++) {
                flatColumns.get(c).write(batch.getVector(flatPositions[c]), from, to);
            }
            if (columns != null) {
                for (int i = from; i < to; i++) {
                    columns.endRecord();
                }
            }
            rowGroupRows += to - from;
            rows += to - from;
            if (bufferedBytes() >= settings.rowGroupBytes()) {
                flushRowGroup();
                startRowGroup();
            }
        }
    }

    /** The row group's encoded and compressed bytes so far. */
    private long bufferedBytes() {
        long bytes = columns == null ? 0 : columns.getBufferedSize();
        for (FlatColumnPages column : flatColumns) {
            bytes += column.bufferedBytes();
        }
        return bytes;
    }

    /** Rows written so far. */
    long rows() {
        return rows;
    }

    /** Writes the last row group and the footer, and closes the file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushRowGroup();
            file.end(Map.of(WRITER_KEY, "CodeAnatomy-delta-io columnar, Kernel " + Meta.KERNEL_VERSION));
        } finally {
            closeStores();
            codecs.release();
        }
    }

    /** Closes the file without a footer, after a failure; the caller deletes it. */
    void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            file.close();
            closeStores();
        } catch (IOException | RuntimeException e) {
            // The file is deleted next; what matters is that its stream is closed and its buffers freed.
        } finally {
            codecs.release();
        }
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
        if (writerSchema != null) {
            columns = properties.newColumnWriteStore(writerSchema, BinaryPageStatistics.substituting(pages, shredder.pageStatistics()), pages);
            shredder.bind(columns);
        }
        for (FlatColumnPages column : flatColumns) {
            column.bind(pages.getPageWriter(column.descriptor()));
        }
        rowGroupRows = 0;
    }

    private void flushRowGroup() throws IOException {
        if (rowGroupRows > 0) {
            file.startBlock(rowGroupRows);
            for (FlatColumnPages column : flatColumns) {
                column.flush();
            }
            if (columns != null) {
                columns.flush();
            }
            pages.flushToFileWriter(file);
            file.endBlock();
        }
        closeStores();
    }

    private void closeStores() {
        if (columns != null) {
            columns.close();
            columns = null;
        }
        if (pages != null) {
            pages.close();
            pages = null;
        }
    }
}
