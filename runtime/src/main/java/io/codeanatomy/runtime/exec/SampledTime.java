package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The time a sampled step of an operator stands for ({@link Metering}): the step's time times the
 * steps it is taken for, except the part of it the garbage collector stopped the JVM for, counted
 * once. Multiplied, one pause of 0.8 s in a sampled step made an operator over 22,000 rows look
 * like 13 s of work. A step shorter than {@value #SLOW_STEP_NANOS} ns is taken as it is, without
 * asking the collectors; a longer one is charged the collectors' time since this operator's last
 * long step (or its start), at most the step's own time.
 */
final class SampledTime {
    /** Steps at least this long ask the collectors how long they paused. */
    static final long SLOW_STEP_NANOS = 1_000_000L;
    /** The collectors' accumulated time in milliseconds (stop-the-world time for the parallel collector the launcher runs). */
    static final LongSupplier COLLECTOR_MILLIS = new LongSupplier() {
        private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();

        @Override
        public long getAsLong() {
            long millis = 0;
            for (GarbageCollectorMXBean collector : collectors) {
                millis += Math.max(0, collector.getCollectionTime());
            }
            return millis;
        }
    };

    private final LongSupplier collectorMillis;
    private long seenMillis;

    SampledTime(LongSupplier collectorMillis) {
        this.collectorMillis = requireNonNull(collectorMillis, "collectorMillis is null");
        this.seenMillis = collectorMillis.getAsLong();
    }

    /** The nanoseconds a step that took {@code elapsedNanos} stands for, taken for {@code steps} steps. */
    long standsFor(long elapsedNanos, int steps) {
        if (elapsedNanos < SLOW_STEP_NANOS) {
            return elapsedNanos * steps;
        }
        long now = collectorMillis.getAsLong();
        long paused = Math.min(elapsedNanos, Math.max(0, now - seenMillis) * 1_000_000L);
        seenMillis = now;
        return (elapsedNanos - paused) * steps + paused;
    }
}
