package io.codeanatomy.api.expr;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDataType {
    @Test
    void nestedTypesAreStructurallyEqualAndCanonicallyPrinted() {
        DataType<Map<String, Object>> a = DataType.struct(new StructMember("bstart", DataType.INT64, false), StructMember.of("tags", DataType.list(DataType.STRING)));
        DataType<Map<String, Object>> b = DataType.struct(List.of(new StructMember("bstart", DataType.INT64, false), StructMember.of("tags", DataType.list(DataType.STRING))));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).isEqualTo("STRUCT<bstart INT64 NOT NULL, tags LIST<STRING>>");
        assertThat(a).isNotEqualTo(DataType.struct(StructMember.of("bstart", DataType.INT64), StructMember.of("tags", DataType.list(DataType.STRING))));
    }

    @Test
    void structMemberNamesAreUnique() {
        assertThatThrownBy(() -> DataType.struct(StructMember.of("a", DataType.INT64), StructMember.of("a", DataType.STRING)))
                .hasMessageContaining("'a'");
    }

    @Test
    void acceptsValuesOfItsJavaType() {
        assertThat(DataType.INT64.accepts(1L)).isTrue();
        assertThat(DataType.INT64.accepts(1)).isFalse();
        assertThat(DataType.list(DataType.STRING).accepts(List.of("a", "b"))).isTrue();
        assertThat(DataType.list(DataType.STRING).accepts(List.of(1))).isFalse();
        assertThat(DataType.forJavaClass(Long.class)).contains(DataType.INT64);
        assertThat(DataType.forJavaClass(Object.class)).isEmpty();
    }

    @Test
    void onlyListsHaveElementTypes() {
        assertThat(DataType.list(DataType.INT32).elementType()).isEqualTo(DataType.INT32);
        assertThatThrownBy(DataType.STRING::elementType).isInstanceOf(IllegalStateException.class);
    }
}
