package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The CPython 3.11 interpreter that differential tests use as their oracle: {@code python3} on the
 * PATH, or the executable named by the system property {@value #PROPERTY}. It runs in isolated mode
 * ({@code -I}), so no environment variable (PYTHONINTMAXSTRDIGITS, PYTHONIOENCODING...) and no
 * user site changes its answers.
 */
public final class Python3 {
    public static final String PROPERTY = "ca.python3";
    /** The message of a test skipped because no interpreter was found. */
    public static final String MISSING = "python3 (CPython 3.11) not found on the PATH nor in -D" + PROPERTY
            + ": the differential tests need it as their oracle";

    private static final Optional<Python3> INSTANCE = locate();

    private final Path executable;

    private Python3(Path executable) {
        this.executable = requireNonNull(executable, "executable is null");
    }

    /** The interpreter, when a CPython 3.11 is installed. */
    public static Optional<Python3> find() {
        return INSTANCE;
    }

    public Path executable() {
        return executable;
    }

    /**
     * Runs {@code script} (Python source text) with {@code args}, feeding {@code stdin}, and returns
     * its standard output; a non-zero exit throws with the standard error text.
     */
    public byte[] run(String script, List<String> args, byte[] stdin) {
        return run(script, args, stdin, InputStream::readAllBytes);
    }

    /** Reads standard output as it comes. */
    @FunctionalInterface
    interface OutputReader<T> {
        T read(InputStream stdout) throws IOException;
    }

    /** As {@link #run(String, List, byte[])}, handing standard output to {@code reader} as a stream. */
    <T> T run(String script, List<String> args, byte[] stdin, OutputReader<T> reader) {
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
                out = reader.read(in);
                in.transferTo(OutputStream.nullOutputStream());
            }
            int exit = process.waitFor();
            feeder.join();
            if (exit != 0) {
                throw new IllegalStateException("python3 exited with " + exit + ": " + Files.readString(errFile, UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while python3 ran", e);
        } finally {
            deleteQuietly(scriptFile);
            deleteQuietly(errFile);
        }
    }

    /** Loads a Python script shipped as a test resource next to this class. */
    public static String resource(String name) {
        try (InputStream in = Python3.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static Optional<Python3> locate() {
        String configured = System.getProperty(PROPERTY);
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        } else {
            String path = System.getenv("PATH");
            for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "python3"));
                }
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                Optional<Path> real = cpython311(candidate);
                if (real.isPresent()) {
                    return Optional.of(new Python3(real.get()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The interpreter's own executable when {@code candidate} runs CPython 3.11: launcher shims
     * (pyenv) cost a shell start per run, so later runs skip them.
     */
    private static Optional<Path> cpython311(Path candidate) {
        try {
            Process p = new ProcessBuilder(candidate.toString(), "-I", "-c",
                    "import sys, platform; print(platform.python_implementation(), *sys.version_info[:2], sys.executable)")
                    .redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), UTF_8).trim();
            }
            String prefix = "CPython 3 11 ";
            if (p.waitFor() == 0 && out.startsWith(prefix) && out.indexOf('\n') < 0) {
                Path real = Path.of(out.substring(prefix.length()));
                return Optional.of(Files.isExecutable(real) ? real : candidate);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
