package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Writes the rows of an executing plan into Arrow batches of several routes, each row into the
 * batch of the route its {@link Router} names, and hands every batch to a {@link Sink} once it
 * holds {@link BatchLimits#maxRows()} rows or the rows end; and all of them whenever the batches
 * being filled together reach one batch's byte limit ({@link BatchLimits#maxBytes()}), so that
 * routing holds no more memory than one batch would. A route's rows keep the order they came in. Each
 * value is written once, where batches of every route's rows ({@link RowBatchReader}) would have to
 * be copied apart by their consumer.
 */
public final class RoutedBatches {
    /** The route of a row, from {@code 0} to the number of routes less one. */
    @FunctionalInterface
    public interface Router {
        int route(Object[] row);
    }

    /** Takes a finished batch of {@code route}; it owns the batch (even when it throws) and must close it. */
    @FunctionalInterface
    public interface Sink {
        void accept(int route, VectorSchemaRoot batch);
    }

    private RoutedBatches() {
    }

    /**
     * Routes every row of {@code rows} into batches of {@code schema} allocated from {@code allocator},
     * handing them to {@code sink}: each batch as it fills, then the routes' last batches in route
     * order. The rows are Calcite's {@code Object[]} (a plan of two or more columns): their first
     * columns are {@code schema}'s, any after those are only for the router. Closes {@code rows}.
     *
     * @return the number of rows routed
     */
    public static long route(Enumerator<?> rows, Schema schema, BufferAllocator allocator, BatchLimits limits, int routes,
            Router router, Sink sink) {
        requireNonNull(rows, "rows is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(router, "router is null");
        requireNonNull(sink, "sink is null");
        Batch[] batches = new Batch[routes];
        long count = 0;
        // The bytes of the batches being filled: together never more than one batch's limit.
        long pending = 0;
        try (rows) {
            while (rows.moveNext()) {
                Object[] row = (Object[]) rows.current();
                int route = router.route(row);
                Batch batch = batches[route];
                if (batch == null) {
                    batch = new Batch(schema, allocator);
                    batches[route] = batch;
                }
                pending += batch.add(row);
                count++;
                if (pending >= limits.maxBytes()) {
                    // The routes' batches together hold as much as one batch may (this one alone, perhaps): all of them go.
                    handAll(batches, sink);
                    pending = 0;
                } else if (batch.rows >= limits.maxRows()) {
                    batches[route] = null;
                    pending -= batch.bytes;
                    sink.accept(route, batch.finish());
                }
            }
            handAll(batches, sink);
            return count;
        } finally {
            for (Batch batch : batches) {
                if (batch != null) {
                    batch.root.close();
                }
            }
        }
    }

    private static void handAll(Batch[] batches, Sink sink) {
        for (int route = 0; route < batches.length; route++) {
            Batch batch = batches[route];
            if (batch != null) {
                batches[route] = null;
                sink.accept(route, batch.finish());
            }
        }
    }

    /** One route's batch being filled. */
    private static final class Batch {
        final VectorSchemaRoot root;
        final ColumnWriter[] writers;
        int rows;
        long bytes;

        Batch(Schema schema, BufferAllocator allocator) {
            root = VectorSchemaRoot.create(schema, allocator);
            try {
                List<FieldVector> vectors = root.getFieldVectors();
                writers = new ColumnWriter[vectors.size()];
                for (int i = 0; i < writers.length; i++) {
                    writers[i] = ColumnWriter.of(vectors.get(i));
                }
            } catch (RuntimeException e) {
                root.close();
                throw e;
            }
        }

        /** Writes {@code row}'s values; returns the bytes they added. */
        long add(Object[] row) {
            long added = 0;
            for (int c = 0; c < writers.length; c++) {
                added += writers[c].write(rows, row[c]);
            }
            rows++;
            bytes += added;
            return added;
        }

        VectorSchemaRoot finish() {
            root.setRowCount(rows);
            return root;
        }
    }
}
