package io.codeanatomy.plugins.python.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

class TestColumnBuffer {
    @Test
    void stringsNullsAndAsciiIdsReadBackFromTheVectorAsTheyWereAdded() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            values.add(switch (i % 5) {
                case 0 -> null;
                case 1 -> "py_name:" + Integer.toHexString(i * 7919);
                case 2 -> "";
                case 3 -> "λ_" + i + "_ünïcode_𝔘";
                default -> "x".repeat(i % 97);
            });
        }
        try (BufferAllocator allocator = new RootAllocator();
             VarCharVector vector = new VarCharVector("s", allocator)) {
            ColumnBuffer.Utf8 buffer = new ColumnBuffer.Utf8();
            // Two batches through one buffer: the second must not see the first's rows or nulls.
            for (int batch = 0; batch < 2; batch++) {
                List<String> expected = batch == 0 ? values : values.subList(1, 600);
                for (String value : expected) {
                    if (value == null) {
                        buffer.addNull();
                    } else if (value.startsWith("py_name:")) {
                        buffer.addAscii(value);
                    } else {
                        buffer.add(value.getBytes(StandardCharsets.UTF_8));
                    }
                }
                buffer.fill(vector);
                assertThat(vector.getValueCount()).isEqualTo(expected.size());
                List<String> actual = new ArrayList<>();
                for (int i = 0; i < vector.getValueCount(); i++) {
                    actual.add(vector.isNull(i) ? null : new String(vector.get(i), StandardCharsets.UTF_8));
                }
                assertThat(actual).isEqualTo(expected);
                assertThat(vector.getNullCount()).isEqualTo((int) expected.stream().filter(v -> v == null).count());
            }
        }
    }

    @Test
    void numbersBooleansAndListsReadBackFromTheVectorAsTheyWereAdded() {
        try (BufferAllocator allocator = new RootAllocator();
             IntVector ints = new IntVector("i", allocator);
             BigIntVector longs = new BigIntVector("l", allocator);
             BitVector bools = new BitVector("b", allocator);
             ListVector lists = ListVector.empty("list", allocator)) {
            lists.addOrGetVector(FieldType.notNullable(new ArrowType.Int(64, true)));
            ColumnBuffer.Numbers intBuffer = ColumnBuffer.Numbers.int32();
            ColumnBuffer.Numbers longBuffer = ColumnBuffer.Numbers.int64();
            ColumnBuffer.Bool boolBuffer = new ColumnBuffer.Bool();
            ColumnBuffer.Lists<ColumnBuffer.Numbers> listBuffer = new ColumnBuffer.Lists<>(ColumnBuffer.Numbers.int64());
            int rows = 1_037;
            for (int i = 0; i < rows; i++) {
                intBuffer.add(i * -31);
                longBuffer.add((long) i << 33);
                boolBuffer.add(i % 3 == 0);
                for (int e = 0; e < i % 4; e++) {
                    listBuffer.elements().add(i * 10L + e);
                }
                listBuffer.endRow();
            }
            intBuffer.fill(ints);
            longBuffer.fill(longs);
            boolBuffer.fill(bools);
            listBuffer.fill(lists);
            for (int i = 0; i < rows; i++) {
                assertThat(ints.get(i)).isEqualTo(i * -31);
                assertThat(longs.get(i)).isEqualTo((long) i << 33);
                assertThat(bools.get(i)).isEqualTo(i % 3 == 0 ? 1 : 0);
                List<Long> expected = new ArrayList<>();
                for (int e = 0; e < i % 4; e++) {
                    expected.add(i * 10L + e);
                }
                assertThat(lists.getObject(i)).isEqualTo(expected);
            }
            assertThat(ints.getNullCount()).isZero();
            assertThat(lists.getValueCount()).isEqualTo(rows);
        }
    }
}
