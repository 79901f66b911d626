package io.codeanatomy.cli;

import io.codeanatomy.runtime.pipeline.BuildHalts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code codeanatomy} command line in a child JVM on the test's class path, so that a test can
 * kill a real process ({@code SIGKILL}) at a named {@link BuildHalts} point.
 */
final class BuildProcess {
    private static final long TIMEOUT_SECONDS = 300;

    private final Process process;
    private final List<String> stderr = new ArrayList<>();
    private final CompletableFuture<String> halted = new CompletableFuture<>();

    private BuildProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readStderr, "stderr-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code args}; with a halt point, the build stops there (until {@code release} exists, if given). */
    static BuildProcess start(String haltAt, Path release, String... args) throws IOException {
        return start("1g", haltAt, release, args);
    }

    /** Starts {@code args} in a JVM whose heap may grow to {@code maxHeap} ({@code -Xmx}) only. */
    static BuildProcess withHeap(String maxHeap, String... args) throws IOException {
        return start(maxHeap, null, null, args);
    }

    private static BuildProcess start(String maxHeap, String haltAt, Path release, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-Xss16m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        if (haltAt != null) {
            command.add("-D" + BuildHalts.PROPERTY + "=" + haltAt);
        }
        if (release != null) {
            command.add("-D" + BuildHalts.RELEASE + "=" + release);
        }
        command.add(CodeAnatomy.class.getName());
        command.addAll(List.of(args));
        return new BuildProcess(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the child reports that it halted at {@code point}; fails if it ends first. */
    void awaitHalt(String point) throws Exception {
        String reached = halted.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!reached.equals(point)) {
            throw new AssertionError("the child halted at " + reached + ", not " + point + "; stderr: " + stderr());
        }
    }

    /** Kills the child with SIGKILL and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits for the child to end; its exit code. */
    int await() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end in " + TIMEOUT_SECONDS + " s; stderr: " + stderr());
        }
        return process.exitValue();
    }

    synchronized String stderr() {
        return String.join("\n", stderr);
    }

    private void readStderr() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                synchronized (this) {
                    stderr.add(line);
                }
                if (line.startsWith(BuildHalts.HALTED)) {
                    halted.complete(line.substring(BuildHalts.HALTED.length()));
                }
            }
        } catch (IOException e) {
            // The child was killed; what it wrote is what there is.
        }
        halted.completeExceptionally(new AssertionError("the child ended without halting; stderr: " + stderr()));
    }
}
