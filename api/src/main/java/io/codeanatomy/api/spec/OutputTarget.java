package io.codeanatomy.api.spec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A table the run writes: which view feeds it, where (relative to the run's output root), how,
 * and the schema the written table must have.
 *
 * @param name output table name
 * @param view the view (or input relation) whose rows are written
 * @param path location relative to the output root, normalized, without {@code ..}
 * @param mode what to do with an existing table
 * @param schema the written table's schema
 */
public record OutputTarget(String name, String view, String path, WriteMode mode, SchemaContract schema) {
    public OutputTarget {
        requireNonNull(name, "name is null");
        requireNonNull(view, "view is null");
        requireNonNull(path, "path is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(schema, "schema is null");
        if (name.isBlank() || view.isBlank()) {
            throw new IllegalArgumentException("An output target needs a non-blank name and view.");
        }
        checkRelative(name, path);
    }

    private static void checkRelative(String name, String path) {
        Path parsed;
        try {
            parsed = Path.of(path);
        }
        catch (InvalidPathException e) {
            throw new IllegalArgumentException("Output '" + name + "' has an invalid path '" + path + "': " + e.getReason() + ".", e);
        }
        if (path.isBlank() || parsed.isAbsolute() || path.startsWith("/") || path.startsWith("\\")) {
            throw new IllegalArgumentException("Output '" + name + "' needs a relative path below the output root, got '" + path + "'.");
        }
        for (Path part : parsed) {
            if (part.toString().equals("..") || part.toString().equals(".")) {
                throw new IllegalArgumentException("Output '" + name + "' has the path '" + path + "'; use a normalized path without '.' or '..'.");
            }
        }
    }

    Map<String, Object> canonicalTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", name);
        tree.put("view", view);
        tree.put("path", path);
        tree.put("mode", mode);
        tree.put("schema", schema.canonicalTree());
        return tree;
    }
}
