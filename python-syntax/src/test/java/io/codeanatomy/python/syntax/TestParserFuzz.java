package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ast.AstDump;
import io.codeanatomy.python.syntax.ast.IntegerConversionLimitException;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random byte and token mutations of real files (the standard library when CPython is installed,
 * else our fixtures), from a fixed seed. Every mutant must parse or come back with errors, never
 * throw, and take time roughly linear in its size: at most {@value #SLOWDOWN} times the unmutated
 * file's parse time per byte. A mutant that looks slow on its first parse is timed again, each
 * timing averaged over repeated parses of at least 5 ms and the best of three kept, so that a GC
 * pause, a cold error path or a busy machine is not a failure; a parser that is quadratic on some
 * input is. A second test hands a fixed set of mutants to the CPython oracle: whatever CPython
 * accepts must dump identically, whatever it refuses we must refuse.
 */
class TestParserFuzz {
    private static final long SEED = 0xF022_2024L;
    private static final long BUDGET_NANOS = 20_000_000_000L;
    private static final double SLOWDOWN = 50.0;
    /** A timing repeats the parse until this much time has passed, so that no timing is below the scheduler's resolution. */
    private static final long TIMING_NANOS = 5_000_000L;
    private static final int MIN_FILE = 1_000;
    private static final int MAX_FILE = 60_000;
    private static final int SHOWN_FAILURES = 10;
    private static final int DIFFERENTIAL_MUTANTS = 400;
    private static final String[] TOKENS = {
        "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", ":=", "==", "->", "+", "-", "*", "**", "/",
        "//", "@", "|", "&", "~", "<<", "<", ">", "!=", "if ", "else ", "elif ", "for ", " in ", "while ", "def ",
        "class ", "lambda ", "return ", "yield ", "await ", "async ", "with ", " as ", "try:", "except ", "except*",
        "finally:", "match ", "case ", "_", "import ", "from ", "global ", "not ", " and ", " or ", "is ", "del ",
        "'", "\"", "'''", "\"\"\"", "f'", "f\"{", "rb'", "}", "{x}", "!r", "\\", "\\\n", "#", "\n", "\r\n", "\r",
        "\t", "\f", " ", "    ", "0x", "1e", "1_0", "0o7", "1j", ".5", "é", "变量", "😀", "\u0000", "\u00bf",
        "# -*- coding: latin-1 -*-\n", "\ufeff",
        "\u200b", "x", "None", "True",
    };

    @TempDir
    Path dir;

    @Test
    void mutantsParseOrFailCleanlyInTimeLinearInTheirSize() {
        List<byte[]> corpus = corpus();
        Random random = new Random(SEED);
        warmUp(corpus);
        Map<Integer, Long> quickBaselines = new HashMap<>();
        Map<Integer, Long> baselines = new HashMap<>();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int mutants = 0;
        int retimed = 0;
        long bytes = 0;
        double worstRatio = 0;
        while (System.nanoTime() < deadline && failures.size() < SHOWN_FAILURES) {
            int pick = random.nextInt(corpus.size());
            byte[] original = corpus.get(pick);
            long quickBaseline = quickBaselines.computeIfAbsent(pick, k -> timeParse(original));
            byte[] mutant = mutate(original, random);
            mutants++;
            bytes += mutant.length;
            String problem = check(mutant);
            double sizeRatio = Math.max(1.0, (double) mutant.length / original.length);
            if (problem == null && timeParse(mutant) > SLOWDOWN * quickBaseline * sizeRatio) {
                // Looks slow on one parse: time both files properly before judging.
                retimed++;
                long baseline = baselines.computeIfAbsent(pick, k -> bestOfThree(original));
                long took = bestOfThree(mutant);
                double ratio = took / (baseline * sizeRatio);
                worstRatio = Math.max(worstRatio, ratio);
                if (ratio > SLOWDOWN) {
                    problem = String.format("parse took %.2f ms, %.0fx the unmutated file's %.3f ms per byte (size %d vs %d)",
                            took / 1e6, ratio, baseline / 1e6, mutant.length, original.length);
                }
            }
            if (problem != null) {
                failures.add(problem + "; input saved as " + save(mutant, failures.size()));
            }
        }
        System.out.printf("fuzz: %d mutants of %d files, %.1f MB; %d looked slow and were re-timed, worst ratio %.1f"
                + " (bound %.0f)%n", mutants, corpus.size(), bytes / 1e6, retimed, worstRatio, SLOWDOWN);
        assertThat(failures).isEmpty();
        assertThat(mutants).isGreaterThan(100);
    }

    @Test
    void mutantsAgreeWithCPython() throws IOException {
        CPythonOracle oracle = CPythonOracle.require();
        List<byte[]> corpus = corpus();
        Random random = new Random(SEED + 1);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < DIFFERENTIAL_MUTANTS; i++) {
            byte[] mutant = mutate(corpus.get(random.nextInt(corpus.size())), random);
            files.add(Files.write(dir.resolve(String.format("mutant%04d.py", i)), mutant));
        }
        DiffReport report = DifferentialComparison.ofOurParser(oracle).compare(files);
        System.out.println("fuzz against CPython: " + report.summary());
        assertThat(report.mismatches().size()).as(report.describe(10)).isZero();
    }

    /** Null when the mutant came back as a well-formed result; else what is wrong with it. */
    private static String check(byte[] source) {
        ParseResult result;
        try {
            result = PythonParser.parse(source, PythonVersion.PY311);
        } catch (RuntimeException | StackOverflowError e) {
            return "parser threw " + e;
        }
        int length = result.source().bytes().length;
        // Line 0 is CPython's own for errors of the whole file, such as an unknown encoding.
        for (SyntaxError error : result.errors()) {
            if (error.bstart() < 0 || error.bstart() > error.bend() || error.bend() > length || error.line() < 0) {
                return "error span out of range: " + error;
            }
        }
        if (result.ok()) {
            try {
                AstDump.dump(result.module(), true);
            } catch (IntegerConversionLimitException e) {
                return null;
            } catch (RuntimeException e) {
                return "dump of an accepted tree threw " + e;
            }
        }
        return null;
    }

    /** One to four mutations: byte edits, token insertions, deletions, duplications, line swaps, truncation. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(bytes.length + 1);
            bytes = switch (random.nextInt(7)) {
                case 0 -> {
                    byte[] copy = bytes.clone();
                    if (copy.length > 0) {
                        copy[Math.min(at, copy.length - 1)] = (byte) random.nextInt(256);
                    }
                    yield copy;
                }
                case 1, 2 -> splice(bytes, at, at, TOKENS[random.nextInt(TOKENS.length)].getBytes(UTF_8));
                case 3 -> splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(64)), new byte[0]);
                case 4 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(256));
                    byte[] piece = Arrays.copyOfRange(bytes, at, end);
                    int to = random.nextInt(bytes.length + 1);
                    yield splice(bytes, to, to, piece);
                }
                case 5 -> swapLines(bytes, random);
                default -> Arrays.copyOf(bytes, at);
            };
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] out = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
        return out;
    }

    private static byte[] swapLines(byte[] bytes, Random random) {
        List<String> lines = new ArrayList<>(List.of(new String(bytes, UTF_8).split("\n", -1)));
        if (lines.size() > 1) {
            Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        }
        return String.join("\n", lines).getBytes(UTF_8);
    }

    private static List<byte[]> corpus() {
        List<Path> files = Python3.find().isPresent()
                ? DifferentialComparison.pythonFiles(TestParserAgainstCPythonStdlib.stdlib(), TestParserAgainstCPythonStdlib.NOT_STDLIB)
                : TestParserAgainstCPythonFixtures.fixtures("fixtures");
        List<byte[]> corpus = new ArrayList<>();
        for (Path file : files) {
            try {
                long size = Files.size(file);
                if (size >= MIN_FILE && size <= MAX_FILE) {
                    corpus.add(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(corpus).isNotEmpty();
        return corpus;
    }

    private static void warmUp(List<byte[]> corpus) {
        for (int i = 0; i < Math.min(corpus.size(), 200); i++) {
            PythonParser.parse(corpus.get(i), PythonVersion.PY311);
        }
    }

    /** Best of three timings, each the mean over parses repeated for at least {@link #TIMING_NANOS}. */
    private static long bestOfThree(byte[] source) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            int runs = 0;
            long elapsed;
            do {
                PythonParser.parse(source, PythonVersion.PY311);
                runs++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < TIMING_NANOS);
            best = Math.min(best, elapsed / runs);
        }
        return Math.max(best, 1);
    }

    private static long timeParse(byte[] source) {
        long start = System.nanoTime();
        PythonParser.parse(source, PythonVersion.PY311);
        return System.nanoTime() - start;
    }

    private static Path save(byte[] mutant, int index) {
        try {
            Path keep = Files.createTempDirectory("ca-fuzz-");
            return Files.write(keep.resolve("failure" + index + ".py"), mutant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
