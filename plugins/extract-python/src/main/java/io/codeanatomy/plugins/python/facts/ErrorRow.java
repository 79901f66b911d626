package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/** A problem with a file: where (line 1-based, column 1-based in characters as CPython prints it), what and when. */
public record ErrorRow(String id, long bstart, long bend, int line, int column, String message, ErrorStage stage)
        implements Row {
    public ErrorRow {
        requireNonNull(id, "id is null");
        requireNonNull(message, "message is null");
        requireNonNull(stage, "stage is null");
    }
}
