package io.codeanatomy.api.rel;

/** The set operations of a {@link SetOpRel}, besides union (which has its own nodes). */
public enum SetOpKind {
    /** Rows present in every input. */
    INTERSECT,
    /** Rows of the first input absent from all the others ({@code EXCEPT}, {@code MINUS}). */
    EXCEPT
}
