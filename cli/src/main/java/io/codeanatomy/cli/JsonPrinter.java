package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** A JSON array of objects, keys in column order, numbers and booleans as JSON values; streamed. */
final class JsonPrinter implements RowPrinter {
    private final List<String> columns;
    private final JsonGenerator json;

    JsonPrinter(PrintWriter out, List<String> columns) {
        this.columns = List.copyOf(columns);
        try {
            json = new JsonFactory().createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(Object[] values) {
        try {
            json.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                json.writeFieldName(columns.get(i));
                value(json, values[i]);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lists (SQL arrays) and rows (structs, as Calcite hands them: arrays) become JSON arrays. */
    static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                value(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Object[] array) {
            value(json, Arrays.asList(array));
        } else {
            json.writeString(value.toString());
        }
    }

    @Override
    public void end() {
        try {
            json.writeEndArray();
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
