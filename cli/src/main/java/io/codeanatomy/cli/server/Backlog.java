package io.codeanatomy.cli.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/**
 * The frames of one answer between the thread that reads them off the server's socket and the
 * thread that copies them to the client's stdout and stderr. It takes every frame at once, so the
 * server never waits on a client whose stdout nobody reads (the two inputs of a {@code diff}, a
 * pager left open): the first {@link #MEMORY_BYTES} wait in memory, the rest in a temporary file,
 * read back in order and deleted at {@link #close()}.
 */
final class Backlog implements AutoCloseable {
    /** What waits in memory before frames go to the temporary file. */
    static final long MEMORY_BYTES = 8L << 20;

    record Frame(byte type, byte[] bytes) {
    }

    private final long memoryLimit;
    private final ArrayDeque<Frame> memory = new ArrayDeque<>();
    private long memoryBytes;
    private Path spillPath;
    private FileChannel spill;
    /** The frames in the file not yet taken: from {@code spillRead} to {@code spillWritten}. */
    private long spillRead;
    private long spillWritten;
    private boolean ended;
    private IOException failure;

    Backlog() {
        this(MEMORY_BYTES);
    }

    Backlog(long memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    /**
     * Adds a frame behind the others. Once one frame has gone to the file, the later ones follow
     * it there until the file is read to its end, so that frames are taken in the order added.
     */
    synchronized void add(byte type, byte[] bytes) throws IOException {
        if (spillRead < spillWritten || memoryBytes + bytes.length > memoryLimit) {
            append(type, bytes);
        } else {
            memory.add(new Frame(type, bytes));
            memoryBytes += bytes.length;
        }
        notifyAll();
    }

    /** No frame follows; {@code cause} is why the reading stopped, null when the answer ended. */
    synchronized void end(IOException cause) {
        ended = true;
        failure = cause;
        notifyAll();
    }

    /**
     * The oldest frame, waiting for one; once all are taken after {@link #end}, throws the reader's
     * failure (or an {@link EOFException} when the answer had no end).
     */
    synchronized Frame take() throws IOException {
        while (true) {
            Frame first = memory.poll();
            if (first != null) {
                memoryBytes -= first.bytes().length;
                return first;
            }
            if (spillRead < spillWritten) {
                return readSpilled();
            }
            if (ended) {
                throw failure != null ? failure : new EOFException("the answer ended without an exit frame");
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the server");
            }
        }
    }

    private void append(byte type, byte[] bytes) throws IOException {
        if (spill == null) {
            spillPath = Files.createTempFile("codeanatomy-answer-", ".frames");
            spill = FileChannel.open(spillPath, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        ByteBuffer head = ByteBuffer.allocate(5).put(type).putInt(bytes.length).flip();
        spillWritten += writeFully(head, spillWritten);
        spillWritten += writeFully(ByteBuffer.wrap(bytes), spillWritten);
    }

    private Frame readSpilled() throws IOException {
        ByteBuffer head = readFully(5);
        byte type = head.get();
        byte[] bytes = readFully(head.getInt()).array();
        if (spillRead == spillWritten) {
            // All taken: the file starts again from its beginning.
            spill.truncate(0);
            spillRead = 0;
            spillWritten = 0;
        }
        return new Frame(type, bytes);
    }

    private long writeFully(ByteBuffer buffer, long position) throws IOException {
        long written = 0;
        while (buffer.hasRemaining()) {
            written += spill.write(buffer, position + written);
        }
        return written;
    }

    private ByteBuffer readFully(int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (spill.read(buffer, spillRead + buffer.position()) < 0) {
                throw new EOFException("the answer's temporary file " + spillPath + " ended early");
            }
        }
        spillRead += length;
        return buffer.flip();
    }

    @Override
    public synchronized void close() throws IOException {
        if (spill != null) {
            spill.close();
            Files.deleteIfExists(spillPath);
            spill = null;
        }
    }
}
