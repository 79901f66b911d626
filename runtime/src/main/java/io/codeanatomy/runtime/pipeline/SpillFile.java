package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowBuffer;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Batches of one schema written to an Arrow IPC stream file and read back once, in the order
 * written: where a gathering that would exceed its share of the memory budget keeps its rows
 * (docs/runtime.md, "Bounded memory"). The file is deleted when it has been read or closed.
 *
 * <p>The stream is Arrow's (a schema message, then record batch messages, then the end marker), but
 * the buffers go to and from the file through a heap array: Arrow's own writer and reader view each
 * buffer as a direct {@code ByteBuffer}, which needs {@code java.nio} opened to Arrow
 * ({@code --add-opens}), a flag a host embedding the runtime does not give.
 */
final class SpillFile implements AutoCloseable {
    private static final int CONTINUATION = 0xFFFFFFFF;
    private static final int CHUNK = 1 << 16;

    private final Path file;
    private final Schema schema;
    private final byte[] chunk = new byte[CHUNK];
    private FileChannel channel;
    private WriteChannel out;
    private long bytes;
    private long batches;
    private ReadChannel in;
    private VectorSchemaRoot root;

    /** A new, empty spill file at {@code file} (its directory is created) for batches of {@code schema}. */
    SpillFile(Path file, Schema schema) {
        this.file = requireNonNull(file, "file is null");
        this.schema = requireNonNull(schema, "schema is null");
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            out = new WriteChannel(channel);
            writeMessage(MessageSerializer.serializeMetadata(schema));
        } catch (IOException e) {
            close();
            throw failure("create", e);
        }
    }

    /** Appends the rows of {@code batch} (of this file's schema); the caller keeps and closes it. */
    void write(VectorSchemaRoot batch) {
        if (out == null) {
            throw new IllegalStateException("the spill file " + file + " is being read and takes no more batches");
        }
        try (ArrowRecordBatch record = new VectorUnloader(batch).getRecordBatch()) {
            long before = out.getCurrentPosition();
            writeMessage(MessageSerializer.serializeMetadata(record));
            long body = out.getCurrentPosition();
            List<ArrowBuf> buffers = record.getBuffers();
            List<ArrowBuffer> layout = record.getBuffersLayout();
            for (int i = 0; i < buffers.size(); i++) {
                long at = body + layout.get(i).getOffset();
                if (at > out.getCurrentPosition()) {
                    out.writeZeros(at - out.getCurrentPosition());
                }
                ArrowBuf buffer = buffers.get(i);
                for (long from = buffer.readerIndex(), end = from + buffer.readableBytes(); from < end; ) {
                    int length = (int) Math.min(CHUNK, end - from);
                    buffer.getBytes(from, chunk, 0, length);
                    out.write(ByteBuffer.wrap(chunk, 0, length));
                    from += length;
                }
            }
            out.align();
            bytes += out.getCurrentPosition() - before;
            batches++;
        } catch (IOException e) {
            throw failure("write to", e);
        }
    }

    /** A message's metadata: the continuation marker, its length padded so the body starts 8-aligned, the metadata. */
    private void writeMessage(ByteBuffer metadata) throws IOException {
        int length = metadata.remaining();
        int padding = (int) ((out.getCurrentPosition() + length + 8) % 8);
        if (padding != 0) {
            length += 8 - padding;
        }
        out.writeIntLittleEndian(CONTINUATION);
        out.writeIntLittleEndian(length);
        out.write(metadata);
        out.align();
    }

    /** Bytes of record batches written. */
    long bytes() {
        return bytes;
    }

    /** Batches written. */
    long batches() {
        return batches;
    }

    /**
     * The batches written, in order, read into buffers of {@code allocator}; each valid until the
     * next call on the iterator. Ends the file: nothing more can be written. Once read to the end
     * the file is deleted.
     */
    Iterator<VectorSchemaRoot> read(BufferAllocator allocator) {
        if (out == null) {
            throw new IllegalStateException("the spill file " + file + " is read once");
        }
        try {
            out.writeIntLittleEndian(CONTINUATION);
            out.writeIntLittleEndian(0);
            out.close();
            out = null;
            channel = null;
            in = new ReadChannel(FileChannel.open(file, StandardOpenOption.READ));
            MessageMetadataResult first = MessageSerializer.readMessage(in);
            if (first == null || first.headerType() != MessageHeader.Schema) {
                throw new IOException("it does not start with its schema");
            }
            root = VectorSchemaRoot.create(schema, allocator);
        } catch (IOException e) {
            throw failure("read back", e);
        }
        return new Iterator<>() {
            private Boolean loaded;

            @Override
            public boolean hasNext() {
                if (loaded == null) {
                    loaded = in != null && loadNext(allocator);
                    if (!loaded) {
                        close();
                    }
                }
                return loaded;
            }

            @Override
            public VectorSchemaRoot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                loaded = null;
                return root;
            }
        };
    }

    private boolean loadNext(BufferAllocator allocator) {
        try {
            MessageMetadataResult message = MessageSerializer.readMessage(in);
            if (message == null) {
                return false;
            }
            long length = message.getMessageBodyLength();
            ArrowBuf body = allocator.buffer(length);
            try {
                ByteBuffer window = ByteBuffer.wrap(chunk);
                for (long at = 0; at < length; ) {
                    window.clear().limit((int) Math.min(CHUNK, length - at));
                    int read = in.readFully(window);
                    if (read < window.limit()) {
                        throw new IOException("it ends inside a record batch");
                    }
                    body.setBytes(at, chunk, 0, read);
                    at += read;
                }
                body.writerIndex(length);
            } catch (IOException | RuntimeException e) {
                body.close();
                throw e;
            }
            // The record batch takes the body over: it releases it once sliced.
            try (ArrowRecordBatch record = MessageSerializer.deserializeRecordBatch(message, body)) {
                new VectorLoader(root).load(record);
            }
            return true;
        } catch (IOException e) {
            throw failure("read back", e);
        }
    }

    /** Releases the file's buffers and channels and deletes it. */
    @Override
    public void close() {
        try {
            if (root != null) {
                root.close();
                root = null;
            }
            if (in != null) {
                in.close();
                in = null;
            }
            if (out != null) {
                out.close();
                out = null;
            } else if (channel != null) {
                channel.close();
            }
            channel = null;
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("delete", e);
        }
    }

    private UncheckedIOException failure(String action, IOException e) {
        return new UncheckedIOException("cannot " + action + " the spill file " + file + " (" + schema.getFields().size()
                + " columns): " + e.getMessage() + "; free disk space there or give the build more memory (--memory)", e);
    }
}
