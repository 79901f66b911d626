package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Field;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * parquet-mr's footer converter, listing each column chunk's encodings in the order of the format's
 * {@code Encoding} enum, so that the same pages get the same footer bytes in every JVM.
 *
 * <p>parquet-mr 1.16 collects a chunk's encodings in a {@code HashSet} of enum constants and lists
 * them in its iteration order, which follows the constants' identity hash codes: two builds of the
 * same input wrote the same pages under footers that differed in that order. parquet-mr 1.18 sorts
 * the list the same way (apache/parquet-java GH-3215), so this class goes once Kernel brings 1.18.
 * {@link ParquetFileWriter} takes no converter from its caller; {@link #install} replaces the one it
 * builds, and fails, naming the reason, if a parquet-mr upgrade moved it.
 */
final class SortedEncodingsConverter extends ParquetMetadataConverter {
    private static final String FIELD = "metadataConverter";

    private SortedEncodingsConverter(int statisticsTruncateLength) {
        super(statisticsTruncateLength);
    }

    /**
     * Makes {@code writer} write its footer through this converter; {@code statisticsTruncateLength}
     * is the one the writer was built with, so that only the encodings' order changes.
     */
    static void install(ParquetFileWriter writer, int statisticsTruncateLength) {
        requireNonNull(writer, "writer is null");
        try {
            Field field = ParquetFileWriter.class.getDeclaredField(FIELD);
            field.setAccessible(true);
            field.set(writer, new SortedEncodingsConverter(statisticsTruncateLength));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot give parquet-mr's ParquetFileWriter a footer converter through its field '"
                    + FIELD + "' (" + e + "); the data files' footers would not be deterministic."
                    + " From parquet-mr 1.18 on the encodings are sorted by parquet-mr itself and this converter can go.", e);
        }
    }

    /** The footer of an unencrypted file, the only kind this plugin writes. */
    @Override
    public FileMetaData toParquetMetadata(int currentVersion, ParquetMetadata parquetMetadata) {
        FileMetaData footer = super.toParquetMetadata(currentVersion, parquetMetadata);
        for (RowGroup rowGroup : footer.getRow_groups()) {
            for (ColumnChunk chunk : rowGroup.getColumns()) {
                // The format enum is declared in the order of its values.
                chunk.getMeta_data().getEncodings().sort(null);
            }
        }
        return footer;
    }
}
