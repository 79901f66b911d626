package io.codeanatomy.runtime.embed;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.exec.RowBatchReader;
import io.codeanatomy.runtime.session.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The rows of one query as Arrow batches, read from {@link #reader()}; the batches live in the
 * query's own session, which {@link #close()} releases (close every batch's consumer first).
 */
public final class QueryResult implements AutoCloseable {
    private final Session session;
    private final List<String> columnNames;
    private final RowBatchReader reader;
    /** Ends the query's run for its {@link CodeAnatomy}, which may then release the run's plugins. */
    private final Runnable finished;
    private final AtomicBoolean closed = new AtomicBoolean();

    QueryResult(Session session, List<String> columnNames, RowBatchReader reader, Runnable finished) {
        this.session = requireNonNull(session, "session is null");
        this.columnNames = List.copyOf(columnNames);
        this.reader = requireNonNull(reader, "reader is null");
        this.finished = requireNonNull(finished, "finished is null");
    }

    /** The result's column names, in order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The batches: {@code loadNextBatch()}, then {@code getVectorSchemaRoot()}, until it returns false. */
    public ArrowReader reader() {
        return reader;
    }

    /**
     * Hands the batches to a native consumer through the Arrow C stream interface, without copying:
     * {@code stream} then owns the reader, and this result must stay open until the consumer has
     * released the stream.
     */
    public void exportTo(ArrowArrayStream stream) {
        requireNonNull(stream, "stream is null");
        Data.exportArrayStream(session.allocator(), reader, stream);
    }

    /** Releases the batches and the session; idempotent, since the run may end only once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                session.close();
            } finally {
                finished.run();
            }
        }
    }
}
