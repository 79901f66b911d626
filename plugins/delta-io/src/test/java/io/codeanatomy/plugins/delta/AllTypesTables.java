package io.codeanatomy.plugins.delta;

import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The {@link AllTypesBatches} written by the columnar writer as two Delta tables below one directory,
 * {@value #PLAIN} with the default settings and {@value #DICTIONARY} with dictionary encoding, so that
 * the files hold every set of encodings the writer uses. {@link #main} does it in a JVM of its own.
 */
public final class AllTypesTables {
    static final String PLAIN = "plain";
    static final String DICTIONARY = "dictionary";

    private AllTypesTables() {}

    /** Writes both tables below {@code args[0]}. */
    public static void main(String[] args) {
        write(Path.of(args[0]));
    }

    static void write(Path directory) {
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(AllTypesBatches.SCHEMA, allocator)) {
            new DeltaTableWriter(KernelEngine.create(Map.of()))
                    .create(directory.resolve(PLAIN), AllTypesBatches.SCHEMA, AllTypesBatches.batches(root));
            new DeltaTableWriter(KernelEngine.create(Map.of(KernelEngine.PARQUET_DICTIONARY, "true")))
                    .create(directory.resolve(DICTIONARY), AllTypesBatches.SCHEMA, AllTypesBatches.batches(root));
        }
    }
}
