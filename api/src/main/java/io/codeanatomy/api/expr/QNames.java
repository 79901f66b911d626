package io.codeanatomy.api.expr;

import static java.util.Objects.requireNonNull;

/**
 * Qualified-name helpers ({@code pkg.mod.Class.method}). Equality is plain string comparison;
 * parsing is done by scalar functions that a plugin registers under the names below, so the
 * expressions here are calls the session resolves by name.
 */
public final class QNames {
    /** {@code qname_parent(STRING) -> STRING}: everything before the last dot, null for a top-level name. */
    public static final String PARENT_FUNCTION = "qname_parent";
    /** {@code qname_leaf(STRING) -> STRING}: the part after the last dot. */
    public static final String LEAF_FUNCTION = "qname_leaf";
    /** {@code qname_depth(STRING) -> INT32}: the number of dot-separated parts. */
    public static final String DEPTH_FUNCTION = "qname_depth";
    /** {@code stable_id(STRING kind, STRING path, INT64 bstart, INT64 bend) -> STRING}: the CPG stable id. */
    public static final String STABLE_ID_FUNCTION = "stable_id";

    private QNames() {}

    public static Field<String> parent(Field<String> qname) {
        return Exprs.call(PARENT_FUNCTION, DataType.STRING, requireNonNull(qname, "qname is null"));
    }

    public static Field<String> leaf(Field<String> qname) {
        return Exprs.call(LEAF_FUNCTION, DataType.STRING, requireNonNull(qname, "qname is null"));
    }

    public static Field<Integer> depth(Field<String> qname) {
        return Exprs.call(DEPTH_FUNCTION, DataType.INT32, requireNonNull(qname, "qname is null"));
    }

    /** The two qualified names are equal; a plain comparison the optimizer can turn into a hash join. */
    public static Condition same(Field<String> a, Field<String> b) {
        return Exprs.eq(a, b);
    }

    /**
     * The stable id of an entity: {@code kind + ":" +} hex of the first 16 bytes of SHA-256 over
     * {@code path U+241F bstart U+241F bend U+241F kind}, computed by the registered function.
     */
    public static Field<String> stableId(Field<String> kind, Field<String> path, Field<Long> bstart, Field<Long> bend) {
        return Exprs.call(STABLE_ID_FUNCTION, DataType.STRING, kind, path, bstart, bend);
    }
}
