package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.spi.table.OpenedTable;
import io.codeanatomy.spi.write.VacuumResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TestDeltaVacuum {
    @TempDir
    Path dir;

    @RegisterExtension
    final TableFixture fixture = new TableFixture();

    @Test
    void keepsTheFilesOfKeptVersionsAndTheLatestAndDeletesTheRest() throws IOException {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 10, 4);
        fixture.overwrite(table, 10, 20, 4);
        fixture.overwrite(table, 20, 30, 4);
        Path orphan = table.resolve("never-committed.parquet");
        Files.copy(dataFiles(table).get(0), orphan);
        Path temporaryCommit = table.resolve("_delta_log/.00000000000000000003.json.0b7e.tmp");
        Files.writeString(temporaryCommit, "{");

        VacuumResult result = DeltaVacuum.vacuum(fixture.engine, table, new TreeSet<>(List.of(1L)));

        assertThat(result.filesDeleted()).as("version 0's file, the orphan, the temporary commit").isEqualTo(3);
        assertThat(orphan).doesNotExist();
        assertThat(temporaryCommit).doesNotExist();
        assertThat(dataFiles(table)).hasSize(2);
        assertThat(rows(DeltaTableReader.open(fixture.engine, table, 1))).isEqualTo(10);
        assertThat(rows(DeltaTableReader.open(fixture.engine, table))).isEqualTo(10);
        assertThat(table.resolve("_delta_log/00000000000000000000.json")).as("log entries stay").isRegularFile();
    }

    @Test
    void theProviderOpensTheVersionItIsAskedFor() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 10, 4);
        fixture.overwrite(table, 10, 15, 4);

        OpenedTable first = new DeltaTableProvider(fixture.engine).open(table, 0);

        assertThat(first.version()).isZero();
        assertThat(((DeltaCalciteTable) first.table()).reader().dataFiles(Optional.empty())).hasSize(1);
        assertThat(rows(((DeltaCalciteTable) first.table()).reader())).isEqualTo(10);
        assertThat(new DeltaTableProvider(fixture.engine).open(table).version()).isEqualTo(1);
    }

    private static List<Path> dataFiles(Path table) throws IOException {
        try (Stream<Path> files = Files.walk(table)) {
            return files.filter(f -> f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log")).sorted().toList();
        }
    }

    private static int rows(DeltaTableReader reader) {
        return TableFixture.read(reader, new int[] {0, 1}, Optional.empty()).size();
    }
}
