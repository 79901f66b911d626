package io.codeanatomy.spi.version;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A range of versions in the interval notation Maven and OSGi share: {@code [1.2,2)} is at least
 * 1.2 and below 2, {@code [1.2,]} or {@code [1.2,)} has no upper end, {@code [1.2.3]} is exactly
 * 1.2.3, and a bare version {@code 1.2} means at least 1.2 (OSGi's reading).
 *
 * @param lower the lowest version in or next to the range
 * @param lowerInclusive whether {@code lower} is in the range
 * @param upper the upper end, absent when unbounded
 * @param upperInclusive whether {@code upper} is in the range
 */
public record VersionRange(Version lower, boolean lowerInclusive, Optional<Version> upper, boolean upperInclusive) {
    public VersionRange {
        requireNonNull(lower, "lower is null");
        requireNonNull(upper, "upper is null");
        if (upper.isPresent()) {
            int order = lower.compareTo(upper.get());
            if (order > 0 || (order == 0 && !(lowerInclusive && upperInclusive))) {
                throw new IllegalArgumentException("the version range " + format(lower, lowerInclusive, upper, upperInclusive)
                        + " is empty; put the lower end first.");
            }
        }
    }

    /** Every version from {@code lower} on. */
    public static VersionRange atLeast(Version lower) {
        return new VersionRange(lower, true, Optional.empty(), false);
    }

    /**
     * The versions semver calls compatible with {@code version}: the same major version from it on,
     * or, below 1.0 where every minor release may break, the same minor version.
     */
    public static VersionRange compatibleWith(Version version) {
        Version base = Version.of(version.major(), version.minor(), version.patch());
        Version next = version.major() == 0 ? Version.of(0, version.minor() + 1, 0) : Version.of(version.major() + 1, 0, 0);
        return new VersionRange(base, true, Optional.of(next), false);
    }

    /**
     * Parses interval notation or a bare version; see the class comment.
     *
     * @throws IllegalArgumentException naming the text when it is no range
     */
    public static VersionRange parse(String text) {
        requireNonNull(text, "text is null");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw invalid(text);
        }
        char open = trimmed.charAt(0);
        if (open != '[' && open != '(') {
            return atLeast(parseVersion(trimmed, text));
        }
        char close = trimmed.charAt(trimmed.length() - 1);
        if (trimmed.length() < 3 || (close != ']' && close != ')')) {
            throw invalid(text);
        }
        String body = trimmed.substring(1, trimmed.length() - 1);
        int comma = body.indexOf(',');
        if (comma < 0) {
            if (open != '[' || close != ']') {
                throw invalid(text);
            }
            Version exact = parseVersion(body.strip(), text);
            return new VersionRange(exact, true, Optional.of(exact), true);
        }
        if (body.indexOf(',', comma + 1) >= 0) {
            throw invalid(text);
        }
        Version lower = parseVersion(body.substring(0, comma).strip(), text);
        String upperText = body.substring(comma + 1).strip();
        Optional<Version> upper = upperText.isEmpty() ? Optional.empty() : Optional.of(parseVersion(upperText, text));
        return new VersionRange(lower, open == '[', upper, close == ']' && upper.isPresent());
    }

    private static Version parseVersion(String version, String range) {
        try {
            return Version.parse(version);
        } catch (IllegalArgumentException e) {
            throw invalid(range);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a version range; use e.g. [1.2,2.0) or a bare lowest version such as 1.2.");
    }

    public boolean contains(Version version) {
        requireNonNull(version, "version is null");
        int fromLower = version.compareTo(lower);
        if (fromLower < 0 || (fromLower == 0 && !lowerInclusive)) {
            return false;
        }
        if (upper.isEmpty()) {
            return true;
        }
        int toUpper = version.compareTo(upper.get());
        return toUpper < 0 || (toUpper == 0 && upperInclusive);
    }

    @Override
    public String toString() {
        return format(lower, lowerInclusive, upper, upperInclusive);
    }

    private static String format(Version lower, boolean lowerInclusive, Optional<Version> upper, boolean upperInclusive) {
        if (upper.isPresent() && lowerInclusive && upperInclusive && lower.compareTo(upper.get()) == 0) {
            return "[" + lower + "]";
        }
        return (lowerInclusive ? "[" : "(") + lower + "," + upper.map(Version::toString).orElse("") + (upperInclusive ? "]" : ")");
    }
}
