package io.codeanatomy.python.syntax;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of comparing our parser with CPython over a set of files. Files both sides refuse
 * count as agreement; {@code sameFirstErrorLine} tells how many of those our first error is on the
 * line of CPython's (informative: error positions are not yet part of the contract).
 */
public record DiffReport(int files, long bytes, int acceptedByBoth, int refusedByBoth, int sameFirstErrorLine,
        List<Mismatch> mismatches, Duration ours, Duration cpython) {
    public DiffReport {
        mismatches = List.copyOf(mismatches);
    }

    /** Mismatch counts per category, most frequent first. */
    public Map<String, Integer> categories() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Mismatch m : mismatches) {
            counts.merge(m.category(), 1, Integer::sum);
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** One paragraph: files, bytes, agreement, mismatches, times. */
    public String summary() {
        return String.format("%d files, %.1f MB: %d accepted by both, %d refused by both (%d with our first error on"
                        + " CPython's line), %d mismatches; our parser+dump %.1f s (%.1f MB/s), CPython oracle %.1f s",
                files, bytes / 1e6, acceptedByBoth, refusedByBoth, sameFirstErrorLine, mismatches.size(),
                ours.toMillis() / 1e3, bytes / 1e6 / Math.max(ours.toMillis(), 1) * 1e3, cpython.toMillis() / 1e3);
    }

    /** The summary, the categories, and the details of the first {@code limit} mismatches. */
    public String describe(int limit) {
        StringBuilder out = new StringBuilder(summary()).append('\n');
        if (!mismatches.isEmpty()) {
            out.append("mismatch categories:\n");
            categories().forEach((category, count) -> out.append(String.format("  %6d  %s%n", count, category)));
        }
        for (Mismatch m : mismatches.subList(0, Math.min(limit, mismatches.size()))) {
            out.append("\n").append(m.file()).append("\n  ").append(m.category())
                    .append("\n  CPython: ").append(m.cpython().describe())
                    .append("\n  ours:    ").append(m.ours().describe());
            if (!m.detail().isEmpty()) {
                out.append('\n').append(m.detail());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
