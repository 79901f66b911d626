package io.codeanatomy.spi.table;

import io.codeanatomy.api.canonical.Sha256;
import org.apache.calcite.schema.Table;

import static java.util.Objects.requireNonNull;

/**
 * A stored table opened at one snapshot, ready to register in a session.
 *
 * @param table the Calcite table the session scans
 * @param version the snapshot version read (a Delta table version)
 * @param schemaFingerprint SHA-256 hex of the table's schema in the provider's canonical form;
 *     equal schemas give equal fingerprints, so the runtime can detect drift between runs
 */
public record OpenedTable(Table table, long version, String schemaFingerprint) {
    public OpenedTable {
        requireNonNull(table, "table is null");
        Sha256.requireHex(schemaFingerprint, "schemaFingerprint");
        if (version < 0) {
            throw new IllegalArgumentException("An opened table has a negative version " + version + ".");
        }
    }
}
