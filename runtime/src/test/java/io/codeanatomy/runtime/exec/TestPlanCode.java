package io.codeanatomy.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.plan.QueryPlanner;
import io.codeanatomy.runtime.testing.MemoryTable;
import io.codeanatomy.runtime.testing.PlanningFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** Tests change the process's cache directory property, so none runs beside them. */
@Isolated
class TestPlanCode {
    private final PlanningFixture fixture = new PlanningFixture().add("files", new MemoryTable(tf -> tf.builder()
            .add("file_id", SqlTypeName.INTEGER)
            .add("path", SqlTypeName.VARCHAR)
            .build(), IntStream.range(0, 100).mapToObj(i -> new Object[] {i, "src/m" + i + ".py"}).toList()));

    @TempDir
    Path temp;

    @AfterEach
    void noCacheDirectory() {
        System.clearProperty(PlanCode.CACHE_PROPERTY);
    }

    @Test
    void thePlansOfTheSameQueryInTwoExecutorsAreCompiledOnce() {
        PlanCode.forget();
        PlannedQuery planned = plan("defs_per_file_once");
        long before = PlanCode.compiled();

        List<String> first = TestPlanExecutor.drain(executor().rows(planned.physical(), "q"));
        List<String> second = TestPlanExecutor.drain(executor().rows(plan("defs_per_file_once").physical(), "q"));

        assertThat(first).hasSize(100).isEqualTo(second);
        assertThat(PlanCode.compiled() - before).isEqualTo(1);
    }

    @Test
    void codeKeptOnDiskServesALaterProcessAndAnUnreadableFileIsCompiledAgainAndReplaced() throws IOException {
        Path cache = temp.resolve("code-cache");
        System.setProperty(PlanCode.CACHE_PROPERTY, cache.toString());
        PlanCode.forget();
        List<String> expected = TestPlanExecutor.drain(executor().rows(plan("defs_per_file_disk").physical(), "q"));
        List<Path> files = files(cache);
        assertThat(files).singleElement().satisfies(file -> assertThat(file.getFileName().toString()).endsWith(".classes"));

        // As a new process would: nothing in memory, the file on disk.
        PlanCode.forget();
        long before = PlanCode.compiled();
        assertThat(TestPlanExecutor.drain(executor().rows(plan("defs_per_file_disk").physical(), "q"))).isEqualTo(expected);
        assertThat(PlanCode.compiled()).isEqualTo(before);

        Files.writeString(files.get(0), "not bytecode", StandardCharsets.UTF_8);
        PlanCode.forget();
        assertThat(TestPlanExecutor.drain(executor().rows(plan("defs_per_file_disk").physical(), "q"))).isEqualTo(expected);
        assertThat(PlanCode.compiled()).isEqualTo(before + 1);
        assertThat(Files.size(files.get(0))).isGreaterThan(1_000);
        assertThat(files(cache)).isEqualTo(files);
    }

    @Test
    void aCacheDirectoryThatCannotBeMadeLeavesTheCodeInMemory() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        System.setProperty(PlanCode.CACHE_PROPERTY, file.resolve("code-cache").toString());
        PlanCode.forget();

        assertThat(TestPlanExecutor.drain(executor().rows(plan("defs_per_file_unwritable").physical(), "q"))).hasSize(100);
    }

    @Test
    void aCacheFileIsReadBackOnlyForItsKeyAndWhole() throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        classes.put("Baz", new byte[] {1, 2, 3});
        classes.put("Baz$1", new byte[] {4});
        byte[] file = PlanCode.encode("k1", classes);

        assertThat(PlanCode.decode("k1", file)).containsOnlyKeys("Baz", "Baz$1")
                .satisfies(read -> assertThat(read.get("Baz")).containsExactly(1, 2, 3));
        assertThatThrownBy(() -> PlanCode.decode("k2", file)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PlanCode.decode("k1", Arrays.copyOf(file, file.length - 1))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PlanCode.decode("k1", Arrays.copyOf(file, file.length + 1))).isInstanceOf(IOException.class);
    }

    /** A query of its own per test (its alias), so that no other test compiled its code before. */
    private PlannedQuery plan(String alias) {
        RelBuilder b = fixture.builder();
        // The literal is in the generated code.
        RelNode query = b.scan("files").filter(b.notEquals(b.field("path"), b.literal(alias)))
                .project(b.field("path"), b.field("file_id"))
                .build();
        return QueryPlanner.create(List.of(), Set.of()).plan(query);
    }

    private PlanExecutor executor() {
        return new PlanExecutor(fixture.root().plus(), fixture.typeFactory(), 0L);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.sorted().toList();
        }
    }
}
