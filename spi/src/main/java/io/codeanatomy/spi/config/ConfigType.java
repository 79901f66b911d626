package io.codeanatomy.spi.config;

import java.util.Locale;

/** The type of a config value; values arrive as text and are checked against it before a run starts. */
public enum ConfigType {
    STRING,
    BOOLEAN,
    INTEGER,
    LONG,
    DOUBLE;

    /**
     * Checks that {@code text} is a value of this type and returns it parsed ({@code String},
     * {@code Boolean}, {@code Integer}, {@code Long} or {@code Double}).
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public Object parse(String text) {
        try {
            return switch (this) {
                case STRING -> text;
                case BOOLEAN -> switch (text) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new NumberFormatException(text);
                };
                case INTEGER -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case DOUBLE -> Double.valueOf(text);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + article() + " " + name().toLowerCase(Locale.ROOT)
                    + (this == BOOLEAN ? " (true or false)" : ""));
        }
    }

    private String article() {
        return this == INTEGER ? "an" : "a";
    }
}
