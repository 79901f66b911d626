package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

/**
 * A Python language version (3.8 to {@link #LATEST}). Syntax newer than the version is a syntax
 * error, as that CPython release would report it.
 */
public record PythonVersion(int major, int minor) implements Comparable<PythonVersion> {
    public static final PythonVersion PY38 = new PythonVersion(3, 8);
    public static final PythonVersion PY39 = new PythonVersion(3, 9);
    public static final PythonVersion PY310 = new PythonVersion(3, 10);
    public static final PythonVersion PY311 = new PythonVersion(3, 11);
    public static final PythonVersion PY312 = new PythonVersion(3, 12);
    public static final PythonVersion PY313 = new PythonVersion(3, 13);
    public static final PythonVersion PY314 = new PythonVersion(3, 14);
    public static final PythonVersion OLDEST = PY38;
    public static final PythonVersion LATEST = PY314;

    // Literal bounds: the constants above are built by this constructor, before OLDEST/LATEST exist.
    private static final int OLDEST_MINOR = 8;
    private static final int LATEST_MINOR = 14;

    public PythonVersion {
        if (major != 3 || minor < OLDEST_MINOR || minor > LATEST_MINOR) {
            throw new IllegalArgumentException("unsupported Python version " + major + "." + minor
                    + ": use one from 3." + OLDEST_MINOR + " to 3." + LATEST_MINOR);
        }
    }

    /** Parses {@code "3.11"}; throws IllegalArgumentException with a user-facing message otherwise. */
    public static PythonVersion parse(String text) {
        requireNonNull(text, "text is null");
        int dot = text.indexOf('.');
        try {
            if (dot > 0) {
                return new PythonVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("not a Python version: '" + text + "' (expected e.g. 3.11)");
    }

    public boolean atLeast(PythonVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(PythonVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
