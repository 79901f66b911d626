package io.codeanatomy.plugins.python.facts;

/** The type of a constant's value, as Python's {@code type(node.value)} tells them apart. */
public enum ConstKind {
    INT, STR, BYTES, FLOAT, COMPLEX, BOOL, NONE, ELLIPSIS
}
