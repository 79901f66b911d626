package io.codeanatomy.spi.version;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH}, with an optional {@code -qualifier} (e.g.
 * {@code -SNAPSHOT}). Missing parts read as zero ({@code 1.2} is {@code 1.2.0}). Versions compare by
 * their numbers only: a qualifier is kept for display but never decides compatibility, so a
 * {@code 0.2.0-SNAPSHOT} build of the spi satisfies a plugin asking for {@code [0.2,0.3)}.
 *
 * @param major incompatible changes
 * @param minor compatible additions
 * @param patch fixes
 * @param qualifier text after the first {@code -}, or empty
 */
public record Version(int major, int minor, int patch, String qualifier) implements Comparable<Version> {
    private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
            .thenComparingInt(Version::minor)
            .thenComparingInt(Version::patch);

    public Version {
        requireNonNull(qualifier, "qualifier is null");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
    }

    public static Version of(int major, int minor, int patch) {
        return new Version(major, minor, patch, "");
    }

    /**
     * Parses {@code 1}, {@code 1.2}, {@code 1.2.3} or any of them followed by {@code -qualifier}.
     *
     * @throws IllegalArgumentException naming the text when it is no such version
     */
    public static Version parse(String text) {
        requireNonNull(text, "text is null");
        int dash = text.indexOf('-');
        String numbers = dash < 0 ? text : text.substring(0, dash);
        String qualifier = dash < 0 ? "" : text.substring(dash + 1);
        String[] parts = numbers.split("\\.", -1);
        if (numbers.isEmpty() || parts.length > 3 || (dash >= 0 && qualifier.isEmpty())) {
            throw invalid(text);
        }
        int[] values = new int[3];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 9 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(text);
            }
            values[i] = Integer.parseInt(parts[i]);
        }
        return new Version(values[0], values[1], values[2], qualifier);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a version; use MAJOR.MINOR.PATCH with an optional -qualifier, e.g. 1.4.0.");
    }

    /** Compares the numbers only; see the class comment. */
    @Override
    public int compareTo(Version other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (qualifier.isEmpty() ? "" : "-" + qualifier);
    }
}
