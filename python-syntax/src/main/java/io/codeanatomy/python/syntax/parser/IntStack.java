package io.codeanatomy.python.syntax.parser;

import java.util.Arrays;

/** A growable stack of ints, for the token indices that iterative rules fold afterwards. */
final class IntStack {
    private int[] values = new int[16];
    private int size;

    int size() {
        return size;
    }

    void push(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int get(int i) {
        return values[i];
    }

    int pop() {
        return values[--size];
    }

    void truncate(int newSize) {
        size = newSize;
    }
}
