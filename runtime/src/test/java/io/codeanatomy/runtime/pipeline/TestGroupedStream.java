package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.spi.write.GroupWrite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link GroupedStream}: rows that come in group order are cut into their groups across batches; a row out of order fails. */
class TestGroupedStream {
    private static final Schema OUTPUT = new Schema(List.of(new Field("value", FieldType.notNullable(new ArrowType.Int(32, true)), null)));
    private static final Schema OWNED = new Schema(List.of(OUTPUT.getFields().get(0),
            new Field(CpgSpec.OWNER_PATH, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null)));
    /** Paths before {@code m} are group 0, the others group 1; rows of no file go to group 2. */
    private static final SourceGroups GROUPS = new SourceGroups(List.of("", "m"));

    private final BufferAllocator allocator = new RootAllocator();
    private final List<VectorSchemaRoot> roots = new ArrayList<>();

    @AfterEach
    void close() {
        roots.forEach(VectorSchemaRoot::close);
        allocator.close();
    }

    @Test
    void rowsInGroupOrderAreCutIntoTheirGroupsAcrossBatches() {
        List<List<String>> batches = List.of(List.of("a.py", "b.py", "n.py"), List.of("n.py", "z.py"), List.of("z.py", "", ""));

        List<List<Integer>> groups = write(batches);

        assertThat(groups).containsExactly(List.of(0, 1), List.of(2, 3, 4, 5), List.of(6, 7));
    }

    @Test
    void aGroupWithoutRowsIsWrittenEmpty() {
        assertThat(write(List.of(List.of("n.py"), List.of()))).containsExactly(List.of(), List.of(0), List.of());
    }

    @Test
    void aRowOfAnEarlierGroupFailsTheWrite() {
        assertThatThrownBy(() -> write(List.of(List.of("n.py"), List.of("a.py"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("came out of group order: group 0 after group 1");
        assertThatThrownBy(() -> write(List.of(List.of("", "a.py"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("came out of group order: group 0 after group 2");
    }

    /** Streams batches of rows owned by the given paths (row {@code i} has value {@code i}) as a grouped write takes them: each group's values. */
    private List<List<Integer>> write(List<List<String>> owners) {
        List<List<Integer>> groups = new ArrayList<>();
        try (GroupedStream stream = new GroupedStream("t", batches(owners), OUTPUT, allocator,
                path -> path.equals(CpgSpec.NO_FILE) ? GROUPS.size() : GROUPS.groupOf(path), GROUPS.size() + 1)) {
            while (stream.hasNext()) {
                GroupWrite group = stream.next();
                assertThat(group.carriesRows()).isFalse();
                List<Integer> values = new ArrayList<>();
                Iterator<VectorSchemaRoot> rows = group.batches();
                while (rows.hasNext()) {
                    VectorSchemaRoot batch = rows.next();
                    assertThat(batch.getSchema()).isEqualTo(OUTPUT);
                    IntVector vector = (IntVector) batch.getVector(0);
                    for (int row = 0; row < batch.getRowCount(); row++) {
                        values.add(vector.get(row));
                    }
                }
                groups.add(values);
            }
            stream.finish();
        }
        return groups;
    }

    /** One batch per list, each valid until the next, as a plan's reader gives them. */
    private Iterator<VectorSchemaRoot> batches(List<List<String>> owners) {
        VectorSchemaRoot root = VectorSchemaRoot.create(OWNED, allocator);
        roots.add(root);
        Iterator<List<String>> each = owners.iterator();
        int[] value = {0};
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return each.hasNext();
            }

            @Override
            public VectorSchemaRoot next() {
                List<String> paths = each.next();
                root.allocateNew();
                IntVector values = (IntVector) root.getVector(0);
                VarCharVector owned = (VarCharVector) root.getVector(1);
                for (int row = 0; row < paths.size(); row++) {
                    values.setSafe(row, value[0]++);
                    owned.setSafe(row, paths.get(row).getBytes(StandardCharsets.UTF_8));
                }
                root.setRowCount(paths.size());
                return root;
            }
        };
    }
}
