package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * An {@code if} or {@code while} statement or a conditional expression: its test and the byte
 * spans of the part that runs when the test is true (the body: its first statement's start to its
 * last statement's end, or the expression) and of the part that runs otherwise (the orelse; none
 * when the statement has no {@code else}/{@code elif}). The span is the whole construct's. A value
 * a test narrows ({@code isinstance(x, str)}) is read with that knowledge in the body.
 *
 * @param scopeId     the scope the test is evaluated in
 * @param testExprId  the test
 * @param bodyBstart  the body's start, or -1 when it is empty (only in a tree recovered from a syntax error)
 * @param bodyBend    the body's end, or -1 when it is empty
 * @param orelseBstart the orelse's start, or -1 when there is none
 * @param orelseBend   the orelse's end, or -1 when there is none
 */
public record BranchRow(
        String id, long bstart, long bend,
        BranchKind kind, String scopeId, String testExprId, long bodyBstart, long bodyBend, long orelseBstart,
        long orelseBend) implements Row {
    public BranchRow {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(testExprId, "testExprId is null");
    }

    public boolean hasOrelse() {
        return orelseBstart >= 0;
    }
}
