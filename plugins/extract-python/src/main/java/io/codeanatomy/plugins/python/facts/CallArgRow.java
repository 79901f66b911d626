package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * An argument of a call. The span is CPython's node: the positional argument ({@code *a} with its
 * star) or the keyword ({@code k=v}, {@code **m}).
 *
 * @param argExprId    the value passed; for {@code *a} and {@code **m} the expression a or m
 * @param position     0-based among the positional arguments (starred ones included); -1 for keywords
 * @param keyword      a keyword argument's name; null for positional ones and for {@code **m}
 * @param isStar       {@code *a}
 * @param isDoubleStar {@code **m}
 */
public record CallArgRow(
        String id, long bstart, long bend,
        String callId, String argExprId, int position, String keyword, boolean isStar, boolean isDoubleStar)
        implements Row {
    public CallArgRow {
        requireNonNull(id, "id is null");
        requireNonNull(callId, "callId is null");
        requireNonNull(argExprId, "argExprId is null");
    }
}
