package io.codeanatomy.plugins.spans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code stable_edge_id(edge_kind, src_node_id, dst_node_id, path, bstart, bend)}, the stable id of
 * a CPG edge: {@code edge_kind + ":" +} lowercase hex of the first 16 bytes of SHA-256 over UTF-8
 * {@code edge_kind U+241F src U+241F dst U+241F path U+241F bstart U+241F bend}, the offsets in
 * decimal. The same formula as {@link StableHashId}, over the edge's kind and endpoints as well as
 * its span, so that two edges of one kind between the same nodes (two calls of {@code g} in
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
        MessageDigest digest = StableHashId.digest();
        digest.update(edgeKind.getBytes(StandardCharsets.UTF_8));
        digest.update(StableHashId.SEPARATOR);
        digest.update(src.getBytes(StandardCharsets.UTF_8));
        digest.update(StableHashId.SEPARATOR);
        digest.update(dst.getBytes(StandardCharsets.UTF_8));
        digest.update(StableHashId.SEPARATOR);
        digest.update(path == null ? new byte[0] : path.getBytes(StandardCharsets.UTF_8));
        digest.update(StableHashId.SEPARATOR);
        digest.update(bstart == null ? new byte[0] : Long.toString(bstart).getBytes(StandardCharsets.US_ASCII));
        digest.update(StableHashId.SEPARATOR);
        digest.update(bend == null ? new byte[0] : Long.toString(bend).getBytes(StandardCharsets.US_ASCII));
        return StableHashId.id(edgeKind, digest.digest());
    }
}
