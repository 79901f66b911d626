package io.codeanatomy.plugins.delta;

import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An Arrow allocator, one reusable batch root of {@link SampleBatches#SCHEMA}, and a Kernel engine;
 * a JUnit extension that closes them after each test.
 */
final class TableFixture implements AutoCloseable, AfterEachCallback {
    final KernelEngine engine;
    final BufferAllocator allocator = new RootAllocator();
    final VectorSchemaRoot root = VectorSchemaRoot.create(SampleBatches.SCHEMA, allocator);
    final DeltaTableWriter writer;

    TableFixture() {
        this(KernelEngine.create());
    }

    TableFixture(KernelEngine engine) {
        this.engine = engine;
        this.writer = new DeltaTableWriter(engine);
    }

    DeltaCommit create(Path table, long start, long end, int batchSize) {
        return writer.create(table, SampleBatches.SCHEMA, SampleBatches.batches(root, start, end, batchSize));
    }

    DeltaCommit overwrite(Path table, long start, long end, int batchSize) {
        return writer.overwrite(table, SampleBatches.SCHEMA, SampleBatches.batches(root, start, end, batchSize));
    }

    DeltaCommit append(Path table, long start, long end, int batchSize) {
        return writer.append(table, SampleBatches.SCHEMA, SampleBatches.batches(root, start, end, batchSize));
    }

    /** All rows of the latest snapshot, all columns, ordered by the first column. */
    List<Object[]> readAll(Path table) {
        DeltaTableReader reader = DeltaTableReader.open(engine, table);
        int[] all = IntStream.range(0, reader.schema().length()).toArray();
        List<Object[]> rows = read(reader, all, Optional.empty());
        rows.sort(SampleBatches.byFirstColumn());
        return rows;
    }

    static List<Object[]> read(DeltaTableReader reader, int[] columns, Optional<Predicate> filter) {
        List<Object[]> rows = new ArrayList<>();
        try (CloseableIterator<Object[]> iterator = reader.rows(columns, filter)) {
            iterator.forEachRemaining(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Names of the Parquet files under the table directory, live or not. */
    static List<String> parquetFiles(Path table) {
        try (Stream<Path> files = Files.list(table)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".parquet"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the fixture after each test when registered with {@code @RegisterExtension}. */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        root.close();
        allocator.close();
    }
}
