package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TestDeltaTableWriter {
    @TempDir
    Path dir;

    @RegisterExtension
    final TableFixture fixture = new TableFixture();

    @Test
    void threeBatchesReadBackAsTheSameRows() {
        Path table = dir.resolve("t");

        DeltaCommit commit = fixture.create(table, 0, 2_500, 1_000);

        assertThat(commit.version()).isZero();
        assertThat(commit.rowsWritten()).isEqualTo(2_500);
        assertThat(commit.filesAdded()).isEqualTo(1);
        assertThat(fixture.readAll(table)).containsExactlyElementsOf(SampleBatches.expectedRows(0, 2_500));
    }

    @Test
    void overwriteLeavesOnlyTheNewRowsAtVersionOne() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 100, 40);

        DeltaCommit commit = fixture.overwrite(table, 500, 530, 40);

        assertThat(commit.version()).isEqualTo(1);
        assertThat(commit.filesRemoved()).isEqualTo(1);
        assertThat(fixture.readAll(table)).containsExactlyElementsOf(SampleBatches.expectedRows(500, 530));
    }

    @Test
    void appendAddsRowsAtVersionTwo() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 10, 4);
        fixture.overwrite(table, 10, 20, 4);

        DeltaCommit commit = fixture.append(table, 20, 35, 4);

        assertThat(commit.version()).isEqualTo(2);
        assertThat(commit.filesRemoved()).isZero();
        assertThat(fixture.readAll(table)).containsExactlyElementsOf(SampleBatches.expectedRows(10, 35));
    }

    @Test
    void appendAndOverwriteCreateAMissingTable() {
        Path appended = dir.resolve("appended");
        Path overwritten = dir.resolve("overwritten");

        assertThat(fixture.append(appended, 0, 5, 5).version()).isZero();
        assertThat(fixture.overwrite(overwritten, 0, 5, 5).version()).isZero();
        assertThat(fixture.readAll(appended)).hasSize(5);
        assertThat(fixture.readAll(overwritten)).hasSize(5);
    }

    @Test
    void createWithNoBatchesMakesAnEmptyTable() {
        Path table = dir.resolve("t");

        DeltaCommit commit = fixture.writer.create(table, SampleBatches.SCHEMA, List.<VectorSchemaRoot>of().iterator());

        assertThat(commit.version()).isZero();
        assertThat(commit.rowsWritten()).isZero();
        assertThat(fixture.readAll(table)).isEmpty();
        assertThat(DeltaTableReader.open(fixture.engine, table).schema())
                .isEqualTo(ArrowSchemas.toKernel(SampleBatches.SCHEMA));
    }

    @Test
    void createOverAnExistingTableFailsAndNamesThePath() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 5, 5);

        assertThatThrownBy(() -> fixture.create(table, 5, 10, 5))
                .isInstanceOf(DeltaIoException.class)
                .hasMessageContaining(table.toString())
                .hasMessageContaining("already exists");
        assertThat(fixture.readAll(table)).hasSize(5);
    }

    @Test
    void appendWithAnotherSchemaFailsAndCommitsNothing() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 5, 5);
        List<String> filesBefore = TableFixture.parquetFiles(table);
        Schema other = new Schema(List.of(Field.notNullable("id", new ArrowType.Int(32, true))));

        assertThatThrownBy(() -> fixture.writer.append(table, other, List.<VectorSchemaRoot>of().iterator()))
                .isInstanceOf(DeltaIoException.class)
                .hasMessageStartingWith("Cannot append to the Delta table at " + table)
                .hasMessageContaining("[id, name, score, flag, count, payload]")
                .hasMessageContaining("[id]");
        assertThat(DeltaTableReader.open(fixture.engine, table).version()).isZero();
        assertThat(TableFixture.parquetFiles(table)).isEqualTo(filesBefore);
    }

    @Test
    void appendWithAnotherColumnTypeNamesTheColumn() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 5, 5);
        Schema other = new Schema(List.of(
                Field.notNullable("id", new ArrowType.Int(32, true)),
                SampleBatches.SCHEMA.getFields().get(1),
                SampleBatches.SCHEMA.getFields().get(2),
                SampleBatches.SCHEMA.getFields().get(3),
                SampleBatches.SCHEMA.getFields().get(4),
                SampleBatches.SCHEMA.getFields().get(5)));

        assertThatThrownBy(() -> fixture.writer.append(table, other, List.<VectorSchemaRoot>of().iterator()))
                .isInstanceOf(DeltaIoException.class)
                .hasMessageContaining("column 'id' is long NOT NULL in the table but integer NOT NULL in the data");
    }

    @Test
    void aBatchWithAnotherSchemaFailsTheWriteAndLeavesTheTableAsItWas() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 5, 5);
        List<String> filesBefore = TableFixture.parquetFiles(table);
        Schema narrow = new Schema(List.of(Field.notNullable("id", new ArrowType.Int(64, true))));
        try (VectorSchemaRoot wrong = VectorSchemaRoot.create(narrow, fixture.allocator)) {
            wrong.allocateNew();
            wrong.setRowCount(0);
            SampleBatches.fill(fixture.root, 100, 110);
            Iterator<VectorSchemaRoot> batches = List.of(fixture.root, wrong).iterator();

            assertThatThrownBy(() -> fixture.writer.append(table, SampleBatches.SCHEMA, batches))
                    .isInstanceOf(DeltaIoException.class)
                    .hasMessageContaining("Batch 2 written to " + table);
        }
        assertThat(DeltaTableReader.open(fixture.engine, table).version()).isZero();
        assertThat(fixture.readAll(table)).containsExactlyElementsOf(SampleBatches.expectedRows(0, 5));
        assertThat(TableFixture.parquetFiles(table)).isEqualTo(filesBefore);
    }

    @Test
    void overwriteWithAnotherSchemaReplacesTheTable() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 5, 5);
        Schema narrow = new Schema(List.of(Field.notNullable("id", new ArrowType.Int(64, true))));
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(narrow, fixture.allocator)) {
            batch.allocateNew();
            ((BigIntVector) batch.getVector(0)).setSafe(0, 42L);
            batch.setRowCount(1);

            DeltaCommit commit = fixture.writer.overwrite(table, narrow, List.of(batch).iterator());

            assertThat(commit.version()).isEqualTo(1);
        }
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);
        assertThat(reader.schema()).isEqualTo(ArrowSchemas.toKernel(narrow));
        assertThat(TableFixture.read(reader, new int[] {0}, Optional.empty()))
                .containsExactly(new Object[] {42L});
    }

    @Test
    void identicalInputWritesIdenticalParquetBytes() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        fixture.create(first, 0, 3_000, 700);
        fixture.create(second, 0, 3_000, 700);

        byte[] firstBytes = Files.readAllBytes(first.resolve(TableFixture.parquetFiles(first).get(0)));
        byte[] secondBytes = Files.readAllBytes(second.resolve(TableFixture.parquetFiles(second).get(0)));

        assertThat(firstBytes).isEqualTo(secondBytes);
    }

    @Test
    void aSmallTargetFileSizeRollsTheWriteIntoSeveralFiles() {
        TableFixture small = new TableFixture(KernelEngine.create(Map.of(KernelEngine.TARGET_FILE_SIZE, "4096", KernelEngine.FILE_ARROW_BYTES, "4096")));
        try {
            Path table = dir.resolve("t");

            DeltaCommit commit = small.create(table, 0, 20_000, 1_000);

            assertThat(commit.filesAdded()).isGreaterThan(3);
            assertThat(TableFixture.parquetFiles(table)).hasSize(commit.filesAdded());
            assertThat(small.readAll(table)).containsExactlyElementsOf(SampleBatches.expectedRows(0, 20_000));
        } finally {
            small.close();
        }
    }

    @Test
    void theCheckpointKernelAsksForIsWrittenBeforeTheWriteReturns() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1, 1);
        for (long version = 1; version <= 10; version++) {
            fixture.append(table, version, version + 1, 1);
        }

        assertThat(table.resolve("_delta_log").resolve(String.format("%020d.checkpoint.parquet", 10))).isRegularFile();
        assertThat(fixture.readAll(table)).containsExactlyElementsOf(SampleBatches.expectedRows(0, 11));
    }
}
