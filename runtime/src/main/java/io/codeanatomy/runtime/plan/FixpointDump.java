package io.codeanatomy.runtime.plan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A diagnostic for fixpoints that grow too large: with the system property
 * {@value #PROPERTY} naming a directory, each evaluation of a semi-naive fixpoint writes every new
 * row, round by round, to {@code <dir>/<fixpoint name>.tsv} (the round, then the row's values,
 * tab-separated) and one line per round to standard error (new rows, total, wall time since the
 * evaluation began). Off by default; it never changes what a fixpoint computes. docs/cpg-calls.md
 * says how to read a dump of the call resolution's points-to fixpoint.
 */
final class FixpointDump implements AutoCloseable {
    static final String PROPERTY = "codeanatomy.fixpoint.dump";
    private static final FixpointDump OFF = new FixpointDump("", null, 0);

    private final String name;
    private final BufferedWriter out;
    private final long start;

    private FixpointDump(String name, BufferedWriter out, long start) {
        this.name = name;
        this.out = out;
        this.start = start;
    }

    /** The dump of one evaluation of the fixpoint {@code name}, or one that does nothing when the property is not set. */
    static FixpointDump open(String name) {
        return open(name, System.getProperty(PROPERTY));
    }

    /** The dump of one evaluation of the fixpoint {@code name} into {@code dir}; one that does nothing when {@code dir} is null or empty. */
    static FixpointDump open(String name, String dir) {
        if (dir == null || dir.isEmpty()) {
            return OFF;
        }
        try {
            Path file = Files.createDirectories(Path.of(dir)).resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".tsv");
            return new FixpointDump(name, Files.newBufferedWriter(file, StandardCharsets.UTF_8), System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fixpoint dump to " + dir, e);
        }
    }

    void round(int round, List<Object[]> fresh, long total) {
        if (out == null) {
            return;
        }
        try {
            for (Object[] row : fresh) {
                out.write(Integer.toString(round));
                for (Object value : row) {
                    out.write('\t');
                    out.write(value instanceof Object[] nested ? Arrays.deepToString(nested) : String.valueOf(value));
                }
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fixpoint dump of " + name, e);
        }
        System.err.printf("fixpoint %s round %d: %,d new rows, %,d in all, %.1f s%n", name, round, fresh.size(), total,
                (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fixpoint dump of " + name, e);
        }
    }
}
