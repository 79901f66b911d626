package io.codeanatomy.runtime.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The tuner's proposals from synthetic recorded runs: its rules, bounds and regression guard. */
class TestTuner {
    private static final long MIB = 1L << 20;
    private static final TunedSettings SMALL = new TunedSettings(2, 4096, 512 * MIB);
    private static final Tuner TUNER = new Tuner(2, 4096 * MIB);

    @Test
    void withoutEarlierBuildsNothingIsProposed() {
        TuningProposal proposal = TUNER.propose(List.of(), "small", SMALL, Set.of());

        assertThat(proposal.changes()).isEmpty();
        assertThat(proposal.target()).isEqualTo(SMALL);
        assertThat(proposal.note()).get().asString().contains("no earlier successful build of a small input");
    }

    @Test
    void peakArrowMemoryNearTheBudgetRaisesTheBudgetWithTheMeasuredReason() {
        RecordedRun base = run("r1", 1).peakArrow(450 * MIB).build();

        TuningProposal proposal = TUNER.propose(List.of(base), "small", SMALL, Set.of());

        assertThat(proposal.target()).isEqualTo(new TunedSettings(2, 4096, 1024 * MIB));
        assertThat(proposal.changes()).singleElement().satisfies(change -> {
            assertThat(change.setting()).isEqualTo(TunedSetting.MEMORY_BUDGET);
            assertThat(change.from()).isEqualTo(512 * MIB);
            assertThat(change.to()).isEqualTo(1024 * MIB);
            assertThat(change.reason()).isEqualTo("peak Arrow memory 450 MiB was 87% of the 512 MiB budget in run r1");
        });
        assertThat(proposal.lines(false)).containsExactly(
                "tuning: memory budget 512 MiB -> 1024 MiB: peak Arrow memory 450 MiB was 87% of the 512 MiB budget in run r1"
                        + " [proposed, not applied (build with --tune to apply)]");
        assertThat(proposal.baselineRunId()).contains("r1");
    }

    @Test
    void theBudgetStopsAtTheMachinesCapAndThenBatchRowsHalve() {
        Tuner tuner = new Tuner(2, 768 * MIB);
        TunedSettings atCap = new TunedSettings(2, 4096, 768 * MIB);

        assertThat(tuner.propose(List.of(run("r1", 1).peakArrow(500 * MIB).build()), "small", SMALL, Set.of()).target())
                .isEqualTo(new TunedSettings(2, 4096, 768 * MIB));
        TuningProposal halved = tuner.propose(List.of(run("r2", 2).settings(atCap).peakArrow(700 * MIB).build()), "small", atCap, Set.of());
        assertThat(halved.target()).isEqualTo(new TunedSettings(2, 2048, 768 * MIB));
        assertThat(halved.changes()).singleElement().extracting(TuningChange::reason).asString()
                .endsWith("and the budget is at its cap of 768 MiB");
        TunedSettings smallest = new TunedSettings(2, Tuner.MIN_BATCH_ROWS, 768 * MIB);
        assertThat(tuner.propose(List.of(run("r3", 3).settings(smallest).peakArrow(700 * MIB).build()), "small", smallest, Set.of()).changes())
                .isEmpty();
    }

    @Test
    void batchRowsDoubleForManyBatchesWithLittleMemoryUpToTheBound() {
        RecordedRun many = run("r1", 1).largestOutput(100_000).peakArrow(10 * MIB).build();
        assertThat(TUNER.propose(List.of(many), "small", SMALL, Set.of()).target().batchRows()).isEqualTo(8192);

        TunedSettings nearTop = new TunedSettings(2, 40_000, 512 * MIB);
        RecordedRun huge = run("r2", 2).settings(nearTop).largestOutput(10_000_000).build();
        assertThat(TUNER.propose(List.of(huge), "small", nearTop, Set.of()).target().batchRows()).isEqualTo(Tuner.MAX_BATCH_ROWS);

        TunedSettings top = new TunedSettings(2, Tuner.MAX_BATCH_ROWS, 512 * MIB);
        RecordedRun atTop = run("r3", 3).settings(top).largestOutput(10_000_000).build();
        assertThat(TUNER.propose(List.of(atTop), "small", top, Set.of()).changes()).isEmpty();

        RecordedRun few = run("r4", 4).largestOutput(4096 * 15).build();
        assertThat(TUNER.propose(List.of(few), "small", SMALL, Set.of()).changes()).isEmpty();
    }

