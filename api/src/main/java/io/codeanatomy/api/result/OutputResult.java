package io.codeanatomy.api.result;

import static java.util.Objects.requireNonNull;

/**
 * One table written by a run.
 *
 * @param name output target name
 * @param path where the table was written
 * @param rowCount rows written by this run
 * @param deltaVersion table version after the commit
 */
public record OutputResult(String name, String path, long rowCount, long deltaVersion) {
    public OutputResult {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        if (rowCount < 0 || deltaVersion < 0) {
            throw new IllegalArgumentException("Output '" + name + "' has a negative row count or version (" + rowCount + ", " + deltaVersion + ").");
        }
    }
}
