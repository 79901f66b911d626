package io.codeanatomy.api.expr;

/** The kinds of {@link DataType}: six scalar kinds and two nested ones. */
public enum TypeKind {
    BOOLEAN,
    INT32,
    INT64,
    FLOAT64,
    STRING,
    BINARY,
    /** Named, ordered members; see {@link DataType#members()}. */
    STRUCT,
    /** A variable-length list of one element type; see {@link DataType#elementType()}. */
    LIST;

    /** Tells whether arithmetic applies to values of this kind. */
    public boolean isNumeric() {
        return this == INT32 || this == INT64 || this == FLOAT64;
    }

    /** Tells whether this kind has an exact integral representation. */
    public boolean isIntegral() {
        return this == INT32 || this == INT64;
    }
}
