package io.codeanatomy.api.spec;

/** Why a {@link JoinEdge} exists: declared by hand, or inferred from the semantic model. */
public enum JoinInferenceSource {
    /** Written explicitly in the spec. */
    DECLARED,
    /** The two byte spans share bytes. */
    BYTE_SPAN_OVERLAP,
    /** One byte span lies within the other. */
    BYTE_SPAN_CONTAINMENT,
    /** Same qualified name. */
    QUALIFIED_NAME_EQUALITY,
    /** Same scope identifier. */
    SCOPE_ID_EQUALITY,
    /** Compatible semantic types. */
    SEMANTIC_TYPE_MATCH
}
