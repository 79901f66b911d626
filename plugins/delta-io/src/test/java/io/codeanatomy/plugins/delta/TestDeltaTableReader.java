package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.spi.table.ScanCounts;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TestDeltaTableReader {
    @TempDir
    Path dir;

    @RegisterExtension
    final TableFixture fixture = new TableFixture();

    @Test
    void aTableWeWroteHasARealDeltaLogThatAFreshKernelEngineReads() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1_000, 300);

        assertThat(DeltaLog.commitFile(table, 0)).isRegularFile();
        assertThat(DeltaLog.actions(table, 0))
                .anySatisfy(action -> assertThat(action.has("protocol")).isTrue())
                .anySatisfy(action -> assertThat(action.has("metaData")).isTrue())
                .anySatisfy(action -> assertThat(action.has("add")).isTrue());
        DeltaTableReader fresh = DeltaTableReader.open(DefaultEngine.create(new Configuration()), table);
        assertThat(fresh.version()).isZero();
        List<Object[]> rows = TableFixture.read(fresh, new int[] {0, 1, 2, 3, 4, 5}, Optional.empty());
        rows.sort(SampleBatches.byFirstColumn());
        assertThat(rows).containsExactlyElementsOf(SampleBatches.expectedRows(0, 1_000));
    }

    @Test
    void filterSkipsFilesWhoseStatisticsExcludeIt() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1_000, 1_000);
        fixture.append(table, 1_000, 2_000, 1_000);
        fixture.append(table, 2_000, 3_000, 1_000);
        fixture.append(table, 3_000, 4_000, 1_000);
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);
        Predicate idAtLeast2500 = new Predicate(">=", new Column("id"), Literal.ofLong(2_500));

        List<String> all = reader.dataFiles(Optional.empty());
        List<String> kept = reader.dataFiles(Optional.of(idAtLeast2500));

        assertThat(all).hasSize(4);
        assertThat(kept).hasSize(2);
        List<Object[]> rows = TableFixture.read(reader, new int[] {0}, Optional.of(idAtLeast2500));
        assertThat(rows).hasSize(2_000).allSatisfy(row -> assertThat((Long) row[0]).isGreaterThanOrEqualTo(2_000));
    }

    @Test
    void filterOnAColumnThatIsNotReadStillSkips() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1_000, 1_000);
        fixture.append(table, 1_000, 2_000, 1_000);
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);
        Predicate idBelow10 = new Predicate("<", new Column("id"), Literal.ofLong(10));

        List<Object[]> rows = TableFixture.read(reader, new int[] {4, 1}, Optional.of(idBelow10));

        assertThat(rows).hasSize(1_000);
        assertThat(rows.get(0)).hasSize(2);
    }

    @Test
    void projectionReturnsColumnsInTheRequestedOrderWithRepeats() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 3, 3);
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);

        List<Object[]> rows = TableFixture.read(reader, new int[] {4, 0, 4}, Optional.empty());
        rows.sort((a, b) -> Long.compare((Long) a[1], (Long) b[1]));

        assertThat(rows).containsExactly(new Object[] {0, 0L, 0}, new Object[] {1, 1L, 1}, new Object[] {2, 2L, 2});
        assertThat(TableFixture.read(reader, new int[0], Optional.empty()))
                .hasSize(3)
                .allSatisfy(row -> assertThat(row).isEmpty());
    }

    @Test
    void aReaderKeepsItsSnapshotWhileTheTableMovesOn() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 10, 10);
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);

        fixture.append(table, 10, 20, 10);

        assertThat(reader.version()).isZero();
        assertThat(TableFixture.read(reader, new int[] {0}, Optional.empty())).hasSize(10);
        assertThat(DeltaTableReader.open(fixture.engine, table).version()).isEqualTo(1);
        assertThat(DeltaTableReader.open(fixture.engine, table, 0).dataFiles(Optional.empty())).hasSize(1);
    }

    @Test
    void schemaFingerprintIsTheSha256OfTheCanonicalSchema() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1, 1);
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);

        assertThat(reader.schemaFingerprint())
                .isEqualTo(SchemaFingerprint.sha256(ArrowSchemas.toKernel(SampleBatches.SCHEMA)))
                .hasSize(64);
        assertThat(reader.arrowSchema()).isEqualTo(SampleBatches.SCHEMA);
    }

    @Test
    void aDirectoryWithoutADeltaLogIsReportedInOneSentence() throws IOException {
        Path plain = Files.createDirectory(dir.resolve("plain"));

        assertThatThrownBy(() -> DeltaTableReader.open(fixture.engine, plain))
                .isInstanceOf(DeltaIoException.class)
                .hasMessage(plain + " is not a Delta table (it has no _delta_log directory);"
                        + " pass the directory of a Delta table.");
        assertThat(DeltaTableReader.isDeltaTable(plain)).isFalse();
    }

    @Test
    void aMissingDirectoryIsReportedWithItsPath() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> DeltaTableReader.open(fixture.engine, missing))
                .isInstanceOf(DeltaIoException.class)
                .hasMessage("Cannot open the Delta table at " + missing
                        + ": the directory does not exist; pass the directory of a Delta table.");
    }

    @Test
    void aVersionThatDoesNotExistIsReported() {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1, 1);

        assertThatThrownBy(() -> DeltaTableReader.open(fixture.engine, table, 7))
                .isInstanceOf(DeltaIoException.class)
                .hasMessageStartingWith("Cannot open the Delta table at " + table);
    }

    @Test
    void stringsComeBackAsWrittenAndARunOfOneValueIsOneString() {
        Path table = dir.resolve("t");
        Schema schema = new Schema(List.of(
                Field.notNullable("id", new ArrowType.Int(64, true)),
                Field.nullable("text", ArrowType.Utf8.INSTANCE)));
        List<String> texts = Arrays.asList("pkg/a.py", "pkg/a.py", "pkg/a.py", "", null, "café", "café", "名前", "😀 x", null,
                "pkg/a.py", "OK");
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, fixture.allocator)) {
            BigIntVector ids = (BigIntVector) root.getVector("id");
            VarCharVector strings = (VarCharVector) root.getVector("text");
            for (int i = 0; i < texts.size(); i++) {
                ids.setSafe(i, i);
                if (texts.get(i) == null) {
                    strings.setNull(i);
                } else {
                    strings.setSafe(i, texts.get(i).getBytes(StandardCharsets.UTF_8));
                }
            }
            root.setRowCount(texts.size());
            fixture.writer.create(table, schema, List.of(root).iterator());
        }
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);

        List<Object[]> rows = TableFixture.read(reader, new int[] {1, 0}, Optional.empty());
        List<Object[]> ok = TableFixture.read(reader, new int[] {1}, Optional.of(new Predicate("=", new Column("text"), Literal.ofString("OK"))));

        assertThat(rows).extracting(row -> (String) row[0]).containsExactlyElementsOf(texts);
        assertThat(rows.get(1)[0]).isSameAs(rows.get(0)[0]);
        assertThat(rows.get(2)[0]).isSameAs(rows.get(0)[0]);
        assertThat(rows.get(6)[0]).isSameAs(rows.get(5)[0]);
        assertThat(ok).extracting(row -> (String) row[0]).containsExactly("OK");

        // A read column equal to a text: only its rows come back, the others skipped before they are decoded.
        assertThat(TableFixture.read(reader, new int[] {1, 0}, Optional.of(new Predicate("=", new Column("text"), Literal.ofString("caf\u00e9")))))
                .extracting(row -> (Long) row[1]).containsExactly(5L, 6L);
        assertThat(TableFixture.read(reader, new int[] {0, 1}, Optional.of(new Predicate("=", new Column("text"), Literal.ofString("\u540d\u524d")))))
                .extracting(row -> (Long) row[0]).containsExactly(7L);
        Predicate firstPaths = new Predicate("AND", new Predicate("<", new Column("id"), Literal.ofLong(5)),
                new Predicate("=", new Column("text"), Literal.ofString("pkg/a.py")));
        assertThat(TableFixture.read(reader, new int[] {0, 1}, Optional.of(firstPaths)))
                .as("the equality among conjuncts; the other is the caller's to apply").extracting(row -> (Long) row[0])
                .containsExactly(0L, 1L, 2L, 10L);
        assertThat(TableFixture.read(reader, new int[] {1}, Optional.of(new Predicate("=", new Column("text"), Literal.ofString("pkg")))))
                .isEmpty();
        assertThat(TableFixture.read(reader, new int[] {1}, Optional.of(new Predicate("=", new Column("text"), Literal.ofString("")))))
                .as("an empty text is a value, a null is not").hasSize(1);
        // Not a read column: the rows of the files read all come back, as a filter's always did.
        assertThat(TableFixture.read(reader, new int[] {0}, Optional.of(new Predicate("=", new Column("text"), Literal.ofString("OK")))))
                .hasSize(texts.size());
    }

    @Test
    void rowGroupsAreSkippedInsideAFile() {
        TableFixture smallGroups = new TableFixture(KernelEngine.create(Map.of(KernelEngine.PARQUET_ROW_GROUP_SIZE, "1024")));
        try {
            Path table = dir.resolve("t");
            smallGroups.create(table, 0, 20_000, 1_000);
            DeltaTableReader reader = DeltaTableReader.open(smallGroups.engine, table);
            Predicate idBelow100 = new Predicate("<", new Column("id"), Literal.ofLong(100));

            List<Object[]> all = TableFixture.read(reader, new int[] {0}, Optional.empty());
            List<Object[]> pruned = TableFixture.read(reader, new int[] {0}, Optional.of(idBelow100));

            assertThat(reader.dataFiles(Optional.empty())).hasSize(1);
            assertThat(all).hasSize(20_000);
            assertThat(pruned).hasSizeLessThan(20_000).hasSizeGreaterThanOrEqualTo(100);
        } finally {
            smallGroups.close();
        }
    }

    @Test
    void theCountsOfATablesScansSayWhatItsStatisticsSkippedFilesAndRowGroups() {
        TableFixture smallGroups = new TableFixture(KernelEngine.create(Map.of(KernelEngine.PARQUET_ROW_GROUP_SIZE, "1024")));
        try {
            Path table = dir.resolve("t");
            smallGroups.create(table, 0, 20_000, 1_000);
            smallGroups.append(table, 20_000, 30_000, 1_000);
            smallGroups.append(table, 30_000, 40_000, 1_000);
            DeltaTableReader reader = DeltaTableReader.open(smallGroups.engine, table);
            ScanTally tally = new ScanTally();
            Predicate idBelow100 = new Predicate("<", new Column("id"), Literal.ofLong(100));

            List<Object[]> all = read(reader, Optional.empty(), tally);
            ScanCounts whole = tally.counts();
            List<Object[]> pruned = read(reader, Optional.of(idBelow100), tally);
            ScanCounts both = tally.counts();

            assertThat(all).hasSize(40_000);
            assertThat(pruned).hasSizeLessThan(20_000).hasSizeGreaterThanOrEqualTo(100);
            // Without a filter: every file and row group read, none skipped.
            assertThat(whole.scans()).isEqualTo(1);
            assertThat(whole.filesRead()).isEqualTo(3);
            assertThat(whole.filesSkipped()).isZero();
            assertThat(whole.rowGroupsRead()).isGreaterThan(3);
            assertThat(whole.rowGroupsSkipped()).isZero();
            // With it: the two appended files skipped by the log's statistics, row groups of the first by the file's.
            ScanCounts filtered = new ScanCounts(both.scans() - 1, both.filesRead() - 3, both.filesSkipped(),
                    both.rowGroupsRead() - whole.rowGroupsRead(), both.rowGroupsSkipped());
            assertThat(filtered.scans()).isEqualTo(1);
            assertThat(filtered.filesRead()).isEqualTo(1);
            assertThat(filtered.filesSkipped()).isEqualTo(2);
            assertThat(filtered.rowGroupsRead()).isPositive();
            assertThat(filtered.rowGroupsSkipped()).isPositive();
            assertThat(reader.dataFileCount()).isEqualTo(3);
        } finally {
            smallGroups.close();
        }
    }

    @Test
    void aScanStoppedEarlyCountsTheFilesItReadAndNoneSkipped() throws IOException {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1_000, 1_000);
        fixture.append(table, 1_000, 2_000, 1_000);
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);
        ScanTally tally = new ScanTally();

        try (CloseableIterator<Object[]> rows = reader.rows(new int[] {0}, Optional.of(new Predicate(">=", new Column("id"),
                Literal.ofLong(0))), tally)) {
            assertThat(rows.hasNext()).isTrue();
        }

        assertThat(tally.counts()).isEqualTo(new ScanCounts(1, 1, 0, 1, 0));
    }

    private static List<Object[]> read(DeltaTableReader reader, Optional<Predicate> filter, ScanTally tally) {
        List<Object[]> rows = new ArrayList<>();
        try (CloseableIterator<Object[]> iterator = reader.rows(new int[] {0}, filter, tally)) {
            iterator.forEachRemaining(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    @Test
    void aTruncatedDataFileIsAnIoFailureNamingTheTableAndTheFile() throws IOException {
        Path table = dir.resolve("t");
        fixture.create(table, 0, 1_000, 1_000);
        DeltaTableReader reader = DeltaTableReader.open(fixture.engine, table);
        String file = reader.dataFiles(Optional.empty()).get(0);
        Path data = table.resolve(file.substring(file.lastIndexOf('/') + 1));
        Files.write(data, Arrays.copyOf(Files.readAllBytes(data), (int) Files.size(data) / 2));

        assertThatThrownBy(() -> TableFixture.read(reader, new int[] {0}, Optional.empty()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read the data file " + data.getFileName() + " of the Delta table t at " + table.toAbsolutePath()
                        + " (the file ends too early: it is truncated)");
    }
}
