package io.codeanatomy.spi.arrow;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.StructMember;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.spi.extract.TableDefinition;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestArrowContracts {
    private static final SchemaContract EDGES = SchemaContract.of(1,
            ColumnContract.required("src", DataType.STRING),
            ColumnContract.required("bstart", DataType.INT64),
            ColumnContract.optional("depth", DataType.INT32),
            ColumnContract.optional("score", DataType.FLOAT64),
            ColumnContract.optional("ok", DataType.BOOLEAN),
            ColumnContract.optional("raw", DataType.BINARY),
            ColumnContract.optional("edges", DataType.list(DataType.struct(new StructMember("dst", DataType.STRING, false),
                    StructMember.of("kind", DataType.STRING)))));

    @Test
    void contractsRoundTripThroughArrow() {
        Schema schema = ArrowContracts.toArrowSchema(EDGES);
        assertThat(ArrowContracts.toContract(schema, 1)).isEqualTo(EDGES);
        assertThat(schema.findField("bstart").getType()).isEqualTo(new ArrowType.Int(64, true));
        assertThat(schema.findField("bstart").isNullable()).isFalse();
        assertThat(schema.findField("edges").getChildren().get(0).getName()).isEqualTo(ArrowContracts.LIST_ELEMENT);
    }

    @Test
    void tableDefinitionsRejectASchemaThatDiffersFromTheContract() {
        Schema nullableSource = new Schema(List.of(Field.nullable("src", ArrowType.Utf8.INSTANCE)));
        SchemaContract contract = SchemaContract.of(1, ColumnContract.required("src", DataType.STRING));
        assertThatThrownBy(() -> new TableDefinition("py_edges", contract, nullableSource))
                .hasMessage("Column 1 of extraction table 'py_edges' is 'src STRING' in Arrow but 'src STRING NOT NULL' in the contract.");
        Schema extra = new Schema(List.of(Field.notNullable("src", ArrowType.Utf8.INSTANCE), Field.nullable("x", ArrowType.Utf8.INSTANCE)));
        assertThatThrownBy(() -> new TableDefinition("py_edges", contract, extra)).hasMessageContaining("undeclared column 'x'");
        assertThat(TableDefinition.of("py_edges", EDGES).arrowSchema()).isEqualTo(ArrowContracts.toArrowSchema(EDGES));
    }

    @Test
    void arrowTypesWithoutADataTypeAreNamed() {
        Field unsigned = new Field("u", FieldType.nullable(new ArrowType.Int(32, false)), null);
        assertThatThrownBy(() -> ArrowContracts.toDataType(unsigned)).hasMessageContaining("'u'").hasMessageContaining("no CodeAnatomy data type");
    }
}
