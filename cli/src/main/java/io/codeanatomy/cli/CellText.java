package io.codeanatomy.cli;

import java.util.Arrays;
import java.util.List;

/** The text of one result value, as the CSV and table formats print it. */
final class CellText {
    private CellText() {
    }

    /** Arrays (SQL arrays, structs as Calcite hands them) print as {@code [a, b]}; null stays null. */
    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Object[] array) {
            return of(Arrays.asList(array));
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(list.get(i) == null ? "NULL" : of(list.get(i)));
            }
            return text.append(']').toString();
        }
        return value.toString();
    }
}
