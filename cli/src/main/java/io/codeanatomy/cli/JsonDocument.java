package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * One JSON document on stdout, pretty-printed and ended with a line break, as a command's
 * {@code --format json} prints it. Keys come in the order the body writes them, so the same input
 * gives the same bytes.
 */
final class JsonDocument {
    /** Writes the document's one top-level value. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonDocument() {
    }

    static void print(PrintWriter out, Body body) {
        try {
            JsonGenerator json = new JsonFactory().createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
            body.write(json);
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
