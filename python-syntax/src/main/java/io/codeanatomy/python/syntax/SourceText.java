package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

/**
 * A source file decoded to UTF-8 (BOM removed, PEP 263 cookie honoured, other encodings
 * transcoded), with the byte offset at which every line starts. All byte offsets of tokens, nodes
 * and errors refer to {@link #bytes()}. For a UTF-8 file without BOM these are the file's bytes.
 *
 * @param bytes      UTF-8 text (not copied: callers must not modify it)
 * @param encoding   the declared or default encoding, normalised as CPython names it (e.g. "utf-8")
 * @param bomLength  bytes of BOM that the file had before {@code bytes} (0 or 3)
 * @param lineStarts byte offset of the first byte of each line; a line ends after \n, \r\n or a lone \r
 */
public record SourceText(byte[] bytes, String encoding, int bomLength, int[] lineStarts) {
    public SourceText {
        requireNonNull(bytes, "bytes is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(lineStarts, "lineStarts is null");
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line containing the byte offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}
