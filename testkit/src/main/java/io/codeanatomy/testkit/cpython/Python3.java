package io.codeanatomy.testkit.cpython;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.codeanatomy.testkit.ci.Ci;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;

/**
 * CPython 3.11, the oracle of every differential test: the interpreter named by the system
 * property {@value #PROPERTY}, else by the environment variable {@value #ENVIRONMENT}, else
 * {@code python3} on the PATH. It is used only once it says it is CPython 3.11; anything else is
 * reported in one sentence ({@link #require()}), never silently skipped. Scripts run in isolated
 * mode ({@code -I}), so no environment variable (PYTHONINTMAXSTRDIGITS, PYTHONIOENCODING...) and
 * no user site changes CPython's answers.
 */
public final class Python3 {
    public static final String PROPERTY = "ca.python3";
    public static final String ENVIRONMENT = "CODEANATOMY_PYTHON3";
    private static final String DEFAULT = "python3";
    private static final String PROBE = "import sys; print(sys.implementation.name, '%d.%d.%d' % sys.version_info[:3], sys.executable)";

    private static final Located LOCATED = resolve(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT));

    private final Path executable;
    private final String version;

    private Python3(Path executable, String version) {
        this.executable = requireNonNull(executable, "executable is null");
        this.version = requireNonNull(version, "version is null");
    }

    /**
     * The oracle, for a test that needs it. When it is missing or not CPython 3.11 the test fails
     * under {@code CI=true} and is skipped elsewhere, in both cases with the sentence that says
     * what was found and how to name a 3.11.
     */
    public static Python3 require() {
        if (LOCATED.python().isPresent()) {
            return LOCATED.python().get();
        }
        if (Ci.on()) {
            throw new AssertionError(LOCATED.problem());
        }
        return Assumptions.abort(LOCATED.problem());
    }

    /** The oracle when it is there, for a test that can do without it (one that only picks its inputs with it). */
    public static Optional<Python3> find() {
        return LOCATED.python();
    }

    /** The oracle, for a program (a benchmark) rather than a test: missing, it throws with the sentence. */
    public static Python3 locate() {
        return LOCATED.python().orElseThrow(() -> new IllegalStateException(LOCATED.problem()));
    }

    /** The interpreter's own executable (not a launcher shim such as pyenv's). */
    public Path executable() {
        return executable;
    }

    /** The full version, e.g. {@code 3.11.7}. */
    public String version() {
        return version;
    }

    /**
     * Runs {@code script} (Python source text) with {@code args}, feeding {@code stdin}, and returns
     * its standard output; a non-zero exit throws with the standard error text.
     */
    public byte[] run(String script, List<String> args, byte[] stdin) {
        return run(script, args, stdin, InputStream::readAllBytes);
    }

    /** As {@link #run(String, List, byte[])} with no input, returning standard output as UTF-8 text. */
    public String output(String script, String... args) {
        return new String(run(script, List.of(args), new byte[0]), UTF_8);
    }

    /** Reads standard output as it comes, so that large answers need not sit in memory. */
    @FunctionalInterface
    public interface OutputReader<T> {
        T read(InputStream stdout) throws IOException;
    }

    /** As {@link #run(String, List, byte[])}, handing standard output to {@code reader} as a stream. */
    public <T> T run(String script, List<String> args, byte[] stdin, OutputReader<T> reader) {
        requireNonNull(script, "script is null");
        requireNonNull(stdin, "stdin is null");
        Path scriptFile = null;
        Path errFile = null;
        try {
            scriptFile = Files.createTempFile("ca-python3-", ".py");
            errFile = Files.createTempFile("ca-python3-", ".err");
            Files.writeString(scriptFile, script, UTF_8);
            List<String> command = new ArrayList<>(List.of(executable.toString(), "-I", scriptFile.toString()));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
            CompletableFuture<Void> feeder = CompletableFuture.runAsync(() -> feed(process.getOutputStream(), stdin));
            T out;
            try (InputStream in = process.getInputStream()) {
                out = reader.read(new FilterInputStream(in) {
                    @Override
                    public void close() {
                        // The reader may close what it was given; the rest is drained below so the process can exit.
                    }
                });
                in.transferTo(OutputStream.nullOutputStream());
            }
            int exit = process.waitFor();
            feeder.join();
            if (exit != 0) {
                throw new IllegalStateException(executable + " exited with " + exit + ": " + Files.readString(errFile, UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + executable + " ran", e);
        } finally {
            deleteQuietly(scriptFile);
            deleteQuietly(errFile);
        }
    }

    /** Loads a Python script shipped as a resource next to {@code owner}. */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + owner.getName());
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The interpreter the property, else the environment variable, else the default names, probed. */
    static Located resolve(String property, String environment) {
        if (property != null && !property.isBlank()) {
            return probe(property, "-D" + PROPERTY + "=" + property);
        }
        if (environment != null && !environment.isBlank()) {
            return probe(environment, ENVIRONMENT + "=" + environment);
        }
        return probe(DEFAULT, DEFAULT);
    }

    /** Asks {@code command} what it is; {@code named} says how the user named it, for the sentence. */
    static Located probe(String command, String named) {
        String answer;
        int exit;
        try {
            Process p = new ProcessBuilder(command, "-I", "-c", PROBE).redirectErrorStream(true).start();
            p.getOutputStream().close();
            try (InputStream in = p.getInputStream()) {
                answer = new String(in.readAllBytes(), UTF_8).trim();
            }
            exit = p.waitFor();
        } catch (IOException e) {
            return Located.missing(named + " was not found");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Located.missing(named + " was interrupted while it said its version");
        }
        String[] words = answer.split(" ", 3);
        if (exit != 0 || words.length < 2 || answer.indexOf('\n') >= 0) {
            return Located.missing(named + " did not say its version (exit " + exit + ": " + firstLine(answer) + ")");
        }
        if (!words[0].equals("cpython") || !words[1].startsWith("3.11.")) {
            return Located.missing(named + " is " + implementation(words[0]) + " " + words[1]);
        }
        // Later runs start the real executable: a launcher shim (pyenv) costs a shell start per run.
        Path real = words.length == 3 ? Path.of(words[2]) : Path.of(command);
        return Located.found(new Python3(Files.isExecutable(real) ? real : Path.of(command), words[1]));
    }

    private static String implementation(String name) {
        return Map.of("cpython", "CPython", "pypy", "PyPy", "graalpy", "GraalPy").getOrDefault(name, name);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static void feed(OutputStream stdin, byte[] bytes) {
        try (OutputStream out = stdin) {
            out.write(bytes);
        } catch (IOException e) {
            // The script exited without reading all of its input; its exit status tells why.
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temporary file is harmless.
            }
        }
    }

    /** The outcome of locating the oracle: the interpreter, or the sentence that says why there is none. */
    record Located(Optional<Python3> python, String problem) {
        Located {
            requireNonNull(python, "python is null");
            requireNonNull(problem, "problem is null");
        }

        static Located found(Python3 python) {
            return new Located(Optional.of(python), "");
        }

        static Located missing(String found) {
            return new Located(Optional.empty(), "CodeAnatomy's tests need CPython 3.11 as their oracle: " + found
                    + "; install 3.11 or set " + ENVIRONMENT + " (or -D" + PROPERTY + ") to one.");
        }
    }
}
