package io.codeanatomy.plugins.delta;

import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;

/** Describes, in a few words, the first way two table schemas differ. */
final class SchemaDifference {
    private SchemaDifference() {}

    /** A phrase such as {@code column 'score' is double in the table but long in the data}. */
    static String describe(StructType table, StructType data) {
        if (!table.fieldNames().equals(data.fieldNames())) {
            return "the table's columns are " + table.fieldNames() + " but the data's are " + data.fieldNames();
        }
        for (int i = 0; i < table.length(); i++) {
            StructField expected = table.at(i);
            StructField actual = data.at(i);
            String expectedText = describe(expected);
            String actualText = describe(actual);
            if (!expectedText.equals(actualText)) {
                return "column '" + expected.getName() + "' is " + expectedText + " in the table but "
                        + actualText + " in the data";
            }
        }
        return "the schemas are the same";
    }

    private static String describe(StructField field) {
        return SchemaFingerprint.typeJson(field.getDataType()).replace("\"", "")
                + (field.isNullable() ? "" : " NOT NULL");
    }
}
