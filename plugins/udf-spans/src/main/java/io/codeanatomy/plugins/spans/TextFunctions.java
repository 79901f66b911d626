package io.codeanatomy.plugins.spans;

/** Text scalar functions. A null argument gives null. */
public final class TextFunctions {
    private TextFunctions() {
    }

    /** {@code text_concat}: {@code a} followed by {@code b}. */
    public static String concat(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        return a + b;
    }
}
