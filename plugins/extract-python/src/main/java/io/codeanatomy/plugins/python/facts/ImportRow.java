package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * One alias of an import statement.
 *
 * @param module    {@code import a.b}: "a.b"; {@code from .a import b}: "a"; {@code from . import b}: null
 * @param name      the imported name of a from-import ("*" for a star import), null for a plain import
 * @param boundName the name the statement binds: the alias, else the first component of a plain
 *                  import, else the name; null for a star import
 */
public record ImportRow(
        String id, long bstart, long bend,
        String scopeId, String module, String name, String asname, String boundName,
        int level, boolean isFrom, boolean isStar, long stmtBstart, long stmtBend) implements Row {
    public ImportRow {
        requireNonNull(id, "id is null");
        requireNonNull(scopeId, "scopeId is null");
    }
}
