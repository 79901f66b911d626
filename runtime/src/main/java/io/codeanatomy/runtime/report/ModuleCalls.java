package io.codeanatomy.runtime.report;

import static java.util.Objects.requireNonNull;

/**
 * The calls of one source file and how many of them no {@code CALLS} edge resolves.
 *
 * @param path the file's path relative to the source directory
 * @param calls its {@code PY_CALL} nodes
 * @param unresolved those without an outgoing {@code CALLS} edge
 */
public record ModuleCalls(String path, long calls, long unresolved) {
    public ModuleCalls {
        requireNonNull(path, "path is null");
        if (calls < 0 || unresolved < 0 || unresolved > calls) {
            throw new IllegalArgumentException("calls " + calls + " and unresolved " + unresolved + " are inconsistent");
        }
    }

    /** The share of calls left unresolved, 0 when the file has no calls. */
    public double unresolvedRate() {
        return calls == 0 ? 0 : (double) unresolved / calls;
    }
}
