package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.BinaryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestColumnValues {
    /** Binary values from a list (null: a null), as a page would give them. */
    private static final class ListedValues extends ColumnValues {
        private final Iterator<String> values;
        private byte[] next;

        ListedValues(List<String> values) {
            super(true);
            this.values = values.iterator();
        }

        @Override
        boolean nextIsNull() {
            String value = values.next();
            next = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            return value == null;
        }

        @Override
        int binaryLength() {
            return next.length;
        }

        @Override
        void copyBinary(byte[] into, int at) {
            System.arraycopy(next, 0, into, at, next.length);
        }

        @Override
        long readLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        int readInt() {
            throw new UnsupportedOperationException();
        }

        @Override
        boolean readBoolean() {
            throw new UnsupportedOperationException();
        }

        @Override
        double readDouble() {
            throw new UnsupportedOperationException();
        }
    }

    private static List<String> strings(ColumnVector vector) {
        List<String> strings = new ArrayList<>();
        for (int row = 0; row < vector.getSize(); row++) {
            strings.add(vector.isNullAt(row) ? null : new String(vector.getBinary(row), StandardCharsets.UTF_8));
        }
        return strings;
    }

    @Test
    void batchesOfShortThenLongThenEmptyValuesReadAsGiven() {
        // Each batch's array is sized from the one before: the second batch's values are ten times as long, the third's empty.
        List<String> shorter = Arrays.asList("a", "b", null, "c", "d", "e", "f", "g");
        List<String> longer = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            longer.add(i == 5 ? null : "PY_NAME:" + "0123456789abcdef".repeat(2 + i) + "é");
        }
        List<String> empty = Arrays.asList("", "", null, "");
        List<String> all = new ArrayList<>(shorter);
        all.addAll(longer);
        all.addAll(empty);
        ColumnValues values = new ListedValues(all);

        assertThat(strings(values.read(BinaryType.BINARY, shorter.size()))).containsExactlyElementsOf(shorter);
        assertThat(strings(values.read(BinaryType.BINARY, longer.size()))).containsExactlyElementsOf(longer);
        assertThat(strings(values.read(BinaryType.BINARY, empty.size()))).containsExactlyElementsOf(empty);
    }

    @Test
    void aBatchAfterOneOfLargeValuesStartsWithinBoundsAndReadsAsGiven() {
        // 8,192 rows of 300 KiB each before: sized from them alone, the next batch's array would pass 2 GiB.
        List<String> large = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            large.add(String.valueOf((char) ('a' + i)).repeat(300 * 1024));
        }
        List<String> all = new ArrayList<>(large);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 8_192; i++) {
            many.add(i % 1000 == 0 ? null : "v" + i);
        }
        all.addAll(many);
        ColumnValues values = new ListedValues(all);

        assertThat(strings(values.read(BinaryType.BINARY, large.size()))).containsExactlyElementsOf(large);
        assertThat(strings(values.read(BinaryType.BINARY, many.size()))).containsExactlyElementsOf(many);
    }
}
