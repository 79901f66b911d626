package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The writer lock of an output directory: {@value #FILE}, locked by the operating system for as
 * long as a build or vacuum runs, and holding one line that names the holder: its pid, when it
 * started and what it does.
 *
 * <p>The operating system releases the lock when its process dies, however it dies, so a lock is
 * never stale; the line can be, and a new holder tells a stale line (its process is gone) from a
 * live one. Another holder makes {@link #acquire} fail at once with a sentence naming it: builds
 * into one output do not queue, the second one is told who is writing.
 */
public final class OutputLock implements AutoCloseable {
    /** Name of the lock file in the output directory. */
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<String> staleHolder;

    private OutputLock(FileChannel channel, FileLock lock, Optional<String> staleHolder) {
        this.channel = channel;
        this.lock = lock;
        this.staleHolder = staleHolder;
    }

    /**
     * Locks {@code out} for {@code purpose} (e.g. "build 20261202T...").
     *
     * @throws InvalidInputException naming the holder if another process or thread holds the lock
     */
    public static OutputLock acquire(Path out, String purpose) {
        requireNonNull(purpose, "purpose is null");
        Path file = out.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // This JVM holds it, for another build.
                lock = null;
            }
            if (lock == null) {
                String holder = read(channel);
                channel.close();
                throw new InvalidInputException("another codeanatomy process is writing to " + out
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to finish, or stop it.");
            }
            String previous = read(channel);
            String line = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + ", " + purpose;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new OutputLock(channel, lock, previous.isEmpty() ? Optional.empty() : Optional.of(previous));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * The line of a holder that died without releasing the lock cleanly (killed, or the machine went
     * down): the lock file still named it when this holder took the lock.
     */
    public Optional<String> staleHolder() {
        return staleHolder;
    }

    /** Clears the holder line and releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + FILE, e);
        }
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The lock attempt already failed; that failure is the one to report.
            }
        }
    }
}
