package io.codeanatomy.plugins.python.facts;

/** Where a problem with a file was found. */
public enum ErrorStage {
    /** Reading the file from disk. */
    READ,
    /** Decoding its bytes to text (encoding declaration, invalid bytes, NUL bytes). */
    DECODE,
    /** Parsing the text. */
    PARSE,
    /** Walking the parsed tree. */
    EXTRACT
}
