package io.codeanatomy.plugins.delta;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Pseudo-random batches of every column type the Delta writer supports, nested ones included as
 * the CPG tables use them (lists of strings, of integers, of structs; a struct holding a list),
 * with nulls at every level, empty lists, empty and non-ASCII strings, NaN and negative zero. Each
 * batch is fully determined by its seed.
 */
final class AllTypesBatches {
    static final Schema SCHEMA = new Schema(List.of(
            Field.notNullable("id", new ArrowType.Int(64, true)),
            Field.nullable("b", new ArrowType.Int(8, true)),
            Field.nullable("s", new ArrowType.Int(16, true)),
            Field.nullable("i", new ArrowType.Int(32, true)),
            Field.nullable("l", new ArrowType.Int(64, true)),
            Field.nullable("f", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
            Field.nullable("d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("flag", ArrowType.Bool.INSTANCE),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.notNullable("path", ArrowType.Utf8.INSTANCE),
            Field.nullable("blob", ArrowType.Binary.INSTANCE),
            Field.nullable("dec5", new ArrowType.Decimal(5, 2, 128)),
            Field.nullable("dec15", new ArrowType.Decimal(15, 3, 128)),
            Field.nullable("dec25", new ArrowType.Decimal(25, 4, 128)),
            Field.nullable("day", new ArrowType.Date(DateUnit.DAY)),
            Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
            Field.nullable("ntz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
            new Field("span", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                    Field.notNullable("bstart", new ArrowType.Int(32, true)),
                    Field.nullable("bend", new ArrowType.Int(32, true)))),
            new Field("names", FieldType.nullable(ArrowType.List.INSTANCE), List.of(
                    Field.nullable("element", ArrowType.Utf8.INSTANCE))),
            new Field("ids", FieldType.notNullable(ArrowType.List.INSTANCE), List.of(
                    Field.notNullable("element", new ArrowType.Int(64, true)))),
            new Field("edges", FieldType.nullable(ArrowType.List.INSTANCE), List.of(
                    new Field("element", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                            Field.notNullable("dst", ArrowType.Utf8.INSTANCE),
                            Field.nullable("kind", ArrowType.Utf8.INSTANCE),
                            Field.nullable("weight", new ArrowType.Int(64, true)))))),
            new Field("scope", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                    new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE), List.of(
                            Field.nullable("element", ArrowType.Utf8.INSTANCE))),
                    new Field("inner", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                            Field.nullable("x", new ArrowType.Int(32, true))))))));

    private static final String[] WORDS = {"", "a", "def", "é", "名前", "module.Class.method", "x/y/z.py", "\u0000nul"};

    /** Seeds and sizes of the batches {@link #batches} gives: a one-row batch between two larger ones. */
    private static final long[] SEEDS = {11, 12, 13};
    private static final int[] SIZES = {1_700, 1, 2_300};

    private AllTypesBatches() {}

    /** Three batches of 1,700, 1 and 2,300 rows with ids from 0, each loaded into {@code root} when asked for. */
    static Iterator<VectorSchemaRoot> batches(VectorSchemaRoot root) {
        return new Iterator<>() {
            private int next;
            private long firstId;

            @Override
            public boolean hasNext() {
                return next < SEEDS.length;
            }

            @Override
            public VectorSchemaRoot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                fill(root, SEEDS[next], firstId, SIZES[next]);
                firstId += SIZES[next];
                next++;
                return root;
            }
        };
    }

    /** Loads {@code rows} rows generated from {@code seed} into {@code root}, ids from {@code firstId}. */
    static void fill(VectorSchemaRoot root, long seed, long firstId, int rows) {
        Random random = new Random(seed);
        root.clear();
        root.allocateNew();
        for (int row = 0; row < rows; row++) {
            ((BigIntVector) root.getVector("id")).setSafe(row, firstId + row);
            TinyIntVector b = (TinyIntVector) root.getVector("b");
            if (nulled(random, b, row)) {
                b.setSafe(row, (byte) random.nextInt());
            }
            SmallIntVector s = (SmallIntVector) root.getVector("s");
            if (nulled(random, s, row)) {
                s.setSafe(row, (short) random.nextInt());
            }
            IntVector i = (IntVector) root.getVector("i");
            if (nulled(random, i, row)) {
                i.setSafe(row, random.nextInt());
            }
            BigIntVector l = (BigIntVector) root.getVector("l");
            if (nulled(random, l, row)) {
                l.setSafe(row, random.nextLong());
            }
            Float4Vector f = (Float4Vector) root.getVector("f");
            if (nulled(random, f, row)) {
                f.setSafe(row, switch (random.nextInt(10)) {
                    case 0 -> Float.NaN;
                    case 1 -> -0.0f;
                    default -> random.nextFloat() * 1000 - 500;
                });
            }
            Float8Vector d = (Float8Vector) root.getVector("d");
            if (nulled(random, d, row)) {
                d.setSafe(row, random.nextInt(10) == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian());
            }
            BitVector flag = (BitVector) root.getVector("flag");
            if (nulled(random, flag, row)) {
                flag.setSafe(row, random.nextBoolean() ? 1 : 0);
            }
            VarCharVector name = (VarCharVector) root.getVector("name");
            if (nulled(random, name, row)) {
                name.setSafe(row, utf8(word(random) + random.nextInt(100)));
            }
            ((VarCharVector) root.getVector("path")).setSafe(row, utf8("pkg/" + word(random) + "/m" + row % 17 + ".py"));
            VarBinaryVector blob = (VarBinaryVector) root.getVector("blob");
            if (nulled(random, blob, row)) {
                byte[] bytes = new byte[random.nextInt(6)];
                random.nextBytes(bytes);
                blob.setSafe(row, bytes);
            }
            decimal(random, (DecimalVector) root.getVector("dec5"), row, 5, 2);
            decimal(random, (DecimalVector) root.getVector("dec15"), row, 15, 3);
            decimal(random, (DecimalVector) root.getVector("dec25"), row, 25, 4);
            DateDayVector day = (DateDayVector) root.getVector("day");
            if (nulled(random, day, row)) {
                day.setSafe(row, random.nextInt(40_000) - 10_000);
            }
            TimeStampMicroTZVector ts = (TimeStampMicroTZVector) root.getVector("ts");
            if (nulled(random, ts, row)) {
                ts.setSafe(row, random.nextLong() >> 12);
            }
            TimeStampMicroVector ntz = (TimeStampMicroVector) root.getVector("ntz");
            if (nulled(random, ntz, row)) {
                ntz.setSafe(row, random.nextLong() >> 12);
            }
            span(random, (StructVector) root.getVector("span"), row);
            names(random, (ListVector) root.getVector("names"), row);
            ids(random, (ListVector) root.getVector("ids"), row);
            edges(random, (ListVector) root.getVector("edges"), row);
            scope(random, (StructVector) root.getVector("scope"), row);
        }
        root.setRowCount(rows);
    }

    /** Sets a null one time in six and returns false; otherwise returns true for the caller to set a value. */
    private static boolean nulled(Random random, org.apache.arrow.vector.BaseFixedWidthVector vector, int row) {
        if (random.nextInt(6) == 0) {
            vector.setNull(row);
            return false;
        }
        return true;
    }

    private static boolean nulled(Random random, org.apache.arrow.vector.BaseVariableWidthVector vector, int row) {
        if (random.nextInt(6) == 0) {
            vector.setNull(row);
            return false;
        }
        return true;
    }

    private static void decimal(Random random, DecimalVector vector, int row, int precision, int scale) {
        if (nulled(random, vector, row)) {
            BigInteger unscaled = new BigInteger(precision * 3, random).mod(BigInteger.TEN.pow(precision));
            vector.setSafe(row, new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale));
        }
    }

    private static void span(Random random, StructVector span, int row) {
        if (random.nextInt(5) == 0) {
            span.setNull(row);
            return;
        }
        span.setIndexDefined(row);
        ((IntVector) span.getChild("bstart")).setSafe(row, random.nextInt(10_000));
        IntVector bend = (IntVector) span.getChild("bend");
        if (nulled(random, bend, row)) {
            bend.setSafe(row, random.nextInt(10_000));
        }
    }

    private static void names(Random random, ListVector names, int row) {
        if (random.nextInt(5) == 0) {
            names.setNull(row);
            return;
        }
        VarCharVector elements = (VarCharVector) names.getDataVector();
        int start = names.startNewValue(row);
        int count = random.nextInt(4);
        for (int k = 0; k < count; k++) {
            if (nulled(random, elements, start + k)) {
                elements.setSafe(start + k, utf8(word(random)));
            }
        }
        names.endValue(row, count);
    }

    private static void ids(Random random, ListVector ids, int row) {
        BigIntVector elements = (BigIntVector) ids.getDataVector();
        int start = ids.startNewValue(row);
        int count = random.nextInt(5);
        for (int k = 0; k < count; k++) {
            elements.setSafe(start + k, random.nextLong());
        }
        ids.endValue(row, count);
    }

    private static void edges(Random random, ListVector edges, int row) {
        if (random.nextInt(7) == 0) {
            edges.setNull(row);
            return;
        }
        StructVector elements = (StructVector) edges.getDataVector();
        int start = edges.startNewValue(row);
        int count = random.nextInt(4);
        for (int k = 0; k < count; k++) {
            int at = start + k;
            if (random.nextInt(8) == 0) {
                elements.setNull(at);
                continue;
            }
            elements.setIndexDefined(at);
            ((VarCharVector) elements.getChild("dst")).setSafe(at, utf8("n" + random.nextInt(1000)));
            VarCharVector kind = (VarCharVector) elements.getChild("kind");
            if (nulled(random, kind, at)) {
                kind.setSafe(at, utf8(word(random)));
            }
            BigIntVector weight = (BigIntVector) elements.getChild("weight");
            if (nulled(random, weight, at)) {
                weight.setSafe(at, random.nextInt(100));
            }
        }
        edges.endValue(row, count);
    }

    private static void scope(Random random, StructVector scope, int row) {
        if (random.nextInt(6) == 0) {
            scope.setNull(row);
            return;
        }
        scope.setIndexDefined(row);
        names(random, (ListVector) scope.getChild("tags"), row);
        StructVector inner = (StructVector) scope.getChild("inner");
        if (random.nextInt(4) == 0) {
            inner.setNull(row);
            return;
        }
        inner.setIndexDefined(row);
        IntVector x = (IntVector) inner.getChild("x");
        if (nulled(random, x, row)) {
            x.setSafe(row, random.nextInt());
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
