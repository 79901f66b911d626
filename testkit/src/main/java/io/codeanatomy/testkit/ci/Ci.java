package io.codeanatomy.testkit.ci;

/**
 * Whether the build runs under continuous integration: the environment variable {@code CI} is
 * {@code true}, as GitHub Actions, GitLab CI and {@code .ci/run} set it. Under CI a test that
 * cannot run is a failure, never a skip.
 */
public final class Ci {
    public static final String ENVIRONMENT = "CI";

    private Ci() {
    }

    public static boolean on() {
        return "true".equalsIgnoreCase(System.getenv(ENVIRONMENT));
    }
}
