package io.codeanatomy.api.expr;

/** Identifier checks and quoting shared by the expression renderers. */
final class Names {
    private Names() {}

    /** Returns {@code name} as is when it is a plain identifier, else back-quoted with quotes doubled. */
    static String quote(String name) {
        if (isPlain(name)) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    static boolean isPlain(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean digit = c >= '0' && c <= '9';
            if (!(letter || (digit && i > 0))) {
                return false;
            }
        }
        return true;
    }

    static String requireName(String name, String what) {
        java.util.Objects.requireNonNull(name, what + " is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A " + what + " must not be blank.");
        }
        return name;
    }
}
