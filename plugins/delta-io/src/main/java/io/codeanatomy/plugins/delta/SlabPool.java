package io.codeanatomy.plugins.delta;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * The heap buffers of one Parquet file's writer, kept for reuse when released, up to a bound.
 *
 * <p>parquet-mr encodes each page into slabs it allocates as the page grows and releases when the
 * page is written, so every page of every column allocated (and the JVM zeroed) its bytes afresh:
 * a fifth of the encoding's samples in a profile of the largest extraction table. A released
 * buffer goes back to a free list of its size class (a power of two) and the next request of that
 * class gets it with its limit at the size asked for, which is all parquet-mr reads of it
 * ({@code remaining()}, {@code limit()}, {@code position()}), so the bytes written are the same. Not
 * thread-safe: one file is written by one thread.
 */
final class SlabPool implements ByteBufferAllocator {
    private static final int SMALLEST_CLASS = 6;
    /** Larger requests (none of a page's slabs) are allocated at their size and not pooled. */
    private static final int LARGEST_CLASS = 24;

    @SuppressWarnings("unchecked")
    private final ArrayDeque<ByteBuffer>[] free = new ArrayDeque[LARGEST_CLASS + 1];
    /** The buffers on the free lists, by identity: a buffer released twice is pooled once. */
    private final Set<ByteBuffer> pooled = Collections.newSetFromMap(new IdentityHashMap<>());
    private final long maxPooledBytes;
    private long pooledBytes;

    /** @param maxPooledBytes the released bytes kept at most; past it, a released buffer is left to the collector */
    SlabPool(long maxPooledBytes) {
        if (maxPooledBytes < 0) {
            throw new IllegalArgumentException("maxPooledBytes is negative: " + maxPooledBytes);
        }
        this.maxPooledBytes = maxPooledBytes;
    }

    @Override
    public ByteBuffer allocate(int size) {
        int sizeClass = sizeClass(size);
        if (sizeClass > LARGEST_CLASS) {
            return ByteBuffer.allocate(size);
        }
        ArrayDeque<ByteBuffer> list = free[sizeClass];
        ByteBuffer buffer = list == null ? null : list.pollLast();
        if (buffer == null) {
            buffer = ByteBuffer.allocate(1 << sizeClass);
        } else {
            pooled.remove(buffer);
            pooledBytes -= buffer.capacity();
        }
        buffer.clear().limit(size);
        return buffer.order(ByteOrder.BIG_ENDIAN);
    }

    @Override
    public void release(ByteBuffer buffer) {
        int capacity = buffer.capacity();
        if (Integer.bitCount(capacity) != 1 || capacity < 1 << SMALLEST_CLASS || capacity > 1 << LARGEST_CLASS
                || pooledBytes + capacity > maxPooledBytes || buffer.isDirect() || buffer.isReadOnly() || !pooled.add(buffer)) {
            return;
        }
        int sizeClass = Integer.numberOfTrailingZeros(capacity);
        if (free[sizeClass] == null) {
            free[sizeClass] = new ArrayDeque<>();
        }
        free[sizeClass].addLast(buffer);
        pooledBytes += capacity;
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    /** Bytes held for reuse (tests). */
    long pooledBytes() {
        return pooledBytes;
    }

    private static int sizeClass(int size) {
        return size <= 1 << SMALLEST_CLASS ? SMALLEST_CLASS : 32 - Integer.numberOfLeadingZeros(size - 1);
    }
}
