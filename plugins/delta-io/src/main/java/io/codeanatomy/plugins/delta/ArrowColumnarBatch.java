package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A Kernel {@link ColumnarBatch} over the current contents of an Arrow {@link VectorSchemaRoot},
 * without copying.
 *
 * <p>The view is valid until the root is reloaded. Kernel's Parquet writer consumes a batch fully
 * before it asks the input iterator for the next one, so a producer may refill one root per batch.
 */
final class ArrowColumnarBatch implements ColumnarBatch {
    private final StructType schema;
    private final VectorSchemaRoot root;
    private final ColumnVector[] columns;
    private final int rowCount;

    ArrowColumnarBatch(StructType schema, VectorSchemaRoot root) {
        this.schema = requireNonNull(schema, "schema is null");
        this.root = requireNonNull(root, "root is null");
        List<FieldVector> vectors = root.getFieldVectors();
        if (vectors.size() != schema.length()) {
            throw new IllegalArgumentException(
                    "Batch has " + vectors.size() + " columns but the schema has " + schema.length());
        }
        this.rowCount = root.getRowCount();
        this.columns = new ColumnVector[vectors.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = ArrowColumnVector.of(vectors.get(i), schema.at(i).getDataType(), rowCount);
        }
    }

    /** The Arrow batch this view reads, for the columnar writer, which encodes the Arrow buffers directly. */
    VectorSchemaRoot root() {
        return root;
    }

    @Override
    public StructType getSchema() {
        return schema;
    }

    @Override
    public ColumnVector getColumnVector(int ordinal) {
        return columns[ordinal];
    }

    @Override
    public int getSize() {
        return rowCount;
    }
}
