package io.codeanatomy.plugins.python.facts;

/**
 * What became of one file. Every status but OK comes with at least one row in {@code py_errors_v1}.
 */
public enum ParseStatus {
    /** Parsed without error; its facts equal CPython's. */
    OK,
    /** Parsed with syntax errors; the facts of the recovered statements are kept, marked recovered. */
    SYNTAX_ERROR,
    /** The bytes are not valid in the file's encoding, or the encoding is unknown; no facts. */
    DECODE_ERROR,
    /** Listed but could not be read (permissions, a symlink loop, an I/O error); no facts. */
    UNREADABLE,
    /** Listed but gone by the time it was read; no facts. */
    VANISHED,
    /** Larger than the configured limit, not read; no facts. */
    TOO_LARGE,
    /** Parsed, but its tree nests too deeply to walk (deeper than CPython's symbol table goes); no facts. */
    TOO_DEEP,
    /** The extractor itself failed on this file (a bug to report, with the error's message); no facts. */
    EXTRACT_ERROR
}
