package io.codeanatomy.python.syntax.ast;

/**
 * A node that carries CPython's four position attributes (1-based lines, 0-based columns counted
 * in UTF-8 bytes) plus absolute UTF-8 byte offsets {@code bstart <= bend} into the decoded source.
 */
public interface Located extends Node {
    int lineno();

    int col_offset();

    int end_lineno();

    int end_col_offset();

    int bstart();

    int bend();
}
