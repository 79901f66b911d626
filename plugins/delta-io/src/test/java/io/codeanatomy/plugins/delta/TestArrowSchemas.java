package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import java.util.List;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class TestArrowSchemas {
    @Test
    void namesOrderAndNullabilityCarryOverBothWays() {
        Schema arrow = new Schema(List.of(
                Field.notNullable("id", new ArrowType.Int(64, true)),
                Field.nullable("name", ArrowType.Utf8.INSTANCE),
                new Field("tags", FieldType.notNullable(ArrowType.List.INSTANCE),
                        List.of(Field.notNullable("element", new ArrowType.Int(32, true))))));

        StructType kernel = ArrowSchemas.toKernel(arrow);

        assertThat(kernel).isEqualTo(new StructType()
                .add("id", LongType.LONG, false)
                .add("name", StringType.STRING, true)
                .add("tags", new ArrayType(IntegerType.INTEGER, false), false));
        assertThat(ArrowSchemas.toArrow(kernel)).isEqualTo(arrow);
    }

    @Test
    void anUnsupportedTypeNamesTheColumnPath() {
        Schema arrow = new Schema(List.of(new Field("span", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(Field.nullable("start", new ArrowType.Int(32, false))))));

        assertThatThrownBy(() -> ArrowSchemas.toKernel(arrow))
                .isInstanceOf(DeltaIoException.class)
                .hasMessageStartingWith("Column 'span.start' has Arrow type Int(32, false), which the Delta writer does not support");
    }

    @Test
    void onlyMicrosecondTimestampsInUtcOrWithoutZoneAreAccepted() {
        Schema millis = new Schema(List.of(Field.nullable("at", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null))));
        Schema paris = new Schema(List.of(
                Field.nullable("at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris"))));

        assertThatThrownBy(() -> ArrowSchemas.toKernel(millis)).hasMessageContaining("Column 'at'");
        assertThatThrownBy(() -> ArrowSchemas.toKernel(paris)).hasMessageContaining("Column 'at'");
    }
}
