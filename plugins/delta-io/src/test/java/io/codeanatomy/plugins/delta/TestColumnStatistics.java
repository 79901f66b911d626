package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.spi.arrow.ArrowContracts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A column marked to get no statistics has none in its Parquet footer nor in the Delta log; the others keep theirs. */
class TestColumnStatistics {
    @TempDir
    Path dir;

    @Test
    void aColumnMarkedNoneGetsNoStatisticsAndReadsTheSame() throws Exception {
        Schema schema = new Schema(List.of(
                Field.notNullable("id", new ArrowType.Int(64, true)),
                ArrowContracts.withoutStatistics(Field.notNullable("node_id", ArrowType.Utf8.INSTANCE)),
                Field.nullable("name", ArrowType.Utf8.INSTANCE)));
        Path table = dir.resolve("t");
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            BigIntVector id = (BigIntVector) root.getVector(0);
            VarCharVector nodeId = (VarCharVector) root.getVector(1);
            VarCharVector name = (VarCharVector) root.getVector(2);
            for (int i = 0; i < 100; i++) {
                id.setSafe(i, i);
                nodeId.setSafe(i, ("node:" + Integer.toHexString(i * 7919)).getBytes());
                name.setSafe(i, ("n" + i).getBytes());
            }
            root.setRowCount(100);
            new DeltaTableWriter(KernelEngine.create(Map.of())).create(table, schema, List.of(root).iterator());
        }

        JsonNode add = DeltaLog.actions(table, 0).stream().filter(a -> a.has("add")).findFirst().orElseThrow().get("add");
        JsonNode stats = new ObjectMapper().readTree(add.get("stats").asText());
        assertThat(stats.get("numRecords").asLong()).isEqualTo(100);
        assertThat(names(stats.get("minValues"))).containsExactly("id", "name");
        assertThat(names(stats.get("maxValues"))).containsExactly("id", "name");

        String file = table.resolve(add.get("path").asText()).toUri().toString();
        try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), new Configuration()))) {
            List<ColumnChunkMetaData> chunks = footer.getRowGroups().get(0).getColumns();
            assertThat(chunks.get(0).getStatistics().hasNonNullValue()).isTrue();
            assertThat(chunks.get(1).getStatistics().isEmpty()).isTrue();
            assertThat(chunks.get(2).getStatistics().hasNonNullValue()).isTrue();
        }
        try (TableFixture fixture = new TableFixture()) {
            List<Object[]> rows = fixture.readAll(table);
            assertThat(rows).hasSize(100);
            assertThat(rows.get(7)[1]).isEqualTo("node:" + Integer.toHexString(7 * 7919));
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
