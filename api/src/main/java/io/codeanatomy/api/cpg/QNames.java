package io.codeanatomy.api.cpg;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;

/**
 * Qualified-name helpers ({@code pkg.mod.Class.method}, {@code pkg.mod.f.<locals>.g}): dot-separated
 * parts, split at every dot. Equality is a plain string comparison; splitting is done by the
 * scalar functions of {@link CpgFunctions}, so these are calls the session resolves by name.
 */
public final class QNames {
    private QNames() {}

    /** {@link CpgFunctions#QUALIFIED_NAME_PARENT}: everything before the last dot, null for a top-level name. */
    public static Field<String> parent(Field<String> qname) {
        return CpgFunctions.QUALIFIED_NAME_PARENT.call(requireNonNull(qname, "qname is null"));
    }

    /** {@link CpgFunctions#QUALIFIED_NAME_LEAF}: the part after the last dot. */
    public static Field<String> leaf(Field<String> qname) {
        return CpgFunctions.QUALIFIED_NAME_LEAF.call(requireNonNull(qname, "qname is null"));
    }

    /** {@link CpgFunctions#QUALIFIED_NAME_DEPTH}: the number of dot-separated parts. */
    public static Field<Integer> depth(Field<String> qname) {
        return CpgFunctions.QUALIFIED_NAME_DEPTH.call(requireNonNull(qname, "qname is null"));
    }

    /** {@link CpgFunctions#QUALIFIED_NAME_JOIN}: {@code parent.leaf}, or {@code leaf} under a null or empty parent. */
    public static Field<String> join(Field<String> parent, Field<String> leaf) {
        return CpgFunctions.QUALIFIED_NAME_JOIN.call(requireNonNull(parent, "parent is null"), requireNonNull(leaf, "leaf is null"));
    }

    /** The two qualified names are equal; a plain comparison the optimizer can turn into a hash join. */
    public static Condition same(Field<String> a, Field<String> b) {
        return Exprs.eq(a, b);
    }
}
