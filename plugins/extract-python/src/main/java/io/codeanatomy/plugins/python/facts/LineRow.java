package io.codeanatomy.plugins.python.facts;

/** One line: its 1-based number and its bytes, terminator included. */
public record LineRow(String id, long bstart, long bend, int line) implements Row {
}