    @Test
    void workersGrowForExtractionBoundRunsWithinTwiceTheProcessors() {
        TunedSettings one = new TunedSettings(1, 4096, 512 * MIB);
        RecordedRun extractionBound = run("r1", 1).settings(one).phases(600, 400).files(100).build();
        TuningProposal proposal = TUNER.propose(List.of(extractionBound), "small", one, Set.of());
        assertThat(proposal.target().workers()).isEqualTo(2);
        assertThat(proposal.changes()).singleElement().extracting(TuningChange::reason).asString()
                .isEqualTo("extraction took 600 of 1000 ms (60%) on 1 workers for 100 files in run r1");

        TunedSettings three = new TunedSettings(3, 4096, 512 * MIB);
        assertThat(TUNER.propose(List.of(run("r2", 2).settings(three).phases(600, 400).files(100).build()), "small", three, Set.of())
                .target().workers()).isEqualTo(4);
        TunedSettings four = new TunedSettings(4, 4096, 512 * MIB);
        assertThat(TUNER.propose(List.of(run("r3", 3).settings(four).phases(600, 400).files(100).build()), "small", four, Set.of())
                .changes()).isEmpty();
        // Recorded on a larger machine: brought within this one's bound.
        TunedSettings sixteen = new TunedSettings(16, 4096, 512 * MIB);
        assertThat(TUNER.propose(List.of(run("r4", 4).settings(sixteen).build()), "small", SMALL, Set.of()).target().workers())
                .isEqualTo(4);
        // Few files: more threads would idle.
        assertThat(TUNER.propose(List.of(run("r5", 5).settings(one).phases(600, 400).files(1).build()), "small", one, Set.of())
                .changes()).isEmpty();
    }

    @Test
    void heapNearItsMaximumHalvesTheWorkers() {
        RecordedRun pressed = run("r1", 1).heap(900 * MIB, 1000 * MIB).phases(600, 400).files(100).build();

        TuningProposal proposal = TUNER.propose(List.of(pressed), "small", SMALL, Set.of());

        assertThat(proposal.target().workers()).isEqualTo(1);
        assertThat(proposal.changes()).singleElement().extracting(TuningChange::reason).asString()
                .isEqualTo("peak heap 900 MiB was 90% of the 1000 MiB maximum heap in run r1");
    }

    @Test
    void onlySuccessfulBuildsOfTheSameSizeClassCount() {
        RecordedRun good = run("r1", 1).peakArrow(450 * MIB).build();
        RecordedRun failed = run("r2", 2).failed().build();
        RecordedRun otherClass = run("r3", 3).sizeClass("large").build();

        TuningProposal proposal = TUNER.propose(List.of(otherClass, failed, good), "small", SMALL, Set.of());

        assertThat(proposal.basedOn()).containsExactly("r1");
        assertThat(proposal.target().memoryBudgetBytes()).isEqualTo(1024 * MIB);
    }

    @Test
    void settingsTheUserGaveAreNotProposed() {
        RecordedRun base = run("r1", 1).peakArrow(450 * MIB).heap(900 * MIB, 1000 * MIB).build();

        TuningProposal proposal = TUNER.propose(List.of(base), "small", SMALL, Set.of(TunedSetting.WORKERS, TunedSetting.MEMORY_BUDGET));

        assertThat(proposal.changes()).isEmpty();
        assertThat(proposal.target()).isEqualTo(SMALL);
    }

    @Test
    void aTunedSettingCarriesOverToTheNextRun() {
        TunedSettings tuned = new TunedSettings(2, 8192, 512 * MIB);
        RecordedRun good = run("r1", 1).build();
        RecordedRun applied = run("r2", 2).settings(tuned).applied("r1").totalMillis(1100).build();

        TuningProposal proposal = TUNER.propose(List.of(applied, good), "small", SMALL, Set.of());

        assertThat(proposal.reverts()).isFalse();
        assertThat(proposal.target()).isEqualTo(tuned);
        assertThat(proposal.changes()).singleElement().extracting(TuningChange::reason).asString().isEqualTo("as run r2 ran, in 1100 ms");
    }

