package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

/**
 * An error CPython's symbol table or compiler raises for code that {@code ast.parse} accepts.
 *
 * @param line         1-based line of CPython's position
 * @param column       CPython's {@code SyntaxError.offset}: the UTF-8 byte column + 1
 * @param message      as CPython prints it
 * @param cpythonOrder the order CPython meets the file's errors in (stage first, then its walk);
 *                     the smallest is the one {@code compile()} raises. Not dense.
 */
public record SemanticErrorRow(String id, long bstart, long bend, int line, int column, String message,
                               SemanticStage stage, long cpythonOrder) implements Row {
    public SemanticErrorRow {
        requireNonNull(id, "id is null");
        requireNonNull(message, "message is null");
        requireNonNull(stage, "stage is null");
    }
}
