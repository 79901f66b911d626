package io.codeanatomy.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * An allocation past the memory budget waits for another thread to release enough, in a child
 * allocator too; with nothing released it fails once its patience is out.
 */
class TestWaitingForMemory {
    private static final long MIB = 1 << 20;

    @Test
    void anAllocationPastTheBudgetWaitsUntilAnotherThreadReleasesEnough() throws Exception {
        WaitingForMemory waiting = new WaitingForMemory(10_000);
        try (RootAllocator root = new RootAllocator(waiting, 4 * MIB)) {
            waiting.watch(root);
            BufferAllocator producer = root.newChildAllocator("producer", 0, root.getLimit());
            ArrowBuf first = producer.buffer(MIB);
            ArrowBuf second = producer.buffer(MIB);
            ArrowBuf held = producer.buffer(2 * MIB);

            CompletableFuture<ArrowBuf> blocked = CompletableFuture.supplyAsync(() -> producer.buffer(2 * MIB));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (waiting.waiting() == 0 && !blocked.isDone() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(waiting.waiting()).as("the budget is spent; 2 MiB waits").isEqualTo(1);
            assertThat(blocked).isNotDone();
            first.close();
            // 3 MiB of 4 stay allocated: the 2 MiB cannot be granted whenever the waiter looks again.
            assertThat(blocked).as("1 MiB released is not yet enough").isNotDone();
            second.close();

            try (ArrowBuf granted = blocked.get(5, TimeUnit.SECONDS)) {
                assertThat(granted.capacity()).isEqualTo(2 * MIB);
                assertThat(root.getAllocatedMemory()).isEqualTo(4 * MIB);
            }
            held.close();
            producer.close();
        }
    }

    @Test
    void withNothingReleasedTheAllocationFailsAfterItsPatience() {
        WaitingForMemory waiting = new WaitingForMemory(300);
        try (RootAllocator root = new RootAllocator(waiting, 2 * MIB); ArrowBuf held = root.buffer(2 * MIB)) {
            waiting.watch(root);
            long started = System.nanoTime();

            assertThatThrownBy(() -> root.buffer(MIB)).isInstanceOf(OutOfMemoryException.class);
            assertThat((System.nanoTime() - started) / 1_000_000).as("it waited its patience").isGreaterThanOrEqualTo(300);
            assertThat(held.capacity()).isEqualTo(2 * MIB);
        }
    }
}