    @Test
    void aTunedRunSlowerThanItsBaselineBeyondTheThresholdIsReverted() {
        TunedSettings tuned = new TunedSettings(2, 8192, 1024 * MIB);
        RecordedRun good = run("r1", 1).totalMillis(1000).build();
        RecordedRun slower = run("r2", 2).settings(tuned).applied("r1").totalMillis(1200).build();

        TuningProposal proposal = TUNER.propose(List.of(slower, good), "small", tuned, Set.of());

        assertThat(proposal.reverts()).isTrue();
        assertThat(proposal.target()).isEqualTo(SMALL);
        assertThat(proposal.baselineRunId()).contains("r1");
        assertThat(proposal.changes()).extracting(TuningChange::setting).containsExactly(TunedSetting.BATCH_ROWS, TunedSetting.MEMORY_BUDGET);
        assertThat(proposal.changes().get(0).reason())
                .isEqualTo("run r2 took 1200 ms, +20% against 1000 ms of run r1, the last good run; back to its settings");
        assertThat(proposal.lines(true).get(0)).isEqualTo("tuning: reverting to the settings of run r1, the last good run");
        assertThat(proposal.lines(false).get(0)).isEqualTo("tuning: would revert to the settings of run r1, the last good run");
    }

    @Test
    void withinTheThresholdATunedRunIsKept() {
        TunedSettings tuned = new TunedSettings(2, 8192, 1024 * MIB);
        RecordedRun good = run("r1", 1).totalMillis(1000).build();
        RecordedRun alike = run("r2", 2).settings(tuned).applied("r1").totalMillis(1150).build();

        TuningProposal proposal = TUNER.propose(List.of(alike, good), "small", SMALL, Set.of());

        assertThat(proposal.reverts()).isFalse();
        assertThat(proposal.target()).isEqualTo(tuned);
    }

    @Test
    void settingsThatRegressedAreNotProposedAgain() {
        TunedSettings doubled = new TunedSettings(2, 8192, 512 * MIB);
        RecordedRun good = run("r1", 1).totalMillis(1000).largestOutput(100_000).build();
        RecordedRun slower = run("r2", 2).settings(doubled).applied("r1").totalMillis(1500).largestOutput(100_000).build();
        RecordedRun reverted = run("r3", 3).applied("r1").totalMillis(1000).largestOutput(100_000).build();

        TuningProposal proposal = TUNER.propose(List.of(reverted, slower, good), "small", SMALL, Set.of());

        assertThat(proposal.changes()).isEmpty();
        assertThat(proposal.target()).isEqualTo(SMALL);
        assertThat(proposal.note()).contains("not proposing batch rows 8192 again: run r2 regressed with them");
    }

    private static RunBuilder run(String id, int second) {
        return new RunBuilder(id, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second));
    }

    /** A recorded run with defaults: a successful small build with {@link #SMALL}, 1 s, no pressure. */
    private static final class RunBuilder {
        private final String id;
        private final Instant started;
        private boolean succeeded = true;
        private String sizeClass = "small";
        private TunedSettings settings = SMALL;
        private long extractMillis = 100;
        private long restMillis = 900;
        private long peakArrow = MIB;
        private long peakHeap = 100 * MIB;
        private long maxHeap = 1000 * MIB;
        private long largestOutput = 1000;
        private long files = 10;
        private Optional<String> baseline = Optional.empty();

        RunBuilder(String id, Instant started) {
            this.id = id;
            this.started = started;
        }

        RunBuilder failed() {
            succeeded = false;
            return this;
        }

        RunBuilder sizeClass(String name) {
            sizeClass = name;
            return this;
        }

        RunBuilder settings(TunedSettings value) {
            settings = value;
            return this;
        }

        RunBuilder phases(long extract, long rest) {
            extractMillis = extract;
            restMillis = rest;
            return this;
        }

        RunBuilder totalMillis(long total) {
            return phases(extractMillis * total / (extractMillis + restMillis), total - extractMillis * total / (extractMillis + restMillis));
        }

        RunBuilder peakArrow(long bytes) {
            peakArrow = bytes;
            return this;
        }

        RunBuilder heap(long peak, long max) {
            peakHeap = peak;
            maxHeap = max;
            return this;
        }

        RunBuilder largestOutput(long rows) {
            largestOutput = rows;
            return this;
        }

        RunBuilder files(long count) {
            files = count;
            return this;
        }

        RunBuilder applied(String baselineRunId) {
            baseline = Optional.of(baselineRunId);
            return this;
        }

        RecordedRun build() {
            SortedMap<String, Long> phases = new TreeMap<>();
            phases.put("extract", extractMillis);
            phases.put("execute", restMillis);
            return new RecordedRun(id, started, succeeded, Optional.of(sizeClass), settings, extractMillis + restMillis, phases, peakArrow,
                    peakHeap, maxHeap, largestOutput, files, baseline.isPresent(), baseline);
        }
    }
}
