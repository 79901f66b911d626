package io.codeanatomy.cli;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.pipeline.BuildListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows a build's progress on stderr: on a terminal, one line redrawn in place with a bar of the
 * files extracted; otherwise (a log, a pipe) a plain line per phase and at most one progress line
 * per {@code plainIntervalNanos}. Called from extraction threads; drawing is throttled and
 * synchronized, counting is lock-free.
 */
final class BuildProgress implements BuildListener {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int PLAIN_ETA_MIN_FILES = 10;
    /** The problem files named at the end of a build; more are counted. */
    static final int NAMED_PROBLEMS = 10;

    private final PrintWriter err;
    private final boolean terminal;
    private final long plainIntervalNanos;
    private final AtomicLong total = new AtomicLong(-1);
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong problems = new AtomicLong();
    /** Path and message of each problem file (guarded by this); sorted when read, since threads report in any order. */
    private final List<Problem> problemFiles = new ArrayList<>();
    private final long started = System.nanoTime();
    private long lastDrawn = Long.MIN_VALUE / 2;
    private String phase = "start";
    private long extractStarted = System.nanoTime();
    /** When extraction ended (the next phase began); 0 while it runs. The rate stops there. */
    private long extractEnded;
    private boolean lineOpen;

    BuildProgress(PrintWriter err, boolean terminal, long plainIntervalNanos) {
        this.err = requireNonNull(err, "err is null");
        this.terminal = terminal;
        this.plainIntervalNanos = plainIntervalNanos;
    }

    @Override
    public synchronized void phaseStarted(String next) {
        phase = next;
        if (next.equals("extract")) {
            extractStarted = System.nanoTime();
        } else if (extractEnded == 0 && done.get() > 0) {
            extractEnded = System.nanoTime();
        }
        if (terminal) {
            draw(true);
        } else {
            err.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(), next);
            err.flush();
        }
    }

    @Override
    public synchronized void warning(String message) {
        if (terminal) {
            err.print("\r\u001b[K");
        }
        err.println("codeanatomy: warning: " + message);
        err.flush();
    }

    @Override
    public void filesTotal(long count) {
        total.set(count);
    }

    @Override
    public void fileDone(long fileBytes) {
        done.incrementAndGet();
        bytes.addAndGet(fileBytes);
        long now = System.nanoTime();
        if (now - lastDrawn >= (terminal ? REDRAW_NANOS : plainIntervalNanos)) {
            synchronized (this) {
                if (now - lastDrawn >= (terminal ? REDRAW_NANOS : plainIntervalNanos)) {
                    lastDrawn = now;
                    draw(false);
                }
            }
        }
    }

    @Override
    public void problem(String file, String message) {
        problems.incrementAndGet();
        synchronized (this) {
            problemFiles.add(new Problem(file, message));
        }
    }

    /** A file extraction had trouble with: its path and what went wrong (status, first error, how many more). */
    record Problem(String path, String message) {
        Problem {
            requireNonNull(path, "path is null");
            requireNonNull(message, "message is null");
        }
    }

    /** Every problem reported, by path. */
    synchronized List<Problem> problemFiles() {
        return problemFiles.stream().sorted(Comparator.comparing(Problem::path).thenComparing(Problem::message)).toList();
    }

    /** Ends the progress line so that what follows starts on a fresh line. */
    synchronized void finish() {
        if (terminal && lineOpen) {
            draw(true);
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    long problems() {
        return problems.get();
    }

    private void draw(boolean force) {
        long all = total.get();
        long finished = done.get();
        String counts = all >= 0
                ? String.format(Locale.ROOT, "%d/%d files", finished, all)
                : String.format(Locale.ROOT, "%d files", finished);
        long until = extractEnded != 0 ? extractEnded : System.nanoTime();
        double extracting = Math.max(1e-3, (until - extractStarted) / 1e9);
        // A log keeps every line, so its first ETA waits for a sample worth extrapolating from;
        // on a terminal the estimate is redrawn and settles as files come.
        boolean sampled = terminal || (finished >= PLAIN_ETA_MIN_FILES && finished * 20 >= all);
        String eta = all > 0 && finished > 0 && finished < all && sampled
                ? String.format(Locale.ROOT, ", ETA %.0fs", extracting * (all - finished) / finished)
                : "";
        String text = String.format(Locale.ROOT, "%s, %.1f MB, %.1f MB/s%s%s", counts, bytes.get() / 1e6,
                bytes.get() / 1e6 / extracting, eta, problems.get() == 0 ? "" : ", " + problems.get() + " with problems");
        if (terminal) {
            double fraction = all > 0 ? Math.min(1.0, (double) finished / all) : 0.0;
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            err.printf(Locale.ROOT, "\r[%s%s] %3d%% %s  %-8s %6.1fs\u001b[K", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                    Math.round(fraction * 100), text, phase, seconds());
            lineOpen = true;
        } else if (!force) {
            err.printf(Locale.ROOT, "[%6.1fs] %s: %s%n", seconds(), phase, text);
        }
        err.flush();
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
