package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Runs our parser and the CPython oracle over the same files and reports where they disagree:
 * an accepted file must dump byte for byte as CPython's {@code ast.dump(..., include_attributes=True)},
 * a file CPython refuses must be refused by us at the same stage, and vice versa. Files whose
 * dumps differ get a category naming the node field where the dumps diverge, found by asking
 * CPython for the full dumps of (at most {@link #EXAMINED}) such files.
 */
public final class DifferentialComparison {
    /** How many files with differing dumps are examined to find the node field that differs. */
    public static final int EXAMINED = 2_000;
    private static final int DETAILED = 10;

    private final CPythonOracle oracle;
    private final BiFunction<byte[], StringBuilder, Verdict> subject;

    /**
     * @param subject judges a file's bytes like {@link OurSide#judge} does, leaving the dump of an
     *                accepted file in the StringBuilder
     */
    public DifferentialComparison(CPythonOracle oracle, BiFunction<byte[], StringBuilder, Verdict> subject) {
        this.oracle = requireNonNull(oracle, "oracle is null");
        this.subject = requireNonNull(subject, "subject is null");
    }

    /** Compares with our parser as the subject. */
    public static DifferentialComparison ofOurParser(CPythonOracle oracle) {
        return new DifferentialComparison(oracle, OurSide::judge);
    }

    /** Every {@code .py} file under {@code root}, sorted, skipping any directory named in {@code skip}. */
    public static List<Path> pythonFiles(Path root, List<String> skip) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".py"))
                    .filter(Files::isRegularFile)
                    .filter(p -> !underAny(root.relativize(p), skip))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static boolean underAny(Path relative, List<String> dirs) {
        for (Path part : relative) {
            if (dirs.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Judges every file on both sides and collects the disagreements. */
    public DiffReport compare(List<Path> files) {
        long cpythonStart = System.nanoTime();
        CompletableFuture<Duration> cpythonDone = new CompletableFuture<>();
        CompletableFuture<List<Verdict>> cpython = CompletableFuture.supplyAsync(() -> {
            List<Verdict> verdicts = oracle.judge(files);
            cpythonDone.complete(Duration.ofNanos(System.nanoTime() - cpythonStart));
            return verdicts;
        });
        List<Verdict> ours = new ArrayList<>(files.size());
        long bytes = 0;
        long oursNanos = 0;
        StringBuilder dump = new StringBuilder();
        for (Path file : files) {
            byte[] raw = read(file);
            bytes += raw.length;
            long start = System.nanoTime();
            ours.add(subject.apply(raw, dump));
            oursNanos += System.nanoTime() - start;
        }
        List<Verdict> theirs = cpython.join();
        int acceptedByBoth = 0;
        int refusedByBoth = 0;
        int sameLine = 0;
        List<Mismatch> mismatches = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Verdict c = theirs.get(i);
            Verdict o = ours.get(i);
            if (c.refused() && o.refused() && c.stage().equals(o.stage())) {
                refusedByBoth++;
                sameLine += c.line() == o.line() ? 1 : 0;
            } else if (!c.refused() && !o.refused() && c.sha256().equals(o.sha256())) {
                acceptedByBoth++;
            } else {
                mismatches.add(new Mismatch(files.get(i), category(c, o), c, o, ""));
            }
        }
        examineDumps(mismatches);
        return new DiffReport(files.size(), bytes, acceptedByBoth, refusedByBoth, sameLine, mismatches,
                Duration.ofNanos(oursNanos), cpythonDone.join());
    }

    /** Replaces "dumps differ" by the node field where they diverge, with excerpts for the first few. */
    private void examineDumps(List<Mismatch> mismatches) {
        Map<Path, Integer> index = new HashMap<>();
        List<Path> differing = new ArrayList<>();
        for (int i = 0; i < mismatches.size() && differing.size() < EXAMINED; i++) {
            Mismatch m = mismatches.get(i);
            if (!m.cpython().refused() && !m.ours().refused()) {
                index.put(m.file(), i);
                differing.add(m.file());
            }
        }
        if (differing.isEmpty()) {
            return;
        }
        StringBuilder ourDump = new StringBuilder();
        int[] detailed = {0};
        oracle.dumps(differing, (file, expected) -> {
            subject.apply(read(file), ourDump);
            String actual = ourDump.toString();
            DumpDivergence d = DumpDivergence.of(expected, actual);
            int i = index.get(file);
            if (d == null) {
                mismatches.set(i, mismatches.get(i).withCategory("dump hashes differ but texts are equal (encoding?)", ""));
                return;
            }
            String detail = detailed[0]++ < DETAILED
                    ? "  first difference at char " + d.offset() + " (" + d.nodeField() + ")\n  CPython: "
                            + d.expectedExcerpt() + "\n  ours:    " + d.actualExcerpt()
                    : "";
            mismatches.set(i, mismatches.get(i).withCategory("dumps differ at " + d.nodeField(), detail));
        });
    }

    private static String category(Verdict cpython, Verdict ours) {
        if (ours.refused() && ours.stage().equals(OurSide.CRASH)) {
            return "our parser threw " + ours.errorType();
        }
        if (cpython.refused() && ours.refused()) {
            return "refused at different stages: CPython at " + cpython.stage() + ", ours at " + ours.stage();
        }
        if (cpython.refused()) {
            return "we accept what CPython refuses at " + cpython.stage() + ": " + cpython.errorType() + ": "
                    + normalise(cpython.message());
        }
        if (ours.refused()) {
            return "we refuse what CPython accepts: " + normalise(ours.message());
        }
        return "dumps differ";
    }

    /** A message with its specifics (quoted text, numbers) blanked, so that like errors group. */
    static String normalise(String message) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\'') {
                if (!quoted) {
                    out.append("'…'");
                }
                quoted = !quoted;
            } else if (!quoted) {
                if (Character.isDigit(c)) {
                    if (out.length() == 0 || out.charAt(out.length() - 1) != 'N') {
                        out.append('N');
                    }
                } else {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
