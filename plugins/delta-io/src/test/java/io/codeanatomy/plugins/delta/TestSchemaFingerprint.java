package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.FieldMetadata;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import org.junit.jupiter.api.Test;

class TestSchemaFingerprint {
    private static final StructType SCHEMA = new StructType()
            .add("id", LongType.LONG, false)
            .add("na\"me", StringType.STRING, true)
            .add("tags", new ArrayType(new DecimalType(10, 2), true), true)
            .add("span", new StructType().add("bstart", LongType.LONG, false), true);

    @Test
    void canonicalJsonHasSortedKeysAndNoWhitespace() {
        assertThat(SchemaFingerprint.canonicalJson(SCHEMA)).isEqualTo("{\"fields\":["
                + "{\"name\":\"id\",\"nullable\":false,\"type\":\"long\"},"
                + "{\"name\":\"na\\\"me\",\"nullable\":true,\"type\":\"string\"},"
                + "{\"name\":\"tags\",\"nullable\":true,\"type\":"
                + "{\"containsNull\":true,\"elementType\":\"decimal(10,2)\",\"type\":\"array\"}},"
                + "{\"name\":\"span\",\"nullable\":true,\"type\":{\"fields\":["
                + "{\"name\":\"bstart\",\"nullable\":false,\"type\":\"long\"}],\"type\":\"struct\"}}"
                + "],\"type\":\"struct\"}");
    }

    @Test
    void fieldMetadataDoesNotChangeTheFingerprint() {
        StructType withMetadata = new StructType()
                .add("id", LongType.LONG, false, FieldMetadata.builder().putString("comment", "key").build())
                .add(SCHEMA.at(1))
                .add(SCHEMA.at(2))
                .add(SCHEMA.at(3));

        assertThat(SchemaFingerprint.sha256(withMetadata)).isEqualTo(SchemaFingerprint.sha256(SCHEMA));
    }

    @Test
    void nullabilityOrderAndTypesChangeTheFingerprint() {
        StructType nullableId = new StructType().add("id", LongType.LONG, true).add(SCHEMA.at(1)).add(SCHEMA.at(2)).add(SCHEMA.at(3));
        StructType reordered = new StructType().add(SCHEMA.at(1)).add(SCHEMA.at(0)).add(SCHEMA.at(2)).add(SCHEMA.at(3));

        assertThat(SchemaFingerprint.sha256(SCHEMA))
                .hasSize(64)
                .isNotEqualTo(SchemaFingerprint.sha256(nullableId))
                .isNotEqualTo(SchemaFingerprint.sha256(reordered));
    }
}
