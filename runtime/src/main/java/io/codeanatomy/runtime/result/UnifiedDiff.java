package io.codeanatomy.runtime.result;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} layout, three lines of context) of two texts by lines, from their
 * longest common subsequence. Plans are a few hundred lines, so the quadratic table is cheap.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff of {@code before} to {@code after}, empty when they are equal. */
    public static String of(String beforeName, String before, String afterName, String after) {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        if (before.equals(after)) {
            return "";
        }
        return ofLines(beforeName, before.lines().toList(), afterName, after.lines().toList());
    }

    /** The diff of lines {@code a} to lines {@code b} (as {@link String#lines()} splits a text), empty when equal. */
    public static String ofLines(String beforeName, List<String> a, String afterName, List<String> b) {
        requireNonNull(a, "a is null");
        requireNonNull(b, "b is null");
        if (a.equals(b)) {
            return "";
        }
        List<int[]> ops = script(a, b);
        StringBuilder out = new StringBuilder("--- ").append(beforeName).append("\n+++ ").append(afterName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while changes are closer than twice the context.
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            appendHunk(out, ops, start, end, a, b);
            i = end;
        }
        return out.toString();
    }

    /** Edit script: one entry per line, {@code ' '} kept, {@code '-'} removed, {@code '+'} added; [1] and [2] are line indexes. */
    /**
     * The edit script of {@code a} to {@code b}: the lines both start and end with are kept as they
     * are, and a longest common subsequence is computed only between them (a rule changes a few
     * lines of a plan of hundreds, so the table stays small).
     */
    private static List<int[]> script(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        int n = a.size() - head - tail;
        int m = b.size() - head - tail;
        int[][] lcs = new int[n + 1][m + 1];
        for (int x = n - 1; x >= 0; x--) {
            for (int y = m - 1; y >= 0; y--) {
                lcs[x][y] = a.get(head + x).equals(b.get(head + y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        List<int[]> ops = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.add(new int[] {' ', k, k});
        }
        int x = 0;
        int y = 0;
        while (x < n || y < m) {
            if (x < n && y < m && a.get(head + x).equals(b.get(head + y))) {
                ops.add(new int[] {' ', head + x++, head + y++});
            } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                ops.add(new int[] {'-', head + x++, head + y});
            } else {
                ops.add(new int[] {'+', head + x, head + y++});
            }
        }
        for (int k = 0; k < tail; k++) {
            ops.add(new int[] {' ', head + n + k, head + m + k});
        }
        return ops;
    }

    private static void appendHunk(StringBuilder out, List<int[]> ops, int start, int end, List<String> a, List<String> b) {
        int aStart = ops.get(start)[1];
        int bStart = ops.get(start)[2];
        int aCount = 0;
        int bCount = 0;
        StringBuilder body = new StringBuilder();
        for (int k = start; k < end; k++) {
            int[] op = ops.get(k);
            switch (op[0]) {
                case ' ' -> {
                    body.append(' ').append(a.get(op[1])).append('\n');
                    aCount++;
                    bCount++;
                }
                case '-' -> {
                    body.append('-').append(a.get(op[1])).append('\n');
                    aCount++;
                }
                default -> {
                    body.append('+').append(b.get(op[2])).append('\n');
                    bCount++;
                }
            }
        }
        out.append("@@ -").append(aStart + 1).append(',').append(aCount).append(" +").append(bStart + 1).append(',').append(bCount)
                .append(" @@\n").append(body);
    }
}
