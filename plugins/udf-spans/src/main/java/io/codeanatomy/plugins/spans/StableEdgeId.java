package io.codeanatomy.plugins.spans;

import io.codeanatomy.api.cpg.StableIdHasher;

/**
 * {@code stable_edge_id(edge_kind, src_node_id, dst_node_id, path, bstart, bend)}, the stable id of
 * a CPG edge, by the formula of {@link StableIdHasher}: over the edge's kind and endpoints as well
 * as its span, so that two edges of one kind between the same nodes (two calls of {@code g} in
 * {@code f}) differ by where they are. An edge without a span (a null path, bstart or bend) hashes
 * that part as empty text; a null kind or endpoint gives null.
 */
public final class StableEdgeId {
    private StableEdgeId() {
    }

    /** The id; null when the kind or an endpoint is null. */
    public static String of(String edgeKind, String src, String dst, String path, Long bstart, Long bend) {
        if (edgeKind == null || src == null || dst == null) {
            return null;
        }
        return StableIdHasher.edgeOf(edgeKind, src, dst, path, bstart, bend);
    }
}
