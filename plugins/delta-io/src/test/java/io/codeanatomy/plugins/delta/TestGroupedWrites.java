package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.spi.write.GroupWrite;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.codeanatomy.spi.write.TableChanges;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DeltaTableWriter#writeGroups}: each group gets data files of its own, and replacing a
 * group removes exactly its files and carries the rows it keeps, of every type, into the new ones.
 */
class TestGroupedWrites {
    private static final int ROWS = 300;

    @TempDir
    Path dir;

    private final KernelEngine engine = KernelEngine.create();
    private final DeltaTableWriter writer = new DeltaTableWriter(engine);
    private final BufferAllocator allocator = new RootAllocator();
    private final List<VectorSchemaRoot> roots = new ArrayList<>();

    @AfterEach
    void close() {
        roots.forEach(VectorSchemaRoot::close);
        allocator.close();
    }

    @Test
    void eachGroupGetsDataFilesOfItsOwn() {
        Path table = dir.resolve("t");

        GroupedWriteResult result = writer.writeGroups(table, AllTypesBatches.SCHEMA, true, "path", groups(0, 1, 2));

        assertThat(result.files()).hasSize(3).allSatisfy(files -> assertThat(files).hasSize(1));
        assertThat(result.rowsWritten()).isEqualTo(3 * ROWS);
        assertThat(new TreeSet<>(DeltaLog.paths(table, 0, "add"))).isEqualTo(all(result.files()));
        for (int g = 0; g < 3; g++) {
            int group = g;
            assertThat(ids(table)).filteredOn(id -> id / 1000 == group).hasSize(ROWS);
        }
    }

