package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
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
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every supported Arrow type goes through Kernel's writer by the adapter and reads back equal. */
class TestArrowColumnVector {
    private static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("b", new ArrowType.Int(8, true)),
            Field.nullable("s", new ArrowType.Int(16, true)),
            Field.nullable("f", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
            Field.nullable("d", new ArrowType.Decimal(10, 2, 128)),
            Field.nullable("day", new ArrowType.Date(DateUnit.DAY)),
            Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
            Field.nullable("ntz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
            new Field("span", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                    Field.notNullable("bstart", new ArrowType.Int(32, true)),
                    Field.notNullable("bend", new ArrowType.Int(32, true)))),
            new Field("ids", FieldType.nullable(ArrowType.List.INSTANCE), List.of(
                    Field.nullable("element", new ArrowType.Int(64, true))))));
    private static final int ROWS = 5;

    @TempDir
    Path dir;

    private final TableFixture fixture = new TableFixture();
    private final VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, fixture.allocator);

    @AfterEach
    void close() {
        root.close();
        fixture.close();
    }

    @Test
    void aBatchViewReadsTheArrowValuesInPlace() {
        fill();
        StructType schema = ArrowSchemas.toKernel(SCHEMA);

        ColumnarBatch batch = new ArrowColumnarBatch(schema, root);

        assertThat(batch.getSize()).isEqualTo(ROWS);
        ColumnVector span = batch.getColumnVector(7);
        assertThat(span.isNullAt(2)).isTrue();
        assertThat(span.getChild(1).getInt(3)).isEqualTo(31);
        ColumnVector ids = batch.getColumnVector(8);
        assertThat(ids.getArray(4).getSize()).isEqualTo(4);
        assertThat(ids.getArray(4).getElements().getLong(3)).isEqualTo(43L);
        assertThat(ids.getArray(4).getElements().isNullAt(1)).isTrue();
        ((BigIntVector) ((ListVector) root.getVector("ids")).getDataVector()).set(0, -7L);
        assertThat(ids.getArray(1).getElements().getLong(0)).isEqualTo(-7L);
    }

    @Test
    void repeatedAndEqualLengthStringsReadAsTheirOwnValues() {
        String[] values = {"a/x.py", "a/x.py", "a/y.py", "b/x.py", null, "b/x.py", "", "", "é/x.py", "a/x.py"};
        try (VarCharVector strings = new VarCharVector("path", fixture.allocator);
                VarCharVector dense = new VarCharVector("id", fixture.allocator)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    strings.setNull(i);
                } else {
                    strings.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
                }
                dense.setSafe(i, ("id" + i % 3).getBytes(StandardCharsets.UTF_8));
            }
            strings.setValueCount(values.length);
            dense.setValueCount(values.length);

            ColumnVector view = ArrowColumnVector.of(strings, StringType.STRING, values.length);
            ColumnVector denseView = ArrowColumnVector.of(dense, StringType.STRING, values.length);

            for (int i = 0; i < values.length; i++) {
                assertThat(view.isNullAt(i)).as("row " + i).isEqualTo(values[i] == null);
                if (values[i] != null) {
                    assertThat(view.getString(i)).as("row " + i).isEqualTo(values[i]);
                }
                assertThat(denseView.isNullAt(i)).isFalse();
                assertThat(denseView.getString(i)).isEqualTo("id" + i % 3);
            }
        }
    }

    @Test
    void everySupportedTypeRoundTripsThroughATable() {
        fill();
        Path table = dir.resolve("t");

        fixture.writer.create(table, SCHEMA, List.of(root).iterator());

        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);
        assertThat(reader.arrowSchema()).isEqualTo(SCHEMA);
        List<Object[]> rows = TableFixture.read(reader, IntStream.range(0, 9).toArray(), Optional.empty());
        rows.sort((x, y) -> Byte.compare((Byte) x[0], (Byte) y[0]));
        List<Object[]> expected = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            expected.add(expectedRow(i));
        }
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void structFieldsAndArraysAreQueryableInCalcite() throws SQLException {
        fill();
        Path table = dir.resolve("t");
        fixture.writer.create(table, SCHEMA, List.of(root).iterator());
        Properties properties = new Properties();
        properties.setProperty("lex", "JAVA");

        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:calcite:", properties)) {
            connection.unwrap(CalciteConnection.class).getRootSchema()
                    .add("t", new DeltaCalciteTable(DeltaTableReader.open(fixture.engine, table)));
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(
                            "SELECT b, t.span.bend, CARDINALITY(ids) FROM t WHERE t.span.bstart > 0 ORDER BY b")) {
                while (result.next()) {
                    rows.add(result.getByte(1) + ":" + result.getInt(2) + ":" + result.getInt(3));
                }
            }
        }
        assertThat(rows).containsExactly("1:11:1", "3:31:3", "4:41:4");
    }

    private void fill() {
        root.allocateNew();
        TinyIntVector b = (TinyIntVector) root.getVector("b");
        SmallIntVector s = (SmallIntVector) root.getVector("s");
        Float4Vector f = (Float4Vector) root.getVector("f");
        DecimalVector d = (DecimalVector) root.getVector("d");
        DateDayVector day = (DateDayVector) root.getVector("day");
        TimeStampMicroTZVector ts = (TimeStampMicroTZVector) root.getVector("ts");
        TimeStampMicroVector ntz = (TimeStampMicroVector) root.getVector("ntz");
        StructVector span = (StructVector) root.getVector("span");
        IntVector bstart = (IntVector) span.getChild("bstart");
        IntVector bend = (IntVector) span.getChild("bend");
        ListVector ids = (ListVector) root.getVector("ids");
        BigIntVector elements = (BigIntVector) ids.getDataVector();
        int element = 0;
        for (int i = 0; i < ROWS; i++) {
            b.setSafe(i, i);
            s.setSafe(i, 1_000 * i);
            f.setSafe(i, i + 0.25f);
            d.setSafe(i, new BigDecimal(i + ".05"));
            day.setSafe(i, 19_000 + i);
            ts.setSafe(i, 1_700_000_000_000_000L + i * 1_000L);
            ntz.setSafe(i, 1_600_000_000_000_000L + i * 2_000L);
            if (i == 2) {
                span.setNull(i);
                bstart.setNull(i);
                bend.setNull(i);
                ids.setNull(i);
                continue;
            }
            span.setIndexDefined(i);
            bstart.setSafe(i, i);
            bend.setSafe(i, i * 10 + 1);
            ids.startNewValue(i);
            for (int k = 0; k < i; k++) {
                if (k == 1) {
                    elements.setNull(element);
                } else {
                    elements.setSafe(element, i * 10L + k);
                }
                element++;
            }
            ids.endValue(i, i);
        }
        elements.setValueCount(element);
        root.setRowCount(ROWS);
    }

    private static Object[] expectedRow(int i) {
        List<Object> list = new ArrayList<>();
        for (int k = 0; k < i; k++) {
            list.add(k == 1 ? null : i * 10L + k);
        }
        return new Object[] {
            (byte) i,
            (short) (1_000 * i),
            i + 0.25f,
            new BigDecimal(i + ".05"),
            19_000 + i,
            (1_700_000_000_000_000L + i * 1_000L) / 1_000,
            (1_600_000_000_000_000L + i * 2_000L) / 1_000,
            i == 2 ? null : new Object[] {i, i * 10 + 1},
            i == 2 ? null : Arrays.asList(list.toArray())
        };
    }
}
