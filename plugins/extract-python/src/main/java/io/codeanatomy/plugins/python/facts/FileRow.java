package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * One source file. Its span is the whole decoded text, {@code [0, size)}.
 *
 * @param size              bytes of the UTF-8 text that every span of the file refers to (BOM removed,
 *                          other encodings transcoded); 0 when the file could not be decoded
 * @param rawSize           bytes on disk (-1 when unknown)
 * @param sha256            lowercase hex SHA-256 of the bytes on disk, null when they could not be read
 * @param encoding          the declared or default encoding as CPython names it, null when unknown
 * @param errorCount        rows of {@code py_errors_v1} for this file
 * @param futureAnnotations the file has {@code from __future__ import annotations}
 */
public record FileRow(
        String id, String path, long size, long rawSize, String sha256, int lineCount, String encoding,
        boolean hasBom, ParseStatus status, int errorCount, boolean futureAnnotations, String pythonVersion)
        implements Row {
    public FileRow {
        requireNonNull(id, "id is null");
        requireNonNull(path, "path is null");
        requireNonNull(status, "status is null");
        requireNonNull(pythonVersion, "pythonVersion is null");
    }

    @Override
    public long bstart() {
        return 0;
    }

    @Override
    public long bend() {
        return size;
    }
}
