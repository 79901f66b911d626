package io.codeanatomy.runtime.report;

import java.util.Locale;

/** Escaping, number formats and the heat colours of the report. */
final class Html {
    /** The colour of the hottest operator or fragment; the screenshot test looks for it. */
    static final String HOTTEST = "#d93025";

    private Html() {
    }

    /** {@code text} safe inside an element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An id usable in a URL fragment and as an XML id, derived from {@code name} one to one. */
    static String id(String prefix, String name) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-') {
                out.append(c);
            } else {
                out.append('.').append(Integer.toHexString(c)).append('.');
            }
        }
        return out.toString();
    }

    static String millis(long millis) {
        return millis >= 1_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : millis + " ms";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /**
     * The fill for something that took {@code share} (0 to 1) of the largest time: pale blue for
     * nothing, through amber, to {@link #HOTTEST} for the largest itself.
     */
    static String heat(double share, boolean hottest) {
        if (hottest) {
            return HOTTEST;
        }
        double s = Math.max(0, Math.min(1, share));
        // pale blue (232,240,254) -> amber (251,188,4) -> orange-red (234,100,60), never HOTTEST itself
        int r;
        int g;
        int b;
        if (s < 0.5) {
            double t = s / 0.5;
            r = (int) Math.round(232 + (251 - 232) * t);
            g = (int) Math.round(240 + (188 - 240) * t);
            b = (int) Math.round(254 + (4 - 254) * t);
        } else {
            double t = (s - 0.5) / 0.5;
            r = (int) Math.round(251 + (234 - 251) * t);
            g = (int) Math.round(188 + (100 - 188) * t);
            b = (int) Math.round(4 + (60 - 4) * t);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** Black or white, whichever reads on {@code fill}. */
    static String ink(String fill) {
        int r = Integer.parseInt(fill.substring(1, 3), 16);
        int g = Integer.parseInt(fill.substring(3, 5), 16);
        int b = Integer.parseInt(fill.substring(5, 7), 16);
        return 0.299 * r + 0.587 * g + 0.114 * b < 150 ? "#ffffff" : "#202124";
    }

    /** {@code text} cut to {@code max} characters with an ellipsis. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
