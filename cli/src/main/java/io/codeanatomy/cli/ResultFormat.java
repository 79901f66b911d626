package io.codeanatomy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** How {@code query} and the shell print a result: aligned for people, CSV and JSON for programs. */
enum ResultFormat {
    TABLE, CSV, JSON;

    /** @throws UserError (exit 2) naming the value and the choices when {@code value} is none of them */
    static ResultFormat parse(String value) {
        for (ResultFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(value)) {
                return format;
            }
        }
        throw new UserError("--format must be table, csv or json, not '" + value + "'.", 2);
    }

    /** @param crlf CSV records end with CR LF (RFC 4180) instead of LF */
    RowPrinter printer(PrintWriter out, List<String> columns, boolean crlf) {
        return switch (this) {
            case TABLE -> new TablePrinter(out, columns);
            case CSV -> new CsvPrinter(out, columns, crlf);
            case JSON -> new JsonPrinter(out, columns);
        };
    }
}
