package io.codeanatomy.bench;

import io.codeanatomy.api.cpg.Murmur3x64;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A multiset of rows as 64-bit hashes of a canonical text of each row, so two engines' row sets can
 * be compared without holding either: equal multisets have equal sorted hashes. The canonical text
 * erases what differs between the engines' Java values but not between the rows: every integer type
 * is its decimal value, a list (Java {@link List}, array or JDBC {@link Array}) and a row (JDBC
 * {@link Struct}, or the arrays Calcite represents a row as) are their elements in order, and null
 * is a mark no text contains.
 */
final class RowHashes {
    private static final char NULL = '\u2400';
    private static final char FIELD = '\u001f';

    /** Up to this many rows keep their text, to show some of the rows two engines disagree on. */
    private static final int KEPT_TEXTS = 50_000;

    private final StringBuilder text = new StringBuilder();
    private final Map<Long, String> texts = new HashMap<>();
    private final long[] digest = new long[2];
    private long[] hashes = new long[1024];
    private int size;

    /** Adds one row: an {@code Object[]}, or the bare value of a one-column row. */
    void add(Object row) {
        text.setLength(0);
        if (row instanceof Object[] values) {
            for (Object value : values) {
                append(value);
                text.append(FIELD);
            }
        } else {
            append(row);
            text.append(FIELD);
        }
        String canonical = text.toString();
        byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
        Murmur3x64.hash128(bytes, bytes.length, digest);
        if (size < KEPT_TEXTS) {
            texts.put(digest[0], canonical);
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = digest[0];
    }

    long size() {
        return size;
    }

    /** The rows of this multiset that {@code other} lacks and those it has that this lacks, counted. */
    Difference compare(RowHashes other) {
        long[] mine = Arrays.copyOf(hashes, size);
        long[] theirs = Arrays.copyOf(other.hashes, other.size);
        Arrays.sort(mine);
        Arrays.sort(theirs);
        long onlyMine = 0;
        long onlyTheirs = 0;
        List<String> samples = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < mine.length || j < theirs.length) {
            if (j == theirs.length || i < mine.length && mine[i] < theirs[j]) {
                onlyMine++;
                sample(samples, "first: ", texts.get(mine[i]));
                i++;
            } else if (i == mine.length || theirs[j] < mine[i]) {
                onlyTheirs++;
                sample(samples, "second: ", other.texts.get(theirs[j]));
                j++;
            } else {
                i++;
                j++;
            }
        }
        return new Difference(onlyMine, onlyTheirs, List.copyOf(samples));
    }

    private static void sample(List<String> samples, String side, String text) {
        if (text != null && samples.size() < 6) {
            samples.add(side + text.replace(FIELD, '|'));
        }
    }

    private void append(Object value) {
        if (value == null) {
            text.append(NULL);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            text.append(value);
        } else if (value instanceof BigDecimal d) {
            text.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (value instanceof Float f) {
            text.append(f.doubleValue());
        } else if (value instanceof Object[] elements) {
            appendAll(Arrays.asList(elements));
        } else if (value instanceof List<?> elements) {
            appendAll(elements);
        } else if (value instanceof Array array) {
            appendAll(Arrays.asList(jdbc(() -> (Object[]) array.getArray())));
        } else if (value instanceof Struct struct) {
            appendAll(Arrays.asList(jdbc(struct::getAttributes)));
        } else {
            text.append(value);
        }
    }

    private void appendAll(List<?> elements) {
        text.append('[');
        for (Object element : elements) {
            append(element);
            text.append(FIELD);
        }
        text.append(']');
    }

    private interface JdbcValue {
        Object[] get() throws SQLException;
    }

    private static Object[] jdbc(JdbcValue value) {
        try {
            return value.get();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a DuckDB list or struct value: " + e.getMessage(), e);
        }
    }

    /**
     * How two multisets differ: the rows only the first has and those only the second has, with
     * repeats, and the text of a few of them (of small row sets only).
     */
    record Difference(long onlyFirst, long onlySecond, List<String> samples) {
        boolean none() {
            return onlyFirst == 0 && onlySecond == 0;
        }
    }
}
