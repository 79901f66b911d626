package io.codeanatomy.api.plan;

import io.codeanatomy.api.canonical.Canonical;
import io.codeanatomy.api.canonical.Sha256;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The plans of one run, as text with their SHA-256s: P0 the compiled logical plan, P1 the
 * optimized logical plan (the regression fingerprint), P2 the physical plan; plus the trace of
 * rules that fired, in firing order. The hashes are checked against the texts on construction;
 * {@link #of} computes them.
 *
 * @param p0 unoptimized logical plan text
 * @param p0Hash SHA-256 hex of {@code p0}
 * @param p1 optimized logical plan text
 * @param p1Hash SHA-256 hex of {@code p1}
 * @param p2 physical plan text
 * @param p2Hash SHA-256 hex of {@code p2}
 * @param ruleTrace rules that fired, in order
 */
public record PlanBundle(String p0, String p0Hash, String p1, String p1Hash, String p2, String p2Hash, List<RuleFiring> ruleTrace) implements Canonical {
    public PlanBundle {
        requireHash(p0, p0Hash, "P0");
        requireHash(p1, p1Hash, "P1");
        requireHash(p2, p2Hash, "P2");
        ruleTrace = List.copyOf(requireNonNull(ruleTrace, "ruleTrace is null"));
    }

    /** A bundle with the hashes computed from the texts. */
    public static PlanBundle of(String p0, String p1, String p2, List<RuleFiring> ruleTrace) {
        return new PlanBundle(p0, Sha256.hex(requireNonNull(p0, "p0 is null")), p1, Sha256.hex(requireNonNull(p1, "p1 is null")),
                p2, Sha256.hex(requireNonNull(p2, "p2 is null")), ruleTrace);
    }

    private static void requireHash(String text, String hash, String plan) {
        requireNonNull(text, plan + " text is null");
        Sha256.requireHex(hash, plan + " hash");
        if (!Sha256.hex(text).equals(hash)) {
            throw new IllegalArgumentException("The " + plan + " hash " + hash + " is not the SHA-256 of the " + plan + " text.");
        }
    }



    @Override
    public Map<String, Object> canonicalTree() {
        List<Object> trace = new ArrayList<>(ruleTrace.size());
        ruleTrace.forEach(firing -> trace.add(firing.canonicalTree()));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("p0", p0);
        tree.put("p0Hash", p0Hash);
        tree.put("p1", p1);
        tree.put("p1Hash", p1Hash);
        tree.put("p2", p2);
        tree.put("p2Hash", p2Hash);
        tree.put("ruleTrace", trace);
        return tree;
    }
}
