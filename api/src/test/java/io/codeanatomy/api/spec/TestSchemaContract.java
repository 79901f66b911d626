package io.codeanatomy.api.spec;

import io.codeanatomy.api.canonical.Sha256;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.StructMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSchemaContract {
    private static final SchemaContract NODES = SchemaContract.of(2,
            ColumnContract.required("node_id", DataType.STRING),
            ColumnContract.optional("loc", DataType.struct(new StructMember("bstart", DataType.INT64, false))));

    @Test
    void fingerprintIsTheSha256OfTheDocumentedCanonicalJson() {
        String expected = "{\"columns\":[{\"name\":\"node_id\",\"nullable\":false,\"type\":\"STRING\"},"
                + "{\"name\":\"loc\",\"nullable\":true,\"type\":\"STRUCT<bstart INT64 NOT NULL>\"}],\"version\":2}";
        assertThat(NODES.canonicalJson()).isEqualTo(expected);
        assertThat(NODES.fingerprint()).isEqualTo(Sha256.hex(expected));
    }

    @Test
    void fingerprintChangesWithOrderNullabilityTypeAndVersion() {
        String base = NODES.fingerprint();
        assertThat(SchemaContract.of(2, NODES.columns().get(1), NODES.columns().get(0)).fingerprint()).isNotEqualTo(base);
        assertThat(SchemaContract.of(2, ColumnContract.optional("node_id", DataType.STRING), NODES.columns().get(1)).fingerprint()).isNotEqualTo(base);
        assertThat(SchemaContract.of(2, ColumnContract.required("node_id", DataType.BINARY), NODES.columns().get(1)).fingerprint()).isNotEqualTo(base);
        assertThat(new SchemaContract(3, NODES.columns()).fingerprint()).isNotEqualTo(base);
        assertThat(new SchemaContract(2, NODES.columns()).fingerprint()).isEqualTo(base);
    }

    @Test
    void rejectsDuplicateColumnsAndBadVersions() {
        assertThatThrownBy(() -> SchemaContract.of(1, ColumnContract.required("a", DataType.STRING), ColumnContract.optional("a", DataType.INT64)))
                .hasMessageContaining("'a' is declared more than once");
        assertThatThrownBy(() -> SchemaContract.of(0, ColumnContract.required("a", DataType.STRING))).hasMessageContaining("starts at 1");
    }

    @Test
    void looksUpColumnsByName() {
        assertThat(NODES.column("loc")).map(ColumnContract::nullable).contains(true);
        assertThat(NODES.column("nope")).isEmpty();
        assertThat(NODES.columnNames()).containsExactly("node_id", "loc");
    }
}
