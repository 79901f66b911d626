package io.codeanatomy.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --format text|json} of the commands that print a report for people ({@code plan},
 * {@code diff}, {@code ab}, {@code rules}): text, or the same information as one JSON document
 * ({@link JsonDocument}) for programs.
 */
final class TextOrJsonOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Prints text or json (one JSON document with the same information) (default: ${DEFAULT-VALUE}).")
    private String format;

    /** @throws UserError (exit 2) naming the value and the choices when {@code --format} is neither */
    boolean json() {
        return json(format);
    }

    /** As {@link #json()} for a command whose {@code --format} text|json option says more than this one's. */
    static boolean json(String format) {
        return switch (format) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new UserError("--format must be text or json, not '" + format + "'.", 2);
        };
    }
}
