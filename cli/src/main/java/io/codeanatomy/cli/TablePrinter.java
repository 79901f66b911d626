package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for a person reading; needs every row before printing. A cell never spans lines:
 * line breaks, tabs and other control characters print as escapes ({@code \n}, {@code \t},
 * {@code \u001b}). NULL prints as {@code NULL}, and a string that reads {@code NULL} is quoted
 * ({@code 'NULL'}), so the two never look alike.
 */
final class TablePrinter implements RowPrinter {
    static final String NULL = "NULL";

    private final PrintWriter out;
    private final List<String> columns;
    private final List<String[]> rows = new ArrayList<>();

    TablePrinter(PrintWriter out, List<String> columns) {
        this.out = requireNonNull(out, "out is null");
        this.columns = columns.stream().map(TablePrinter::escape).toList();
    }

    @Override
    public void row(Object[] values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        rows.add(cells);
    }

    @Override
    public void end() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(columns.get(i));
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        line(columns.toArray(String[]::new), widths);
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        line(rule, widths);
        rows.forEach(row -> line(row, widths));
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        out.flush();
    }

    static String cell(Object value) {
        if (value == null) {
            return NULL;
        }
        String text = escape(CellText.of(value));
        return text.equals(NULL) ? "'" + NULL + "'" : text;
    }

    /** Control characters as Java-style escapes, so that each row stays on one line. */
    static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** Columns count code points, so that non-ASCII text (one code point, one column) lines up. */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    private void line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(" | ");
            }
            line.append(cells[i]).append(" ".repeat(widths[i] - width(cells[i])));
        }
        out.println(line.toString().stripTrailing());
    }
}
