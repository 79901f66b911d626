package io.codeanatomy.plugins.python.facts;

import java.util.Comparator;

/** A row of one file's facts: its stable id and UTF-8 byte span in the decoded source. */
public interface Row {
    /** Rows of one table of one file are written in this order: by start, outer spans first, then by id. */
    Comparator<Row> SOURCE_ORDER = (a, b) -> {
        int c = Long.compare(a.bstart(), b.bstart());
        if (c == 0) {
            c = Long.compare(b.bend(), a.bend());
        }
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    String id();

    long bstart();

    long bend();
}
