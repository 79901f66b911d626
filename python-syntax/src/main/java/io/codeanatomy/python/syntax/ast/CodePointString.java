package io.codeanatomy.python.syntax.ast;

import java.util.Arrays;

/**
 * A str constant that a Java {@link String} cannot hold faithfully: it has a high surrogate
 * followed by a low surrogate as two separate code points (each written as an escape, e.g.
 * {@code '\ud834\udd1e'}), which a String would read as one astral character. Python keeps them
 * apart, and so do we; every other str constant is a plain String.
 */
public final class CodePointString {
    private final int[] codePoints;

    public CodePointString(int[] codePoints) {
        this.codePoints = codePoints.clone();
    }

    public int length() {
        return codePoints.length;
    }

    public int codePointAt(int index) {
        return codePoints[index];
    }

    public int[] toArray() {
        return codePoints.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodePointString s && Arrays.equals(codePoints, s.codePoints);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codePoints);
    }

    /** The text as a Java String, in which the separate surrogates read as one character. */
    @Override
    public String toString() {
        return new String(codePoints, 0, codePoints.length);
    }
}
