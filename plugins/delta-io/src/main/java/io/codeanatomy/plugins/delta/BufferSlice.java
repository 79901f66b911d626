package io.codeanatomy.plugins.delta;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Copies a slice of a fixed-width Arrow buffer out in one piece, into arrays reused from slice to
 * slice: reading value by value checks the buffer's bounds and reference count per value. Not
 * thread-safe; the arrays returned are valid until the next call.
 */
final class BufferSlice {
    private byte[] bytes = new byte[0];
    private int[] ints = new int[0];
    private long[] longs = new long[0];

    /** The {@code count} int32 values from value {@code from} of {@code buffer}. */
    int[] ints(ArrowBuf buffer, int from, int count) {
        if (ints.length < count) {
            ints = new int[count];
        }
        read(buffer, (long) from * Integer.BYTES, count * Integer.BYTES).asIntBuffer().get(ints, 0, count);
        return ints;
    }

    /** The {@code count} int64 values from value {@code from} of {@code buffer}. */
    long[] longs(ArrowBuf buffer, int from, int count) {
        if (longs.length < count) {
            longs = new long[count];
        }
        read(buffer, (long) from * Long.BYTES, count * Long.BYTES).asLongBuffer().get(longs, 0, count);
        return longs;
    }

    private ByteBuffer read(ArrowBuf buffer, long at, int length) {
        if (bytes.length < length) {
            bytes = new byte[length];
        }
        buffer.getBytes(at, bytes, 0, length);
        return ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
