package io.codeanatomy.runtime.report;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A source file the extraction found a problem in.
 *
 * @param path the file's path relative to the source directory
 * @param status its {@code py_files_v1.status} ({@code SYNTAX_ERROR}, {@code DECODE_ERROR}, …), or
 *     {@code OK} when only the compiler's checks ({@code py_semantic_errors_v1}) found errors
 * @param errors how many errors were found in it in all
 * @param firstError the first of them in source order, as {@code line:column message}
 */
public record ProblemFile(String path, String status, long errors, Optional<String> firstError) {
    public ProblemFile {
        requireNonNull(path, "path is null");
        requireNonNull(status, "status is null");
        requireNonNull(firstError, "firstError is null");
    }
}
