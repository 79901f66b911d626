package io.codeanatomy.runtime.plan;

import java.util.Arrays;

/**
 * Keys, their hashes and (for a map) their values or numbers in parallel arrays, by open addressing
 * with linear probing: what {@link SemiNaiveEvaluation}'s set of rows, {@link MemoRows}' lookups and
 * {@link KeyedJoin}'s built rows keep millions of, without an entry object per key. A null key slot is empty; keys are compared by
 * {@code equals}, or deeply (arrays, i.e. rows and structs) when the slots are made so. The table
 * grows past two thirds full.
 */
final class HashSlots {
    private final boolean deep;
    private final boolean withValues;
    private final boolean withNumbers;
    private Object[] keys = new Object[16];
    private int[] hashes = new int[16];
    private Object[] values;
    private int[] numbers;
    private int size;

    /**
     * @param deep whether keys are arrays compared element by element
     * @param withValues whether each key has a value
     */
    HashSlots(boolean deep, boolean withValues) {
        this(deep, withValues, false);
    }

    /**
     * @param deep whether keys are arrays compared element by element
     * @param withValues whether each key has a value
     * @param withNumbers whether each key has a number (an {@code int}, kept unboxed)
     */
    HashSlots(boolean deep, boolean withValues, boolean withNumbers) {
        this.deep = deep;
        this.withValues = withValues;
        this.withNumbers = withNumbers;
        this.values = withValues ? new Object[16] : null;
        this.numbers = withNumbers ? new int[16] : null;
    }

    /** {@code key}'s hash, spread over the low bits a slot is chosen by. */
    int hash(Object key) {
        int hash = deep ? Arrays.deepHashCode((Object[]) key) : key.hashCode();
        return hash ^ (hash >>> 16);
    }

    /** The slot of {@code key} (non-null): where it is, or the empty slot where it would go. */
    int slot(Object key, int hash) {
        int mask = keys.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Object present = keys[i];
            if (present == null || hashes[i] == hash && (present == key || equal(present, key))) {
                return i;
            }
        }
    }

    private boolean equal(Object present, Object key) {
        return deep ? Arrays.deepEquals((Object[]) present, (Object[]) key) : present.equals(key);
    }

    /** Whether {@code slot} holds a key. */
    boolean taken(int slot) {
        return keys[slot] != null;
    }

    Object key(int slot) {
        return keys[slot];
    }

    Object value(int slot) {
        return values[slot];
    }

    void setValue(int slot, Object value) {
        values[slot] = value;
    }

    int number(int slot) {
        return numbers[slot];
    }

    void setNumber(int slot, int number) {
        numbers[slot] = number;
    }

    /** Puts {@code key} with its {@code hash} and {@code value} in the empty {@code slot} {@link #slot} gave; slots move when the table grows. */
    void insert(int slot, Object key, int hash, Object value) {
        insert(slot, key, hash, value, 0);
    }

    /** As {@link #insert(int, Object, int, Object)}, with the key's {@code number}. */
    void insertNumbered(int slot, Object key, int hash, int number) {
        insert(slot, key, hash, null, number);
    }

    private void insert(int slot, Object key, int hash, Object value, int number) {
        keys[slot] = key;
        hashes[slot] = hash;
        if (withValues) {
            values[slot] = value;
        }
        if (withNumbers) {
            numbers[slot] = number;
        }
        if (++size * 3L > keys.length * 2L) {
            grow();
        }
    }

    int size() {
        return size;
    }

    /** The number of slots, taken or not: slots are {@code 0} to this, exclusive. */
    int capacity() {
        return keys.length;
    }

    private void grow() {
        Object[] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        int[] oldNumbers = numbers;
        keys = new Object[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        values = withValues ? new Object[oldKeys.length * 2] : null;
        numbers = withNumbers ? new int[oldKeys.length * 2] : null;
        int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != null) {
                int i = oldHashes[k] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                hashes[i] = oldHashes[k];
                if (withValues) {
                    values[i] = oldValues[k];
                }
                if (withNumbers) {
                    numbers[i] = oldNumbers[k];
                }
            }
        }
    }
}
