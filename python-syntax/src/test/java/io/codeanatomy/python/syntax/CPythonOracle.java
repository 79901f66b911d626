package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.codeanatomy.testkit.cpython.Python3;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * CPython 3.11 as the oracle of the differential parser tests. One {@code python3} process judges
 * a whole batch of files (with two worker processes, see {@code cpython_oracle.py}): per file the
 * SHA-256 of {@code ast.dump(ast.parse(bytes), include_attributes=True)}, or the refusal (any
 * exception). On request it returns the full dump texts, for the diagnostics of mismatches.
 */
public final class CPythonOracle {
    private static final String SCRIPT = "cpython_oracle.py";

    private final Python3 python;
    private final String script;

    private CPythonOracle(Python3 python) {
        this.python = requireNonNull(python, "python is null");
        this.script = script(SCRIPT);
    }

    /** The oracle, for a test: without CPython 3.11 the test fails under CI and is skipped elsewhere. */
    public static CPythonOracle require() {
        return new CPythonOracle(Python3.require());
    }

    /** The oracle, for a program: without CPython 3.11 it throws with the sentence that says why. */
    public static CPythonOracle locate() {
        return new CPythonOracle(Python3.locate());
    }

    /** A Python script of the differential tests, a test resource under this package. */
    public static String script(String name) {
        return Python3.resource(CPythonOracle.class, name);
    }

    /** CPython's verdict on each file, in the order given. */
    public List<Verdict> judge(List<Path> files) {
        return python.run(script, List.of("hash"), paths(files), stdout -> {
            List<Verdict> verdicts = new ArrayList<>(files.size());
            BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split("\t", -1);
                if (Integer.parseInt(parts[0]) != verdicts.size()) {
                    throw new IllegalStateException("oracle answered out of order: " + line);
                }
                verdicts.add(parts[1].equals("OK") ? Verdict.accepted(parts[2]) : refusal(parts, 2));
            }
            if (verdicts.size() != files.size()) {
                throw new IllegalStateException("oracle judged " + verdicts.size() + " of " + files.size() + " files");
            }
            return verdicts;
        });
    }

    /** CPython's dump text of one file; throws with CPython's refusal if it has none. */
    public String dump(Path file) {
        String[] result = new String[1];
        dumps(List.of(file), (path, text) -> result[0] = text);
        return result[0];
    }

    /**
     * Streams CPython's dump of each file (with attributes) to {@code consumer}, in order, one at a
     * time so that large batches do not sit in memory. A refused file throws.
     */
    public void dumps(List<Path> files, BiConsumer<Path, String> consumer) {
        python.run(script, List.of("dump"), paths(files), stdout -> {
            for (Path file : files) {
                String header = readLine(stdout);
                String[] parts = header.split("\t", -1);
                byte[] body = stdout.readNBytes(Integer.parseInt(parts[1]));
                String text = new String(body, UTF_8);
                if (!parts[2].equals("OK")) {
                    throw new IllegalStateException("CPython has no dump of " + file + ": "
                            + refusal(text.split("\t", -1), 1).describe());
                }
                consumer.accept(file, text);
            }
            return null;
        });
    }

    private static Verdict refusal(String[] parts, int from) {
        return Verdict.refused(parts[from], parts[from + 1], number(parts[from + 2]), number(parts[from + 3]),
                unescape(parts[from + 4]));
    }

    private static int number(String field) {
        return field.equals("-") ? 0 : Integer.parseInt(field);
    }

    /** Undoes the script's one_line(): \\, \n, \r and \t escapes. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("oracle output ended early");
            }
            line.write(b);
        }
        return line.toString(UTF_8);
    }

    private static byte[] paths(List<Path> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path file : files) {
            out.writeBytes(file.toAbsolutePath().toString().getBytes(UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }
}
