package io.codeanatomy.spi.function;

/** The shape of function names, shared by scalar and aggregate contributions. */
final class FunctionNames {
    private FunctionNames() {}

    /** Names are lowercase identifiers, so that lookups never depend on case folding. */
    static void requireName(String name) {
        boolean valid = !name.isEmpty() && name.charAt(0) >= 'a' && name.charAt(0) <= 'z';
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (!valid) {
            throw new IllegalArgumentException("The function name '" + name + "' must be a lowercase identifier (a-z, 0-9, '_', starting with a letter).");
        }
    }
}