    @Test
    void replacingAGroupRemovesOnlyItsFilesAndCarriesTheRowsItKeeps() {
        Path table = dir.resolve("t");
        GroupedWriteResult first = writer.writeGroups(table, AllTypesBatches.SCHEMA, true, "path", groups(0, 1, 2));
        List<Object[]> before = rows(table);
        SortedSet<String> dropped = new TreeSet<>();
        for (Object[] row : before) {
            if ((Long) row[0] / 1000 == 1 && (Long) row[0] % 3 == 0) {
                dropped.add((String) row[9]);
            }
        }
        List<String> replaced = first.files().get(1);

        GroupedWriteResult second = writer.writeGroups(table, AllTypesBatches.SCHEMA, false, "path",
                List.of(new GroupWrite(replaced, dropped, batch(7, 1_500))).iterator());

        assertThat(second.tableVersion()).isEqualTo(1);
        assertThat(new TreeSet<>(DeltaLog.paths(table, 1, "remove"))).isEqualTo(new TreeSet<>(replaced));
        assertThat(new TreeSet<>(DeltaLog.paths(table, 1, "add"))).isEqualTo(all(second.files()));
        List<String> expected = new ArrayList<>();
        for (Object[] row : before) {
            if ((Long) row[0] / 1000 != 1 || !dropped.contains((String) row[9])) {
                expected.add(render(row));
            }
        }
        Path fresh = dir.resolve("new-rows");
        writer.create(fresh, AllTypesBatches.SCHEMA, batch(7, 1_500));
        rows(fresh).forEach(row -> expected.add(render(row)));
        assertThat(strings(rows(table))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(second.rowsCarried() + second.rowsDropped()).isEqualTo(ROWS);
        assertThat(second.rowsDropped()).isPositive();
        assertThat(second.rowsWritten()).isEqualTo(ROWS);
    }

    @Test
    void aFlatTableCarriesItsRowsThroughTheColumnarReaderByteForByte() {
        // Flat columns only: the columnar reader reads the carried rows, strings as their bytes.
        assertThat(ColumnarParquetReader.supports(KernelValues.binaryStrings(ArrowSchemas.toKernel(FLAT)))).isTrue();
        Path table = dir.resolve("flat");
        GroupedWriteResult first = writer.writeGroups(table, FLAT, true, "path",
                List.of(flatGroup(0), flatGroup(1), flatGroup(2)).iterator());
        List<Object[]> before = rows(table);
        SortedSet<String> dropped = new TreeSet<>(List.of("p1/f0.py", "p1/f3.py"));

        GroupedWriteResult second = writer.writeGroups(table, FLAT, false, "path",
                List.of(new GroupWrite(first.files().get(1), dropped, flatBatch(7))).iterator());

        List<String> expected = new ArrayList<>();
        before.stream().filter(row -> !dropped.contains((String) row[5])).forEach(row -> expected.add(render(row)));
        Path fresh = dir.resolve("flat-new");
        writer.create(fresh, FLAT, flatBatch(7));
        rows(fresh).forEach(row -> expected.add(render(row)));
        assertThat(strings(rows(table))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(second.rowsDropped()).isEqualTo(2L * ROWS / 6);
        assertThat(second.rowsCarried()).isEqualTo(ROWS - 2L * ROWS / 6);
        assertThat(strings(rows(table))).anySatisfy(row -> assertThat(row).contains("é\u0000✓"));
    }

    private static final Schema FLAT = new Schema(List.of(
            Field.notNullable("id", new ArrowType.Int(64, true)),
            Field.nullable("n", new ArrowType.Int(32, true)),
            Field.nullable("d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("flag", ArrowType.Bool.INSTANCE),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.notNullable("path", ArrowType.Utf8.INSTANCE),
            Field.nullable("blob", ArrowType.Binary.INSTANCE)));

    private GroupWrite flatGroup(int seed) {
        return new GroupWrite(List.of(), Collections.emptySortedSet(), flatBatch(seed));
    }

    /** {@value #ROWS} rows of six files {@code p<seed>/f<k>.py}, every other value null, non-ASCII names. */
    private Iterator<VectorSchemaRoot> flatBatch(int seed) {
        VectorSchemaRoot root = VectorSchemaRoot.create(FLAT, allocator);
        roots.add(root);
        for (FieldVector vector : root.getFieldVectors()) {
            vector.allocateNew();
        }
        for (int r = 0; r < ROWS; r++) {
            ((BigIntVector) root.getVector("id")).setSafe(r, 1000L * seed + r);
            if (r % 2 == 0) {
                ((IntVector) root.getVector("n")).setSafe(r, r * seed);
                ((Float8Vector) root.getVector("d")).setSafe(r, r / 3.0);
                ((BitVector) root.getVector("flag")).setSafe(r, r % 4 == 0 ? 1 : 0);
                ((VarCharVector) root.getVector("name")).setSafe(r, ("é\u0000✓" + r).getBytes(StandardCharsets.UTF_8));
                ((VarBinaryVector) root.getVector("blob")).setSafe(r, new byte[] {(byte) r, 0, (byte) -1});
            } else {
                root.getVector("n").setNull(r);
                root.getVector("d").setNull(r);
                root.getVector("flag").setNull(r);
                root.getVector("name").setNull(r);
                root.getVector("blob").setNull(r);
            }
            ((VarCharVector) root.getVector("path")).setSafe(r, ("p" + seed + "/f" + (r * 6 / ROWS) + ".py").getBytes(StandardCharsets.UTF_8));
        }
        root.setRowCount(ROWS);
        return List.of(root).iterator();
    }

    @Test
    void aGroupReplacedWholeKeepsNoneOfItsRowsAndCountsThemDropped() {
        Path table = dir.resolve("t");
        GroupedWriteResult first = writer.writeGroups(table, AllTypesBatches.SCHEMA, true, "path", groups(0, 1, 2));
        List<Object[]> before = rows(table);

        GroupedWriteResult second = writer.writeGroups(table, AllTypesBatches.SCHEMA, false, "path",
                List.of(GroupWrite.replacingWhole(first.files().get(1), batch(7, 1_500))).iterator());

        assertThat(new TreeSet<>(DeltaLog.paths(table, 1, "remove"))).isEqualTo(new TreeSet<>(first.files().get(1)));
        List<String> expected = new ArrayList<>();
        for (Object[] row : before) {
            if ((Long) row[0] / 1000 != 1) {
                expected.add(render(row));
            }
        }
        Path fresh = dir.resolve("new-rows");
        writer.create(fresh, AllTypesBatches.SCHEMA, batch(7, 1_500));
        rows(fresh).forEach(row -> expected.add(render(row)));
        assertThat(strings(rows(table))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(second.rowsCarried()).isZero();
        assertThat(second.rowsDropped()).isEqualTo(ROWS);
        assertThat(second.rowsWritten()).isEqualTo(ROWS);
    }

    @Test
    void theLogSaysWhatTheCommitsOfARangeAddedAndRemovedRowsOfRemovedFilesIncluded() {
        Path table = dir.resolve("t");
        String path = DeltaTableWriter.tablePath(table);
        GroupedWriteResult first = writer.writeGroups(table, AllTypesBatches.SCHEMA, true, "path", groups(0, 1, 2));
        GroupedWriteResult second = writer.writeGroups(table, AllTypesBatches.SCHEMA, false, "path",
                List.of(GroupWrite.replacingWhole(first.files().get(1), batch(7, 1_500))).iterator());
        // The third commit replaces a file the second added: its rows come from the range's own add.
        GroupedWriteResult third = writer.writeGroups(table, AllTypesBatches.SCHEMA, false, "path",
                List.of(GroupWrite.replacingWhole(second.files().get(0), batch(8, 1_800)), new GroupWrite(List.of(),
                        Collections.emptySortedSet(), batch(9, 9_000))).iterator());
        long addedBySecond = all(second.files()).size();
        long addedByThird = all(third.files()).size();

        assertThat(KernelInternals.changes(engine, path, 0, 1)).contains(new TableChanges(1, addedBySecond, 1, ROWS, ROWS));
        assertThat(KernelInternals.changes(engine, path, 1, 2)).contains(new TableChanges(1, addedByThird, addedBySecond, 2 * ROWS, ROWS));
        assertThat(KernelInternals.changes(engine, path, 0, 2))
                .contains(new TableChanges(2, addedBySecond + addedByThird, 1 + addedBySecond, 3 * ROWS, 2 * ROWS));
        assertThat(KernelInternals.changes(engine, path, 2, 2)).contains(TableChanges.NONE);
        // The rows added less those removed are the change in the table's rows.
        assertThat(rows(table)).hasSize(3 * ROWS + 3 * ROWS - 2 * ROWS);
        assertThatThrownBy(() -> KernelInternals.changes(engine, path, 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need 0 <= from <= to, got from 2 to 1");
    }

    @Test
    void aReplacedFileThatIsNotLiveWritesNothing() {
        Path table = dir.resolve("t");
        writer.writeGroups(table, AllTypesBatches.SCHEMA, true, "path", groups(0));
        List<String> files = TableFixture.parquetFiles(table);

        assertThatThrownBy(() -> writer.writeGroups(table, AllTypesBatches.SCHEMA, false, "path",
                List.of(new GroupWrite(List.of("gone.parquet"), Collections.emptySortedSet(), batch(3, 5_000))).iterator()))
                .isInstanceOf(DeltaIoException.class)
                .hasMessageContaining("Cannot replace the data file gone.parquet of the Delta table at ");

        assertThat(TableFixture.parquetFiles(table)).isEqualTo(files);
        assertThat(DeltaTableReader.open(engine, table).version()).isZero();
    }

    /** One group per seed, ids from {@code 1000 * seed}. */
    @Test
    void aReaderOfSomeDataFilesReadsTheRowsOfThoseGroupsOnlyAndRefusesAFileThatIsNotLive() {
        Path table = dir.resolve("t");
        GroupedWriteResult result = writer.writeGroups(table, AllTypesBatches.SCHEMA, true, "path", groups(0, 1, 2));
        SortedSet<String> middle = new TreeSet<>(result.files().get(1));

        DeltaTableReader reader = DeltaTableReader.open(engine, table, result.tableVersion(), middle);
        List<Object[]> rows = TableFixture.read(reader, IntStream.range(0, reader.schema().length()).toArray(), Optional.empty());

        assertThat(rows).hasSize(ROWS).allSatisfy(row -> assertThat((Long) row[0] / 1000).isEqualTo(1));
        assertThat(reader.dataFiles(Optional.empty())).hasSize(1);
        assertThat(DeltaTableReader.open(engine, table, result.tableVersion(), new TreeSet<>()).dataFiles(Optional.empty())).isEmpty();
        assertThatThrownBy(() -> DeltaTableReader.open(engine, table, result.tableVersion(), new TreeSet<>(List.of("gone.parquet"))))
                .isInstanceOf(DeltaIoException.class)
                .hasMessageContaining("Cannot read the data file gone.parquet").hasMessageContaining("it is not live there");
    }

    private Iterator<GroupWrite> groups(int... seeds) {
        List<GroupWrite> groups = new ArrayList<>();
        for (int seed : seeds) {
            groups.add(new GroupWrite(List.of(), Collections.emptySortedSet(), batch(seed, 1000L * seed)));
        }
        return groups.iterator();
    }

    private Iterator<VectorSchemaRoot> batch(long seed, long firstId) {
        VectorSchemaRoot root = VectorSchemaRoot.create(AllTypesBatches.SCHEMA, allocator);
        roots.add(root);
        AllTypesBatches.fill(root, seed, firstId, ROWS);
        return List.of(root).iterator();
    }

    private List<Object[]> rows(Path table) {
        DeltaTableReader reader = DeltaTableReader.open(engine, table);
        return TableFixture.read(reader, IntStream.range(0, reader.schema().length()).toArray(), Optional.empty());
    }

    private List<Long> ids(Path table) {
        return rows(table).stream().map(row -> (Long) row[0]).toList();
    }

    private static List<String> strings(List<Object[]> rows) {
        return rows.stream().map(TestGroupedWrites::render).toList();
    }

    /** A row as text, lists of structs included (whose rows are arrays inside lists). */
    private static String render(Object value) {
        if (value instanceof Object[] array) {
            return render(Arrays.asList(array));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TestGroupedWrites::render).toList().toString();
        }
        return String.valueOf(value);
    }

    private static SortedSet<String> all(List<List<String>> files) {
        SortedSet<String> all = new TreeSet<>();
        files.forEach(all::addAll);
        return all;
    }
}
