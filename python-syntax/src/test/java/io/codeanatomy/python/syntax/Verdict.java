package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

/**
 * What one side of the differential test made of one file: the SHA-256 of the dump with
 * attributes, or a refusal with the stage where it happened ({@code read}, {@code parse} or
 * {@code dump}), the error's type and message, and its line and column when it has them (0 if not).
 */
public record Verdict(String sha256, String stage, String errorType, int line, int column, String message) {
    public Verdict {
        if (sha256 == null) {
            requireNonNull(stage, "stage is null");
            requireNonNull(errorType, "errorType is null");
            requireNonNull(message, "message is null");
        }
    }

    public static Verdict accepted(String sha256) {
        return new Verdict(requireNonNull(sha256, "sha256 is null"), null, null, 0, 0, null);
    }

    public static Verdict refused(String stage, String errorType, int line, int column, String message) {
        return new Verdict(null, stage, errorType, line, column, message);
    }

    public boolean refused() {
        return sha256 == null;
    }

    /** One line for a report: the hash prefix, or where and why the file was refused. */
    public String describe() {
        if (!refused()) {
            return "accepted (dump sha256 " + sha256.substring(0, 12) + ")";
        }
        return "refused at " + stage + ": " + errorType + ": " + message + (line > 0 ? " (line " + line + ", column " + column + ")" : "");
    }
}
