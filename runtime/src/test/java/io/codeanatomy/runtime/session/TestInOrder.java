package io.codeanatomy.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestInOrder {

    @Test
    void resultsComeInTheInputsOrderWhateverThreadFinishesFirst() {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        // The first task waits until a later one has run, so the two finish out of order.
        CountDownLatch later = new CountDownLatch(1);

        List<String> results = InOrder.map(items, 3, "t", item -> {
            threads.add(Thread.currentThread().getName());
            if (item == 0) {
                await(later);
            } else {
                later.countDown();
            }
            return "r" + item;
        });

        assertThat(results).isEqualTo(items.stream().map(item -> "r" + item).toList());
        assertThat(threads).hasSizeGreaterThan(1).allMatch(name -> name.matches("t-[123]"));
    }

    @Test
    void oneThreadRunsOnTheCallersThread() {
        String caller = Thread.currentThread().getName();

        assertThat(InOrder.map(List.of(1, 2), 1, "t", item -> Thread.currentThread().getName())).containsExactly(caller, caller);
        assertThat(InOrder.map(List.of(), 4, "t", item -> item)).isEmpty();
    }

    @Test
    void theFailureOfTheFirstFailedItemInOrderIsThrown() {
        // Item 3 fails at once; item 1 fails only after it, yet is first in order.
        CountDownLatch third = new CountDownLatch(1);

        assertThatThrownBy(() -> InOrder.map(List.of(0, 1, 2, 3), 4, "t", item -> {
            if (item == 1) {
                await(third);
                throw new IllegalArgumentException("item 1");
            }
            if (item == 3) {
                third.countDown();
                throw new IllegalStateException("item 3");
            }
            return item;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 1");
        assertThatThrownBy(() -> InOrder.map(List.of(0), 0, "t", item -> item)).hasMessageContaining("at least 1");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other task ran").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
