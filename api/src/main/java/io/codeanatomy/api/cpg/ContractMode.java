package io.codeanatomy.api.cpg;

/** How {@link CpgTransforms#enforceContract} treats a relation that differs from the contract. */
public enum ContractMode {
    /** Every contract column must exist with the contract's type; a difference is an error when the spec is written. */
    STRICT,
    /** Columns of another type are cast to the contract's type, and missing nullable columns are filled with NULL. */
    COERCE
}
