package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A call.
 *
 * @param calleeText      the callee's source text, cut to at most {@link SourceScanner#MAX_TEXT_BYTES}
 *                        bytes (the callee span is always exact)
 * @param calleeDotted    {@code a.b.c} when the callee is a Name or a chain of Attributes on a Name
 * @param positionalCount CPython's {@code len(call.args)}, starred arguments included
 * @param keywordCount    CPython's {@code len(call.keywords)}, {@code **} arguments included
 * @param keywordNames    the names of the named keyword arguments, in order
 */
public record CallRow(
        String id, long bstart, long bend,
        String scopeId, String calleeText, String calleeDotted, long calleeBstart, long calleeBend,
        int positionalCount, int keywordCount, List<String> keywordNames,
        boolean hasStarArgs, boolean hasStarKwargs) implements Row {
    public CallRow {
        requireNonNull(id, "id is null");
        requireNonNull(scopeId, "scopeId is null");
        requireNonNull(calleeText, "calleeText is null");
        keywordNames = List.copyOf(keywordNames);
    }
}
