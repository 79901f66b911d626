package io.codeanatomy.bench;

import io.codeanatomy.bench.DuckDbComparison.Figures;
import io.codeanatomy.runtime.pipeline.DamagedOutputException;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The relational part against DuckDB: every fragment of the plan DAG of a build (spools and outputs)
 * run by our engine and by an in-process DuckDB over the build's extraction tables, in the same run,
 * with the time ratio and whether both produced the same rows ({@link DuckDbComparison}). Usage:
 * {@code DuckDbBench OUT [--rounds N] [--threads N]}, OUT the {@code --out} directory of a
 * {@code codeanatomy build}; {@code --threads} is DuckDB's thread count, by default 1 as ours runs
 * each fragment's plan on one thread; {@code --rounds} the timed rounds after the comparing one
 * (default 1).
 */
public final class DuckDbBench {
    private DuckDbBench() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: DuckDbBench OUT [--rounds N] [--threads N]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int rounds = 1;
        int threads = 1;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String loadBefore = loadAverage();
        DuckDbComparison opened;
        try {
            opened = DuckDbComparison.open(out, threads);
        } catch (IllegalArgumentException | InvalidInputException | DamagedOutputException e) {
            System.err.println("DuckDbBench: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (DuckDbComparison comparison = opened) {
            System.out.printf(Locale.ROOT, "%s, %s; DuckDB threads: %d (ours: one thread per fragment, one fragment at a time)%n",
                    out, comparison.specName(), threads);
            System.out.printf(Locale.ROOT, "round 0 compares rows and warms up; times are the best of %d round(s) after it%n", rounds);
            List<Figures> figures = comparison.run(rounds);
            print(figures);
        }
        System.out.println("load average (1, 5, 15 min): before " + loadBefore + ", after " + loadAverage());
    }

    static void print(List<Figures> figures) {
        System.out.printf(Locale.ROOT, "%-36s %11s %9s %9s %7s  %s%n", "fragment", "rows", "ours s", "DuckDB s", "ratio", "same rows");
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "%-36s %11d %9.3f %9s %7s  %s%n", f.name(), f.ourRows(), f.ours(),
                    f.bothRan() ? String.format(Locale.ROOT, "%.3f", f.duckdb()) : "-",
                    f.bothRan() ? String.format(Locale.ROOT, "%.2f", f.ours() / f.duckdb()) : "-", same(f));
        }
        total("outputs both ran", figures, f -> !f.spool() && f.bothRan());
        total("spools both ran", figures, f -> f.spool() && f.bothRan());
        total("all fragments both ran", figures, Figures::bothRan);
        double oursOnly = figures.stream().filter(f -> !f.bothRan()).mapToDouble(Figures::ours).sum();
        System.out.printf(Locale.ROOT, "ours only (DuckDB did not run them): %.3f s%n", oursOnly);
        for (Figures f : figures) {
            f.problem().ifPresent(problem -> System.out.println("  " + f.name() + ": " + problem));
            f.difference().ifPresent(d -> d.samples().forEach(row -> System.out.println("  " + f.name() + ", only in "
                    + row.replaceFirst("^first", "ours").replaceFirst("^second", "DuckDB's"))));
            if (!f.sameAsBundle()) {
                System.out.println("  " + f.name() + ": our plan differs from the bundle's P1 (planned with other rules or profile?)");
            }
        }
    }

    private static String same(Figures f) {
        return f.difference().map(d -> d.none() ? "yes"
                : String.format(Locale.ROOT, "NO: %d only ours, %d only DuckDB (%d rows)", d.onlyFirst(), d.onlySecond(), f.duckdbRows()))
                .orElse("-");
    }

    private static void total(String label, List<Figures> figures, Predicate<Figures> included) {
        List<Figures> chosen = figures.stream().filter(included).toList();
        double ours = chosen.stream().mapToDouble(Figures::ours).sum();
        double duckdb = chosen.stream().mapToDouble(Figures::duckdb).sum();
        long rows = chosen.stream().mapToLong(Figures::ourRows).sum();
        System.out.printf(Locale.ROOT, "%-36s %11d %9.3f %9.3f %7.2f  %d fragments%n", "total, " + label, rows, ours, duckdb,
                ours / duckdb, chosen.size());
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadavg)) {
            return "unknown";
        }
        String[] fields = Files.readString(loadavg).trim().split("\\s+");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }
}
