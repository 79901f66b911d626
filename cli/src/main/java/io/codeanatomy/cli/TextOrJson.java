package io.codeanatomy.cli;

/** The {@code --format table|json} of the commands that print a listing. */
final class TextOrJson {
    private TextOrJson() {
    }

    /** @throws UserError (exit 2) for any other value */
    static boolean json(String format) {
        return switch (format) {
            case "table" -> false;
            case "json" -> true;
            default -> throw new UserError("--format must be table or json, not '" + format + "'.", 2);
        };
    }
}
