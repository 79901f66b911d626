package io.codeanatomy.api.result;

import io.codeanatomy.api.canonical.Sha256;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A table registered in a session, as recorded in the {@link SessionEnvelope}.
 *
 * @param name registered name
 * @param path table location as given to the session
 * @param deltaVersion the snapshot version read
 * @param schemaHash fingerprint of the table's schema
 */
public record TableRegistration(String name, String path, long deltaVersion, String schemaHash) {
    public TableRegistration {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        Sha256.requireHex(schemaHash, "schemaHash of table '" + name + "'");
        if (deltaVersion < 0) {
            throw new IllegalArgumentException("Table '" + name + "' has a negative version " + deltaVersion + ".");
        }
    }

    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", name);
        tree.put("path", path);
        tree.put("deltaVersion", deltaVersion);
        tree.put("schemaHash", schemaHash);
        return tree;
    }
}
