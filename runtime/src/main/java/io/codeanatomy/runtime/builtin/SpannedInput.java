package io.codeanatomy.runtime.builtin;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SchemaContract;
import java.util.ArrayList;
import java.util.List;

/** The input contract of an extraction table, whose rows all start with {@code file_id, path, bstart, bend}. */
final class SpannedInput {
    private SpannedInput() {
    }

    /** {@code table} with its span columns and {@code columns}. */
    static InputRelation of(String table, ColumnContract... columns) {
        List<ColumnContract> all = new ArrayList<>(List.of(
                ColumnContract.required("file_id", DataType.STRING),
                ColumnContract.required("path", DataType.STRING),
                ColumnContract.required("bstart", DataType.INT64),
                ColumnContract.required("bend", DataType.INT64)));
        all.addAll(List.of(columns));
        return new InputRelation(table, new SchemaContract(1, all));
    }
}
