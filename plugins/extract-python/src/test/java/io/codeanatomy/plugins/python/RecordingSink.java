package io.codeanatomy.plugins.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.spi.extract.BatchWriter;
import io.codeanatomy.spi.extract.ExtractionSink;
import io.codeanatomy.spi.extract.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.Text;

/**
 * An in-memory extraction sink for tests: copies every batch into rows (column name to value,
 * strings as String, lists as List of String), or only counts them, and checks each batch's
 * schema against its table.
 */
final class RecordingSink implements ExtractionSink, AutoCloseable {
    private final BufferAllocator allocator = new RootAllocator();
    private final Map<String, TableDefinition> tables = new TreeMap<>();
    private final Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
    private final Map<String, Integer> batches = new TreeMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private final boolean keepRows;

    RecordingSink(List<TableDefinition> definitions) {
        this(definitions, true);
    }

    /** A sink that only counts rows and batches, for inputs too large to hold as maps. */
    static RecordingSink counting(List<TableDefinition> definitions) {
        return new RecordingSink(definitions, false);
    }

    private RecordingSink(List<TableDefinition> definitions, boolean keepRows) {
        this.keepRows = keepRows;
        for (TableDefinition t : definitions) {
            tables.put(t.name(), t);
            rows.put(t.name(), new ArrayList<>());
            batches.put(t.name(), 0);
        }
    }

    @Override
    public BatchWriter writer(String table) {
        TableDefinition definition = tables.get(table);
        if (definition == null) {
            throw new IllegalArgumentException("undeclared table " + table);
        }
        return batch -> record(definition, batch);
    }

    private synchronized void record(TableDefinition definition, VectorSchemaRoot batch) {
        assertThat(batch.getSchema()).isEqualTo(definition.arrowSchema());
        batches.merge(definition.name(), 1, Integer::sum);
        counts.merge(definition.name(), (long) batch.getRowCount(), Long::sum);
        if (!keepRows) {
            return;
        }
        List<Map<String, Object>> out = rows.get(definition.name());
        for (int i = 0; i < batch.getRowCount(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldVector v : batch.getFieldVectors()) {
                row.put(v.getName(), plain(v.getObject(i)));
            }
            out.add(row);
        }
    }

    private static Object plain(Object value) {
        if (value instanceof Text t) {
            return t.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(plain(o));
            }
            return copy;
        }
        return value;
    }

    @Override
    public BufferAllocator allocator() {
        return allocator;
    }

    List<Map<String, Object>> rows(String table) {
        return rows.get(table);
    }

    Map<String, List<Map<String, Object>>> allRows() {
        return rows;
    }

    long count(String table) {
        return counts.getOrDefault(table, 0L);
    }

    int batches(String table) {
        return batches.get(table);
    }

    @Override
    public void close() {
        allocator.close();
    }
}
