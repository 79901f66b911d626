package io.codeanatomy.plugins.spans;

/**
 * The qualified-name scalar functions ({@code pkg.mod.C.f.<locals>.g}): parts are split at every
 * dot, as Python's {@code __qualname__} and module names are. A null argument gives null.
 */
public final class QualifiedNameFunctions {
    private QualifiedNameFunctions() {
    }

    /** {@code qualified_name_depth}: the number of dot-separated parts; {@code 0} for the empty string. */
    public static Integer depth(String qname) {
        if (qname == null) {
            return null;
        }
        if (qname.isEmpty()) {
            return 0;
        }
        int parts = 1;
        for (int i = 0; i < qname.length(); i++) {
            if (qname.charAt(i) == '.') {
                parts++;
            }
        }
        return parts;
    }

    /** {@code qualified_name_parent}: everything before the last dot; null for a name without one. */
    public static String parent(String qname) {
        if (qname == null) {
            return null;
        }
        int dot = qname.lastIndexOf('.');
        return dot < 0 ? null : qname.substring(0, dot);
    }

    /** {@code qualified_name_leaf}: the part after the last dot, the whole name when there is none. */
    public static String leaf(String qname) {
        if (qname == null) {
            return null;
        }
        return qname.substring(qname.lastIndexOf('.') + 1);
    }

    /** {@code qualified_name_join}: {@code parent + "." + leaf}, or {@code leaf} under a null or empty parent (a top-level name). */
    public static String join(String parent, String leaf) {
        if (leaf == null) {
            return null;
        }
        return parent == null || parent.isEmpty() ? leaf : parent + "." + leaf;
    }
}
