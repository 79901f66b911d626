package io.codeanatomy.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** A JSON string literal, for one-line JSON summaries. */
final class JsonText {
    private JsonText() {
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
