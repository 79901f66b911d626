package io.codeanatomy.spi.extract;

import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.spi.arrow.ArrowContracts;
import org.apache.arrow.vector.types.pojo.Schema;

import static java.util.Objects.requireNonNull;

/**
 * One table an extractor produces: its name, its contract, and the Arrow schema its batches
 * have. The two schemas must describe the same columns (names, order, types, nullability).
 *
 * @param name table name, e.g. {@code py_defs}
 * @param contract the declared schema
 * @param arrowSchema the batches' Arrow schema
 */
public record TableDefinition(String name, SchemaContract contract, Schema arrowSchema) {
    public TableDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(contract, "contract is null");
        requireNonNull(arrowSchema, "arrowSchema is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An extraction table needs a non-blank name.");
        }
        ArrowContracts.requireMatches(contract, arrowSchema, "extraction table '" + name + "'");
    }

    /** A table whose Arrow schema is derived from its contract. */
    public static TableDefinition of(String name, SchemaContract contract) {
        return new TableDefinition(name, contract, ArrowContracts.toArrowSchema(contract));
    }
}
