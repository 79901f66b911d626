package io.codeanatomy.runtime.tune;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The adaptive tuner (seed WS10): from the recorded runs of an output it proposes bounded changes
 * of the {@link TunedSetting}s for the next build. It keeps no state of its own; everything it
 * needs is in the run records ({@link RecordedRun}), which record what it proposed and applied.
 *
 * <p>It reads the successful builds of inputs of the same size class, newest first, and derives
 * the proposal from the newest of them (the base) with these rules, one step per run:
 *
 * <ul>
 *   <li>memory budget: when the base's peak Arrow memory reached {@value #NEAR_PERCENT}% of its
 *       budget, double the budget, up to half the machine's RAM; at that cap, halve the batch rows
 *       instead;
 *   <li>batch rows: when its largest output took at least {@value #BATCHES_TO_GROW} batches and its
 *       peak Arrow memory stayed under {@value #LOW_PERCENT}% of the budget, double them; always
 *       within [{@value #MIN_BATCH_ROWS}, {@value #MAX_BATCH_ROWS}];
 *   <li>workers: when its peak heap reached {@value #NEAR_PERCENT}% of the maximum heap, halve
 *       them; else when extraction took at least half its wall time and there were at least twice
 *       as many files as workers, double them; always within [1, 2 x available processors].
 * </ul>
 *
 * <p>Regression guard: a build that applied changes is judged against its baseline, the run its
 * settings started from; slower than it by more than {@value #REGRESSION_PERCENT}% of wall time,
 * it regressed, and the next proposal goes back to the baseline's settings. Settings that
 * regressed once are not proposed again.
 */
public final class Tuner {
    public static final int MIN_BATCH_ROWS = 1024;
    public static final int MAX_BATCH_ROWS = 65_536;
    /** Slower than its baseline by more than this, in percent of wall time, a tuned run regressed. */
    public static final int REGRESSION_PERCENT = 15;
    static final int NEAR_PERCENT = 80;
    static final int LOW_PERCENT = 25;
    static final int BATCHES_TO_GROW = 16;
    /** Recorded builds read at most; older runs say little about the current code and machine. */
    static final int WINDOW = 20;
    private static final long MIB = 1L << 20;

    private final int processors;
    private final long memoryCapBytes;

    /**
     * @param processors available processors; workers stay within [1, 2 x processors]
     * @param memoryCapBytes the most the tuner raises the memory budget to
     */
    public Tuner(int processors, long memoryCapBytes) {
        if (processors < 1 || memoryCapBytes < MIB) {
            throw new IllegalArgumentException("a tuner needs at least one processor and 1 MiB, got " + processors + " and " + memoryCapBytes);
        }
        this.processors = processors;
        this.memoryCapBytes = memoryCapBytes;
    }

    /** A tuner for this machine: its available processors, and half its RAM as the memory cap. */
    public static Tuner forThisMachine() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long ram = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : Runtime.getRuntime().maxMemory();
        return new Tuner(Runtime.getRuntime().availableProcessors(), Math.max(MIB, ram / 2));
    }

    public int maxWorkers() {
        return 2 * processors;
    }

    public long memoryCapBytes() {
        return memoryCapBytes;
    }

    /**
     * The proposal for a build of an input of {@code sizeClass} that would run with {@code current}.
     *
     * @param history the output's recorded runs, newest first ({@link RecordedRun#history})
     * @param fixed settings the user gave (workers, a pinned profile): never proposed
     */
    public TuningProposal propose(List<RecordedRun> history, String sizeClass, TunedSettings current, Set<TunedSetting> fixed) {
        requireNonNull(history, "history is null");
        requireNonNull(sizeClass, "sizeClass is null");
        requireNonNull(current, "current is null");
        requireNonNull(fixed, "fixed is null");
        List<RecordedRun> builds = history.stream()
                .filter(run -> run.succeededBuild() && run.sizeClass().equals(Optional.of(sizeClass)))
                .limit(WINDOW)
                .toList();
        if (builds.isEmpty()) {
            return TuningProposal.none(sizeClass, current, "nothing to propose: no earlier successful build of a " + sizeClass
                    + " input in this output");
        }
        Map<String, RecordedRun> byId = RecordedRun.byId(builds);
        List<String> basedOn = builds.stream().map(RecordedRun::runId).toList();
        RecordedRun newest = builds.get(0);
        Optional<RecordedRun> good = newest.baselineRunId().map(byId::get);
        if (good.isPresent() && regressed(newest, good.get())) {
            RecordedRun last = good.get();
            String reason = String.format(Locale.ROOT, "run %s took %d ms, %+d%% against %d ms of run %s, the last good run; back to its settings",
                    newest.runId(), newest.totalMillis(), percentAbove(newest.totalMillis(), last.totalMillis()), last.totalMillis(), last.runId());
            Map<TunedSetting, String> reasons = new EnumMap<>(TunedSetting.class);
            for (TunedSetting setting : TunedSetting.values()) {
                reasons.put(setting, reason);
            }
            TunedSettings target = keepFixed(last.settings(), current, fixed);
            return new TuningProposal(sizeClass, current, target, changes(current, target, reasons, last), basedOn,
                    Optional.of(last.runId()), true, Optional.empty());
        }
        Map<TunedSetting, String> reasons = new EnumMap<>(TunedSetting.class);
        TunedSettings target = keepFixed(step(newest, reasons), current, fixed);
        fixed.forEach(reasons::remove);
        Optional<String> note = Optional.empty();
        Optional<RecordedRun> rejectedBy = target.equals(newest.settings()) ? Optional.empty()
                : builds.stream().filter(run -> regressedRun(run, byId)).filter(run -> run.settings().equals(target)).findFirst();
        if (rejectedBy.isPresent()) {
            note = Optional.of("not proposing " + describe(newest.settings(), target) + " again: run " + rejectedBy.get().runId() + " regressed with them");
            reasons.clear();
            TunedSettings kept = keepFixed(newest.settings(), current, fixed);
            return new TuningProposal(sizeClass, current, kept, changes(current, kept, reasons, newest), basedOn,
                    Optional.of(newest.runId()), false, note);
        }
        List<TuningChange> changes = changes(current, target, reasons, newest);
        if (changes.isEmpty()) {
            note = Optional.of("nothing to propose from run " + newest.runId() + " (" + newest.totalMillis() + " ms)");
        }
        return new TuningProposal(sizeClass, current, target, changes, basedOn, Optional.of(newest.runId()), false, note);
    }

    /** The settings after one step of the rules from {@code base}'s settings and measurements; reasons by setting changed. */
    private TunedSettings step(RecordedRun base, Map<TunedSetting, String> reasons) {
        TunedSettings settings = clamp(base.settings());
        long budget = settings.memoryBudgetBytes();
        int batch = settings.batchRows();
        long peakArrow = base.peakArrowBytes();
        if (peakArrow * 100 >= budget * NEAR_PERCENT) {
            String measured = String.format(Locale.ROOT, "peak Arrow memory %d MiB was %d%% of the %d MiB budget in run %s",
                    peakArrow / MIB, peakArrow * 100 / budget, budget / MIB, base.runId());
            if (budget < memoryCapBytes) {
                settings = settings.with(TunedSetting.MEMORY_BUDGET, Math.min(2 * budget, memoryCapBytes));
                reasons.put(TunedSetting.MEMORY_BUDGET, measured);
            } else if (batch > MIN_BATCH_ROWS) {
                settings = settings.with(TunedSetting.BATCH_ROWS, Math.max(batch / 2, MIN_BATCH_ROWS));
                reasons.put(TunedSetting.BATCH_ROWS, measured + ", and the budget is at its cap of " + memoryCapBytes / MIB + " MiB");
            }
        } else if (peakArrow * 100 < budget * LOW_PERCENT && base.largestOutputRows() >= (long) BATCHES_TO_GROW * batch && batch < MAX_BATCH_ROWS) {
            settings = settings.with(TunedSetting.BATCH_ROWS, Math.min(2 * batch, MAX_BATCH_ROWS));
            reasons.put(TunedSetting.BATCH_ROWS, String.format(Locale.ROOT,
                    "the largest output had %d rows, %d batches of %d, while peak Arrow memory was %d MiB, %d%% of the budget, in run %s",
                    base.largestOutputRows(), (base.largestOutputRows() + batch - 1) / batch, batch, peakArrow / MIB, peakArrow * 100 / budget, base.runId()));
        }
        int workers = settings.workers();
        long extract = base.millis("extract");
        if (base.maxHeapBytes() > 0 && base.peakHeapBytes() * 100 >= base.maxHeapBytes() * NEAR_PERCENT && workers > 1) {
            settings = settings.with(TunedSetting.WORKERS, Math.max(1, workers / 2));
            reasons.put(TunedSetting.WORKERS, String.format(Locale.ROOT, "peak heap %d MiB was %d%% of the %d MiB maximum heap in run %s",
                    base.peakHeapBytes() / MIB, base.peakHeapBytes() * 100 / base.maxHeapBytes(), base.maxHeapBytes() / MIB, base.runId()));
        } else if (base.totalMillis() > 0 && 2 * extract >= base.totalMillis() && base.files() >= 2L * workers && workers < maxWorkers()) {
            settings = settings.with(TunedSetting.WORKERS, Math.min(2 * workers, maxWorkers()));
            reasons.put(TunedSetting.WORKERS, String.format(Locale.ROOT, "extraction took %d of %d ms (%d%%) on %d workers for %d files in run %s",
                    extract, base.totalMillis(), extract * 100 / base.totalMillis(), workers, base.files(), base.runId()));
        }
        return settings;
    }

    /** {@code settings} within the bounds: a run recorded elsewhere may have used more workers or memory than this machine allows. */
    private TunedSettings clamp(TunedSettings settings) {
        return new TunedSettings(Math.max(1, Math.min(settings.workers(), maxWorkers())),
                Math.max(MIN_BATCH_ROWS, Math.min(settings.batchRows(), MAX_BATCH_ROWS)),
                Math.min(settings.memoryBudgetBytes(), Math.max(memoryCapBytes, MIB)));
    }

    /** Whether {@code run} applied changes and ran slower than its baseline beyond the threshold. */
    static boolean regressed(RecordedRun run, RecordedRun baseline) {
        return run.applied() && !run.settings().equals(baseline.settings())
                && run.totalMillis() * 100 > baseline.totalMillis() * (100L + REGRESSION_PERCENT);
    }

    private static boolean regressedRun(RecordedRun run, Map<String, RecordedRun> byId) {
        return run.baselineRunId().map(byId::get).filter(baseline -> regressed(run, baseline)).isPresent();
    }

    private static long percentAbove(long value, long base) {
        return base == 0 ? 0 : (value - base) * 100 / base;
    }

    private static TunedSettings keepFixed(TunedSettings target, TunedSettings current, Set<TunedSetting> fixed) {
        TunedSettings kept = target;
        for (TunedSetting setting : fixed) {
            kept = kept.with(setting, current.value(setting));
        }
        return kept;
    }

    /** The changes from {@code current} to {@code target}; a value carried from {@code base} without a rule says so. */
    private static List<TuningChange> changes(TunedSettings current, TunedSettings target, Map<TunedSetting, String> reasons, RecordedRun base) {
        List<TuningChange> changes = new ArrayList<>();
        for (TunedSetting setting : TunedSetting.values()) {
            long from = current.value(setting);
            long to = target.value(setting);
            if (from != to) {
                changes.add(new TuningChange(setting, from, to, reasons.getOrDefault(setting, "as run " + base.runId() + " ran, in "
                        + base.totalMillis() + " ms")));
            }
        }
        return changes;
    }

    private static String describe(TunedSettings from, TunedSettings to) {
        List<String> parts = new ArrayList<>();
        for (TunedSetting setting : TunedSetting.values()) {
            if (from.value(setting) != to.value(setting)) {
                parts.add(setting.label() + " " + setting.format(to.value(setting)));
            }
        }
        return parts.isEmpty() ? "these settings" : String.join(", ", parts);
    }
}
