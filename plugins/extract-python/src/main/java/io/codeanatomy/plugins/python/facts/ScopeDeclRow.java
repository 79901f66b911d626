package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/** One name of a {@code global} or {@code nonlocal} statement; the span is the name's. */
public record ScopeDeclRow(
        String id, long bstart, long bend,
        ScopeDeclKind kind, String name, String scopeId, long stmtBstart, long stmtBend) implements Row {
    public ScopeDeclRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(scopeId, "scopeId is null");
    }
}
