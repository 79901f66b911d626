package io.codeanatomy.spi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestSourceWorkers {
    private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

    @Test
    void resultsReachTheConsumerInListOrderWhateverOrderWorkersFinishIn() {
        List<Integer> seen = new ArrayList<>();
        // Early items take longest, so workers finish out of order.
        SourceWorkers.forEach(ITEMS, 4, "test", i -> {
            spin(200 - i);
            return i * 2;
        }, seen::add);
        assertThat(seen).isEqualTo(ITEMS.stream().map(i -> i * 2).toList());
        assertThat(SourceWorkers.map(ITEMS, 3, "test", i -> -i)).isEqualTo(ITEMS.stream().map(i -> -i).toList());
    }

    @Test
    void noMoreThanTheWindowIsComputedAheadOfTheConsumer() {
        AtomicInteger started = new AtomicInteger();
        List<Integer> aheadWhenConsumed = new ArrayList<>();
        SourceWorkers.forEach(ITEMS, 4, 5, "test", i -> {
            started.incrementAndGet();
            return i;
        }, i -> aheadWhenConsumed.add(started.get() - i));
        assertThat(aheadWhenConsumed).hasSize(ITEMS.size()).allMatch(ahead -> ahead >= 1 && ahead <= 6);
    }

    @Test
    void aFailingTaskStopsTheRunAndReachesTheCaller() {
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> SourceWorkers.forEach(ITEMS, 2, "test", i -> {
            if (i == 7) {
                throw new IllegalStateException("item 7");
            }
            return i;
        }, seen::add)).isInstanceOf(IllegalStateException.class).hasMessage("item 7");
        assertThat(seen).isEqualTo(ITEMS.subList(0, 7));
    }

    @Test
    void workersHaveAStackForDeepRecursion() {
        // 200,000 frames overflow a default 512 KiB-1 MiB thread stack.
        assertThat(SourceWorkers.map(List.of(200_000), 1, "test", TestSourceWorkers::depth)).containsExactly(200_000);
    }

    @Test
    void aPoolOfOnesOwnGetsNamedDaemonWorkersWithTheStackAndTheTasksOwnFailure() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, SourceWorkers.threadFactory("own"));
        try {
            Future<String> name = pool.submit(() -> Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon());
            Future<Integer> deep = pool.submit(() -> depth(200_000));
            Future<Integer> failing = pool.submit(() -> {
                throw new IllegalStateException("task failed");
            });

            assertThat(SourceWorkers.await(name)).matches("own-[12] true");
            assertThat(SourceWorkers.await(deep)).isEqualTo(200_000);
            // Rethrown as the task threw it, not wrapped in an ExecutionException.
            assertThatThrownBy(() -> SourceWorkers.await(failing)).isInstanceOf(IllegalStateException.class).hasMessage("task failed");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyListsAndBadArgumentsAreHandled() {
        assertThat(SourceWorkers.map(List.<Integer>of(), 2, "test", i -> i)).isEmpty();
        assertThatThrownBy(() -> SourceWorkers.map(ITEMS, 0, "test", i -> i)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceWorkers.forEach(ITEMS, 1, 0, "test", i -> i, i -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    private static void spin(int units) {
        long until = System.nanoTime() + units * 20_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
