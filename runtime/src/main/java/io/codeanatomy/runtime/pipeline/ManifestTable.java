package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * One table of a build, as its {@link BuildManifest} records it.
 *
 * @param name the table's name (the name readers register it under)
 * @param path its directory relative to the output directory, e.g. {@code cpg/cpg_nodes}
 * @param version the table version the build committed; readers open exactly this version
 * @param rows rows in that version
 */
public record ManifestTable(String name, String path, long version, long rows) {
    public ManifestTable {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        if (version < 0 || rows < 0) {
            throw new IllegalArgumentException("Table '" + name + "' has a negative version or row count (" + version + ", " + rows + ").");
        }
    }
}
