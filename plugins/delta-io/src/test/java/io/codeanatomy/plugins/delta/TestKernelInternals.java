package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what {@link KernelInternals} does with Kernel's internal classes, so that a Kernel upgrade
 * that changes them fails here and not in a user's table.
 */
class TestKernelInternals {
    @TempDir
    Path dir;

    @RegisterExtension
    final TableFixture fixture =
            new TableFixture(KernelEngine.create(Map.of(KernelEngine.TARGET_FILE_SIZE, "4096", KernelEngine.FILE_ARROW_BYTES, "4096")));

    @Test
    void removeAllFilesNamesEveryLiveFileOnce() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 4_000, 1_000);
        fixture.append(table, 4_000, 5_000, 1_000);
        Snapshot snapshot = TableManager.loadSnapshot(table.toString()).build(fixture.engine);

        List<Row> removes = KernelInternals.removeAllFiles(fixture.engine, snapshot);

        List<String> live = Stream.concat(
                        DeltaLog.paths(table, 0, "add").stream(), DeltaLog.paths(table, 1, "add").stream())
                .sorted()
                .toList();
        assertThat(live).hasSizeGreaterThan(2);
        assertThat(removes).hasSize(live.size());
        assertThat(removes)
                .extracting(row -> row.getStruct(row.getSchema().indexOf("remove")))
                .extracting(remove -> remove.getString(remove.getSchema().indexOf("path")))
                .containsExactlyInAnyOrderElementsOf(live);
    }

    @Test
    void overwriteLogsARemoveForEveryOldFileAndReadsOnlyTheNewRows() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 4_000, 1_000);
        List<String> oldFiles = DeltaLog.paths(table, 0, "add");

        DeltaCommit commit = fixture.overwrite(table, 50_000, 50_100, 1_000);

        assertThat(commit.version()).isEqualTo(1);
        assertThat(commit.filesRemoved()).isEqualTo(oldFiles.size());
        assertThat(DeltaLog.paths(table, 1, "remove")).containsExactlyInAnyOrderElementsOf(oldFiles);
        assertThat(DeltaLog.paths(table, 1, "add")).hasSize(1).doesNotContainAnyElementsOf(oldFiles);
        for (JsonNode action : DeltaLog.actions(table, 1)) {
            if (action.has("remove")) {
                assertThat(action.get("remove").get("dataChange").asBoolean()).isTrue();
                assertThat(action.get("remove").get("size").asLong()).isPositive();
            }
        }
        assertThat(fixture.readAll(table)).containsExactlyElementsOf(SampleBatches.expectedRows(50_000, 50_100));
        assertThat(DeltaTableReader.open(fixture.engine, table, 0).dataFiles(Optional.empty()))
                .hasSize(oldFiles.size());
    }

    @Test
    void replaceTableRemovesEveryFileAndStartsANewTableId() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 4_000, 1_000);
        List<String> oldFiles = DeltaLog.paths(table, 0, "add");
        String tableId = metadataId(table, 0);

        Schema narrower = new Schema(SampleBatches.SCHEMA.getFields().subList(0, 2));

        fixture.writer.overwrite(table, narrower, List.<VectorSchemaRoot>of().iterator());

        assertThat(DeltaLog.paths(table, 1, "remove")).containsExactlyInAnyOrderElementsOf(oldFiles);
        assertThat(metadataId(table, 1)).isNotEqualTo(tableId);
        assertThat(fixture.readAll(table)).isEmpty();
    }

    @Test
    void onlyKernelInternalsUsesKernelInternalPackages() throws IOException {
        Path sources = Paths.get("src/main/java");
        List<Path> users;
        try (Stream<Path> files = Files.walk(sources)) {
            users = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> read(path).contains("io.delta.kernel.internal")
                            || read(path).contains("io.delta.kernel.defaults.internal"))
                    .map(path -> path.getFileName())
                    .toList();
        }
        assertThat(users).containsExactly(Paths.get("KernelInternals.java"));
    }

    private static String metadataId(Path table, long version) {
        for (JsonNode action : DeltaLog.actions(table, version)) {
            if (action.has("metaData")) {
                return action.get("metaData").get("id").asText();
            }
        }
        throw new AssertionError("No metaData action in version " + version);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
