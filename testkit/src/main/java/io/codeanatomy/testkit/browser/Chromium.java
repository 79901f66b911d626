package io.codeanatomy.testkit.browser;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.testkit.ci.Ci;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium} package, which {@code .ci/run} installs when it is
 * missing), for tests that load a page the project writes. Each call starts a fresh browser with
 * its own empty profile and no background networking (the machine has no network, and Chromium's
 * attempts to reach Google would only slow it down and fill its log).
 */
public final class Chromium {
    public static final String PROPERTY = "ca.chromium";
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"));
    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = requireNonNull(executable, "executable is null");
    }

    /**
     * The browser, for a test that needs it: missing, the test fails under {@code CI=true} and is
     * skipped elsewhere, with the sentence that says how to get it.
     */
    public static Chromium require() {
        Optional<Chromium> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String problem = "Chromium is not installed (looked for -D" + PROPERTY + " and " + CANDIDATES
                + "); install Debian's chromium package (.ci/run does) to run the browser tests.";
        if (Ci.on()) {
            throw new AssertionError(problem);
        }
        return Assumptions.abort(problem);
    }

    public static Optional<Chromium> find() {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            return Files.isExecutable(path) ? Optional.of(new Chromium(path)) : Optional.empty();
        }
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst().map(Chromium::new);
    }

    /** Loads {@code page} and returns its document after the scripts ran, with the browser's log. */
    public PageVisit dumpDom(Path page, Path workDirectory) {
        return run(workDirectory, List.of("--dump-dom", page.toUri().toString()));
    }

    /** Loads {@code page} in a {@code width}×{@code height} window and writes a PNG of it to {@code png}. */
    public PageVisit screenshot(Path page, Path png, int width, int height, Path workDirectory) {
        return run(workDirectory, List.of("--window-size=" + width + "," + height, "--hide-scrollbars",
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
    }

    private PageVisit run(Path workDirectory, List<String> arguments) {
        try {
            Path profile = Files.createTempDirectory(workDirectory, "chromium-profile");
            Path out = workDirectory.resolve("chromium-" + System.nanoTime() + ".out");
            Path err = workDirectory.resolve("chromium-" + System.nanoTime() + ".err");
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
                    "--user-data-dir=" + profile.toAbsolutePath()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            String log = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": " + log);
            }
            return new PageVisit(Files.readString(out, StandardCharsets.UTF_8), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Chromium " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Chromium ran", e);
        }
    }
}
