package io.codeanatomy.plugins.delta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Deterministic sample rows in a six-column schema. Row {@code i} is fully determined by {@code i};
 * some rows hold nulls so that null handling is exercised.
 */
final class SampleBatches {
    static final Schema SCHEMA = new Schema(List.of(
            Field.notNullable("id", new ArrowType.Int(64, true)),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.nullable("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("flag", ArrowType.Bool.INSTANCE),
            Field.nullable("count", new ArrowType.Int(32, true)),
            Field.nullable("payload", ArrowType.Binary.INSTANCE)));

    private SampleBatches() {}

    /** Loads rows {@code [start, end)} into {@code root}, replacing what it held. */
    static void fill(VectorSchemaRoot root, long start, long end) {
        int n = Math.toIntExact(end - start);
        BigIntVector id = (BigIntVector) root.getVector("id");
        VarCharVector name = (VarCharVector) root.getVector("name");
        Float8Vector score = (Float8Vector) root.getVector("score");
        BitVector flag = (BitVector) root.getVector("flag");
        IntVector count = (IntVector) root.getVector("count");
        VarBinaryVector payload = (VarBinaryVector) root.getVector("payload");
        root.clear();
        root.allocateNew();
        for (int r = 0; r < n; r++) {
            long i = start + r;
            id.setSafe(r, i);
            if (i % 7 == 3) {
                name.setNull(r);
            } else {
                name.setSafe(r, name(i).getBytes(StandardCharsets.UTF_8));
            }
            score.setSafe(r, i * 0.5);
            flag.setSafe(r, i % 2 == 0 ? 1 : 0);
            count.setSafe(r, (int) (i % 1000));
            if (i % 5 == 4) {
                payload.setNull(r);
            } else {
                payload.setSafe(r, payload(i));
            }
        }
        root.setRowCount(n);
    }

    /** Row {@code i} as {@link DeltaTableReader#rows} returns it. */
    static Object[] expectedRow(long i) {
        return new Object[] {
            i,
            i % 7 == 3 ? null : name(i),
            i * 0.5,
            i % 2 == 0,
            (int) (i % 1000),
            i % 5 == 4 ? null : new ByteString(payload(i))
        };
    }

    static List<Object[]> expectedRows(long start, long end) {
        List<Object[]> rows = new ArrayList<>();
        for (long i = start; i < end; i++) {
            rows.add(expectedRow(i));
        }
        return rows;
    }

    /**
     * Batches of at most {@code batchSize} rows covering {@code [start, end)}, all loaded into the
     * one {@code root}: each call to {@code next()} overwrites the previous batch, as a streaming
     * producer does.
     */
    static Iterator<VectorSchemaRoot> batches(VectorSchemaRoot root, long start, long end, int batchSize) {
        return new Iterator<>() {
            private long position = start;

            @Override
            public boolean hasNext() {
                return position < end;
            }

            @Override
            public VectorSchemaRoot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long stop = Math.min(end, position + batchSize);
                fill(root, position, stop);
                position = stop;
                return root;
            }
        };
    }

    static Comparator<Object[]> byFirstColumn() {
        return Comparator.comparingLong(row -> (Long) row[0]);
    }

    private static String name(long i) {
        return "name-" + i + (i % 3 == 0 ? "-é" : "");
    }

    private static byte[] payload(long i) {
        return new byte[] {(byte) i, (byte) (i >> 8), (byte) 0xFF};
    }
}
