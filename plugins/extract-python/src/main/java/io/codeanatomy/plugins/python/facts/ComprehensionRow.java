package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/** A list, set or dict comprehension or a generator expression, each its own scope in CPython 3.11. */
public record ComprehensionRow(
        String id, long bstart, long bend,
        ComprehensionKind kind, int generatorCount, boolean isAsync, String scopeId, String parentDefId) implements Row {
    public ComprehensionRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(scopeId, "scopeId is null");
    }
}
