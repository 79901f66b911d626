package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One table of a build, as its {@link BuildManifest} records it.
 *
 * @param name the table's name (the name readers register it under)
 * @param path its directory relative to the output directory, e.g. {@code cpg/cpg_nodes}
 * @param version the table version the build committed; readers open exactly this version
 * @param rows rows in that version
 * @param inputs for an output, the {@linkplain OutputReuse#keys key} of everything it was computed
 *     from: a later build whose key for it is the same keeps this version instead of running it
 *     (docs/incremental.md); empty for extraction tables
 */
public record ManifestTable(String name, String path, long version, long rows, Optional<String> inputs) {
    public ManifestTable {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        requireNonNull(inputs, "inputs is null");
        if (version < 0 || rows < 0) {
            throw new IllegalArgumentException("Table '" + name + "' has a negative version or row count (" + version + ", " + rows + ").");
        }
    }

    /** A table recorded without an inputs key (an extraction table). */
    public ManifestTable(String name, String path, long version, long rows) {
        this(name, path, version, rows, Optional.empty());
    }
}
