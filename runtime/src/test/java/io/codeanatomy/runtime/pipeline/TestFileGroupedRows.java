package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.exec.BatchLimits;
import io.codeanatomy.runtime.exec.RoutedBatches;
import io.codeanatomy.spi.write.GroupWrite;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.codeanatomy.spi.write.MaterializeResult;
import io.codeanatomy.spi.write.Materializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows gathered by group of source files are written group by group in the order they came, whether
 * they stayed in memory, were spilled to disk, or some of each; spill files do not outlive the
 * gathering.
 */
class TestFileGroupedRows {
    private static final Schema OUTPUT = new Schema(List.of(
            new Field("value", FieldType.notNullable(new ArrowType.Int(32, true)), null),
            new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    /** Paths before {@code m} are group 0, the others group 1; rows of no file go to group 2. */
    private static final SourceGroups GROUPS = new SourceGroups(List.of("", "m"));
    private static final List<String> PATHS = List.of("a.py", "n.py", CpgSpec.NO_FILE, "b/c.py", "z.py");

    private final BufferAllocator allocator = new RootAllocator();
    @TempDir
    Path temp;

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void spilledRowsAreWrittenAsHeldRowsWouldBe() throws IOException {
        List<List<String>> held = gatherAndWrite(Long.MAX_VALUE, temp.resolve("held"), 0);
        List<List<String>> spilled = gatherAndWrite(0, temp.resolve("spilled"), 1);

        assertThat(held).hasSize(GROUPS.size() + 1);
        assertThat(held.get(0)).as("group 0 holds the rows of a.py and b/c.py in the order they came").startsWith("0\tv0\ta.py", "3\tv3\tb/c.py");
        assertThat(held.get(2)).as("rows of no file are in the last group").startsWith("2\tv2\t");
        assertThat(spilled).isEqualTo(held);
    }

    @Test
    void rowsSpilledAndRowsStillHeldKeepTheirOrder() throws IOException {
        List<List<String>> held = gatherAndWrite(Long.MAX_VALUE, temp.resolve("held"), 0);
        // The first batches are large enough to be spilled; the last ones stay under the limit.
        List<List<String>> mixed = gatherAndWrite(200_000, temp.resolve("mixed"), 1);

        assertThat(mixed).isEqualTo(held);
    }

    @Test
    void closingWithoutWritingDeletesTheSpillFiles() {
        Path spill = temp.resolve("spill");
        try (FileGroupedRows rows = new FileGroupedRows(OUTPUT, allocator, GROUPS, spill, 0)) {
            rows.add(rows(12, 5), path -> true, "the test rows");
            assertThat(rows.spilledBatches()).isPositive();
            assertThat(files(spill)).isNotEmpty();
        }
        assertThat(files(spill)).isEmpty();
    }

    @Test
    void aRowOfAGroupThisBuildDoesNotWriteFailsAlsoWhenSpilled() {
        try (FileGroupedRows rows = new FileGroupedRows(OUTPUT, allocator, GROUPS, temp.resolve("spill"), 0)) {
            rows.add(rows(5, 1000), path -> true, "the test rows");
            List<GroupedTableChannel.PlannedGroup> onlyLast = List.of(new GroupedTableChannel.PlannedGroup(GROUPS.size(), List.of(),
                    new java.util.TreeSet<>()));
            assertThatThrownBy(() -> rows.write(new Recording(), temp.resolve("table"), onlyLast, false))
                    .hasMessageContaining("rows of group 0 of ").hasMessageContaining("which this build does not write");
        }
    }

    @Test
    void aWholeWriteReplacesEveryPlannedGroupWholeAndTheOthersKeepRowsOfOtherPaths() {
        assertThat(carries(true)).containsExactly(false, false, false);
        assertThat(carries(false)).as("the last group is replaced whole either way").containsExactly(true, true, false);
    }

    /** Per group, whether a write of every group ({@code whole} or not), each dropping a.py's rows, keeps rows of its replaced files. */
    private List<Boolean> carries(boolean whole) {
        try (FileGroupedRows rows = new FileGroupedRows(OUTPUT, allocator, GROUPS, temp.resolve("spill"), 1L << 20)) {
            rows.add(rows(5, 1000), path -> true, "the test rows");
            List<GroupedTableChannel.PlannedGroup> planned = new ArrayList<>();
            for (int group = 0; group <= GROUPS.size(); group++) {
                planned.add(new GroupedTableChannel.PlannedGroup(group, List.of("old-" + group), new java.util.TreeSet<>(List.of("a.py"))));
            }
            Recording recording = new Recording();
            rows.write(recording, temp.resolve("table"), planned, whole);
            return recording.carries;
        }
    }

    /**
     * Gathers 30,005 rows in batches of at most 4,000 rows per group (holding at most {@code holdBytes})
     * and writes them; the rows each group was handed, as tab-separated lines.
     */
    private List<List<String>> gatherAndWrite(long holdBytes, Path spill, int minSpilled) throws IOException {
        try (FileGroupedRows rows = new FileGroupedRows(OUTPUT, allocator, GROUPS, spill, holdBytes)) {
            rows.add(rows(30_005, 4_000), path -> true, "the test rows");
            assertThat(rows.spilledBatches()).as("batches spilled").isGreaterThanOrEqualTo(minSpilled);
            assertThat(rows.spilledBatches() > 0).isEqualTo(rows.spilledBytes() > 0);
            if (minSpilled == 0) {
                assertThat(rows.spilledBatches()).isZero();
            }
            Recording recording = new Recording();
            GroupedWriteResult result = rows.write(recording, temp.resolve("table"), List.of(), false);
            assertThat(result.rowsWritten()).isEqualTo(30_005);
            assertThat(files(spill)).as("spill files are deleted once written").isEmpty();
            return recording.groups;
        }
    }

    /**
     * {@code count} rows of the owned schema, routed in batches of at most {@code batchRows} rows:
     * row {@code i} has value {@code i}, name {@code v<i>} (null every 7th) and a path from {@link #PATHS}.
     */
    private static FileGroupedRows.Source rows(int count, int batchRows) {
        List<Object[]> rows = new ArrayList<>();
        for (int value = 0; value < count; value++) {
            rows.add(new Object[] {value, value % 7 == 6 ? null : "v" + value, PATHS.get(value % PATHS.size())});
        }
        return (into, routes, router, sink) -> RoutedBatches.route(Linq4j.enumerator(rows), OUTPUT, into,
                new BatchLimits(batchRows, Long.MAX_VALUE), routes, router, sink);
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Records each group's rows as "value, name, path of the row" lines; the path is read back from the row's value. */
    private static final class Recording implements Materializer {
        final List<List<String>> groups = new ArrayList<>();
        /** Per group written, whether it keeps rows of its replaced files. */
        final List<Boolean> carries = new ArrayList<>();

        @Override
        public String format() {
            return "recording";
        }

        @Override
        public MaterializeResult write(Path location, WriteMode mode, Schema schema, Iterator<VectorSchemaRoot> batches) {
            throw new UnsupportedOperationException("the test writes groups only");
        }

        @Override
        public GroupedWriteResult writeGroups(Path location, Schema schema, boolean replaceAll, String keyColumn, Iterator<GroupWrite> writes) {
            long rows = 0;
            List<List<String>> files = new ArrayList<>();
            while (writes.hasNext()) {
                List<String> lines = new ArrayList<>();
                GroupWrite write = writes.next();
                carries.add(write.carriesRows());
                Iterator<VectorSchemaRoot> batches = write.batches();
                while (batches.hasNext()) {
                    VectorSchemaRoot batch = batches.next();
                    IntVector values = (IntVector) batch.getVector(0);
                    VarCharVector names = (VarCharVector) batch.getVector(1);
                    for (int row = 0; row < batch.getRowCount(); row++) {
                        String name = names.isNull(row) ? "null" : new String(names.get(row), StandardCharsets.UTF_8);
                        lines.add(values.get(row) + "\t" + name + "\t" + PATHS.get(values.get(row) % PATHS.size()));
                    }
                    rows += batch.getRowCount();
                }
                groups.add(lines);
                files.add(List.of());
            }
            return new GroupedWriteResult(1, rows, 0, 0, files);
        }
    }
}
