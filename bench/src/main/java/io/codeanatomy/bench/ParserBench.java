package io.codeanatomy.bench;

import io.codeanatomy.python.syntax.PythonParser;
import io.codeanatomy.python.syntax.PythonVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses every {@code .py} file below a directory with our parser (single thread, after warm-up)
 * and with CPython's {@code ast.parse} (one core) over the same files in the same run, and prints
 * both throughputs and their ratio. Usage: {@code ParserBench DIR [--exclude-dir NAME]... [--rounds N]}.
 */
public final class ParserBench {
    private ParserBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchCorpus corpus = BenchCorpus.parse(args, 5);
        Path dir = corpus.dir();
        int rounds = corpus.rounds();
        List<Path> files = corpus.files();
        List<byte[]> sources = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            sources.add(b);
            bytes += b.length;
        }
        System.out.printf(Locale.ROOT, "corpus: %s, %d files, %.1f MB%n", dir, files.size(), bytes / 1e6);

        double ours = Double.MAX_VALUE;
        int refused = 0;
        for (int r = 0; r < rounds + 2; r++) { // two warm-up rounds
            refused = 0;
            long t0 = System.nanoTime();
            for (byte[] src : sources) {
                if (!PythonParser.parse(src, PythonVersion.PY311).ok()) {
                    refused++;
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (r >= 2) {
                ours = Math.min(ours, s);
            }
        }
        String[] cpython = CPythonScript.run("cpython_bench.py", files, "parse", Integer.toString(Math.max(1, rounds / 2)));
        double theirs = Double.parseDouble(cpython[3]);
        System.out.printf(Locale.ROOT, "codeanatomy parser (1 thread, best of %d): %.3f s, %.1f MB/s, %d refused%n",
                rounds, ours, bytes / 1e6 / ours, refused);
        System.out.printf(Locale.ROOT, "CPython %s ast.parse (1 core, best of %d):  %.3f s, %.1f MB/s, %s refused%n",
                CPythonScript.version(), Math.max(1, rounds / 2), theirs, bytes / 1e6 / theirs, cpython[4]);
        System.out.printf(Locale.ROOT, "ratio: %.2fx CPython's throughput%n", theirs / ours);
    }
}
