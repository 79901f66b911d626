package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationOutcome;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The session allocator's listener: an allocation that would pass the memory budget waits until
 * other threads have released enough memory and is tried again, instead of failing at once.
 * Extraction, writers and plans share the budget; a producer that gets ahead of its writers then
 * waits for them, as it would on a full queue. When nothing is released for
 * {@link #PATIENCE_MILLIS}, the allocation fails: the budget is too small for what the run holds at
 * once.
 */
final class WaitingForMemory implements AllocationListener {
    /** How long an allocation waits without any memory being released before it fails. */
    static final long PATIENCE_MILLIS = 10_000;

    private final long patienceNanos;
    private final Object released = new Object();
    private volatile int waiting;
    private BufferAllocator root;

    WaitingForMemory() {
        this(PATIENCE_MILLIS);
    }

    /** Failing an allocation after {@code patienceMillis} without a release. */
    WaitingForMemory(long patienceMillis) {
        this.patienceNanos = patienceMillis * 1_000_000;
    }

    /** Sets the allocator whose room an allocation waits for; once, before any allocation. */
    void watch(BufferAllocator allocator) {
        this.root = requireNonNull(allocator, "allocator is null");
    }

    @Override
    public boolean onFailedAllocation(long size, AllocationOutcome outcome) {
        if (root == null) {
            return false;
        }
        synchronized (released) {
            waiting++;
            try {
                long deadline = System.nanoTime() + patienceNanos;
                while (root.getLimit() - root.getAllocatedMemory() < size) {
                    long before = root.getAllocatedMemory();
                    long leftNanos = deadline - System.nanoTime();
                    if (leftNanos <= 0) {
                        return false;
                    }
                    // Rounded up: rounded down, the last wait ended up to a millisecond before the patience was over.
                    released.wait(Math.min((leftNanos + 999_999) / 1_000_000, 100));
                    if (root.getAllocatedMemory() < before) {
                        deadline = System.nanoTime() + patienceNanos;
                    }
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                waiting--;
            }
        }
    }

    @Override
    public void onRelease(long size) {
        if (waiting > 0) {
            synchronized (released) {
                released.notifyAll();
            }
        }
    }

    /** How many allocations are waiting now (tests). */
    int waiting() {
        return waiting;
    }
}
