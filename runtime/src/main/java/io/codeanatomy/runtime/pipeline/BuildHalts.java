package io.codeanatomy.runtime.pipeline;

import java.io.PrintStream;

/**
 * Named points of a build where a test can stop it, to kill the process there and check that the
 * output survives (docs/durability.md). With the system property {@value #PROPERTY} set to a
 * point's name, the build prints {@code codeanatomy-halt: <point>} on stderr when it reaches it and
 * waits: for ever, or until the file named by {@value #RELEASE} exists. Unset, a point costs one
 * property read.
 */
public final class BuildHalts {
    /** The point to halt at. */
    public static final String PROPERTY = "codeanatomy.test.haltAt";
    /** A file whose appearance lets a halted build go on. */
    public static final String RELEASE = "codeanatomy.test.haltRelease";
    /** The line a halted build prints, followed by the point's name. */
    public static final String HALTED = "codeanatomy-halt: ";

    private static final long POLL_MILLIS = 20;

    private BuildHalts() {}

    static void point(String name) {
        if (!name.equals(System.getProperty(PROPERTY))) {
            return;
        }
        PrintStream err = System.err;
        err.println(HALTED + name);
        err.flush();
        String release = System.getProperty(RELEASE);
        try {
            while (release == null || !java.nio.file.Files.exists(java.nio.file.Path.of(release))) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while halted at " + name, e);
        }
    }
}
