package io.codeanatomy.api.spec;

import io.codeanatomy.api.canonical.Canonical;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The declared shape of a table: ordered columns with types and nullability, and a contract
 * version that is bumped when the shape changes on purpose.
 *
 * <p>{@link #fingerprint()} is the SHA-256 of the contract's canonical JSON (version, then each
 * column's name, canonical type text and nullability, in column order). Two contracts have the
 * same fingerprint exactly when they are equal; a reordered column changes it.
 *
 * @param version contract version, at least 1
 * @param columns columns in table order; names unique
 */
public record SchemaContract(int version, List<ColumnContract> columns) implements Canonical {
    public SchemaContract {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (version < 1) {
            throw new IllegalArgumentException("A schema contract version starts at 1, got " + version + ".");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A schema contract needs at least one column.");
        }
        Set<String> seen = new HashSet<>();
        for (ColumnContract column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("The column '" + column.name() + "' is declared more than once in a schema contract.");
            }
        }
    }

    public static SchemaContract of(int version, ColumnContract... columns) {
        return new SchemaContract(version, List.of(columns));
    }

    /** The column called {@code name}, if declared. */
    public Optional<ColumnContract> column(String name) {
        requireNonNull(name, "name is null");
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Column names in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        columns.forEach(c -> names.add(c.name()));
        return List.copyOf(names);
    }

    /** SHA-256 hex of {@link #canonicalJson()}: what identifies the contract. */
    public String fingerprint() {
        return hash();
    }

    @Override
    public Map<String, Object> canonicalTree() {
        List<Object> columnTrees = new ArrayList<>(columns.size());
        columns.forEach(c -> columnTrees.add(c.canonicalTree()));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("version", version);
        tree.put("columns", columnTrees);
        return tree;
    }
}
