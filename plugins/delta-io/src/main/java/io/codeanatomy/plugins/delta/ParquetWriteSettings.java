package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How the columnar writer lays out Parquet data files.
 *
 * @param codec page compression
 * @param rowGroupBytes a row group is flushed once its encoded, compressed pages reach this size;
 *     it is also what one file being written holds in memory at most
 * @param pageBytes target size of a data page before compression
 * @param dictionary whether parquet-mr tries dictionary encoding
 * @param fileArrowBytes a data file is closed after the batch that brings its Arrow input to this
 *     size; counted on the input so file boundaries depend on the data alone
 * @param parallelFiles data files of one write encoded at the same time
 */
record ParquetWriteSettings(
        CompressionCodecName codec, long rowGroupBytes, int pageBytes, boolean dictionary, long fileArrowBytes,
        int parallelFiles) {
    ParquetWriteSettings {
        requireNonNull(codec, "codec is null");
        positive("row group size", rowGroupBytes);
        positive("page size", pageBytes);
        positive("file size", fileArrowBytes);
        positive("parallel files", parallelFiles);
    }

    private static void positive(String what, long value) {
        if (value <= 0) {
            throw new DeltaIoException("The Parquet writer's " + what + " is " + value + "; it must be positive.");
        }
    }
}
