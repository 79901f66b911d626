package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.modules.ModulePath;

/**
 * One source file. Its span is the whole decoded text, {@code [0, size)}.
 *
 * @param size              bytes of the UTF-8 text that every span of the file refers to (BOM removed,
 *                          other encodings transcoded); 0 when the file could not be decoded
 * @param rawSize           bytes on disk (-1 when unknown)
 * @param sha256            lowercase hex SHA-256 of the bytes on disk, null when they could not be read
 * @param encoding          the declared or default encoding as CPython names it, null when unknown
 * @param errorCount        errors found in the file: its rows of {@code py_errors_v1}, plus the parse
 *                          errors past {@link FileFacts#MAX_PARSE_ERROR_ROWS} that got no row
 * @param futureAnnotations the file has {@code from __future__ import annotations}
 * @param pathIsExact       {@code path} is the file's name as it is; false when the name is not
 *                          valid UTF-8 and {@code path} is its escaped form ({@link RelativePath})
 * @param module            the file's module name, whether it is a package, and its source root
 */
public record FileRow(
        String id, String path, long size, long rawSize, String sha256, int lineCount, String encoding,
        boolean hasBom, ParseStatus status, int errorCount, boolean futureAnnotations, String pythonVersion,
        boolean pathIsExact, ModulePath module)
        implements Row {
    public FileRow {
        requireNonNull(id, "id is null");
        requireNonNull(path, "path is null");
        requireNonNull(status, "status is null");
        requireNonNull(pythonVersion, "pythonVersion is null");
        requireNonNull(module, "module is null");
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
