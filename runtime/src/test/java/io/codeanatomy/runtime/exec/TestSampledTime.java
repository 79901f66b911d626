package io.codeanatomy.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TestSampledTime {
    private static final long MS = 1_000_000L;

    @Test
    void aShortStepStandsForTheStepsAroundIt() {
        AtomicLong collectors = new AtomicLong(40);
        SampledTime time = new SampledTime(collectors::get);
        collectors.addAndGet(500);
        // Short steps do not ask the collectors: a pause is never charged to them.
        assertThat(time.standsFor(2_000, 16)).isEqualTo(32_000);
        assertThat(time.standsFor(SampledTime.SLOW_STEP_NANOS - 1, 16)).isEqualTo((SampledTime.SLOW_STEP_NANOS - 1) * 16);
    }

    @Test
    void aPauseInASampledStepIsCountedOnce() {
        AtomicLong collectors = new AtomicLong(1_000);
        SampledTime time = new SampledTime(collectors::get);
        collectors.addAndGet(800);
        assertThat(time.standsFor(810 * MS, 16)).as("10 ms of work for 16 steps, 800 ms of pause once").isEqualTo(10 * MS * 16 + 800 * MS);
        // The pause was charged: the next long step without one is all work.
        assertThat(time.standsFor(3 * MS, 16)).isEqualTo(48 * MS);
    }

    @Test
    void noMoreThanTheStepIsTakenForAPause() {
        AtomicLong collectors = new AtomicLong(0);
        SampledTime time = new SampledTime(collectors::get);
        // A pause during steps that were not timed is not this step's: at most the step is.
        collectors.addAndGet(50);
        assertThat(time.standsFor(5 * MS, 16)).isEqualTo(5 * MS);
    }
}
