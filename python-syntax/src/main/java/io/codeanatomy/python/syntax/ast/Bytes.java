package io.codeanatomy.python.syntax.ast;

import java.util.Arrays;

/** A bytes constant with value semantics (a {@code byte[]} field would compare by identity). */
public final class Bytes {
    private final byte[] value;

    public Bytes(byte[] value) {
        this.value = value.clone();
    }

    public int length() {
        return value.length;
    }

    public byte byteAt(int index) {
        return value[index];
    }

    public byte[] toArray() {
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Bytes" + Arrays.toString(value);
    }
}
