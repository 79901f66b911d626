package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV with a header row, written by commons-csv: records end with LF as DuckDB and PostgreSQL print
 * them ({@code --csv-crlf} for RFC 4180's CR LF); fields are quoted only when they hold a comma,
 * quote or line break; NULL is an empty field (as is an empty string: JSON tells them apart).
 */
final class CsvPrinter implements RowPrinter {
    private final PrintWriter out;
    private final CSVPrinter csv;

    CsvPrinter(PrintWriter out, List<String> columns, boolean crlf) {
        this.out = requireNonNull(out, "out is null");
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setRecordSeparator(crlf ? "\r\n" : "\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .setNullString("")
                .get();
        try {
            csv = new CSVPrinter(out, format);
            csv.printRecord(columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(Object[] values) {
        try {
            for (Object value : values) {
                csv.print(CellText.of(value));
            }
            csv.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end() {
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
