package io.codeanatomy.cli;

import static io.codeanatomy.cli.TestCrashSafety.A_FUNCTIONS;
import static io.codeanatomy.cli.TestCrashSafety.BUILD_A;
import static io.codeanatomy.cli.TestCrashSafety.BUILD_B;
import static io.codeanatomy.cli.TestCrashSafety.DEFINED;
import static io.codeanatomy.cli.TestCrashSafety.FUNCTIONS;
import static io.codeanatomy.cli.TestCrashSafety.B_FUNCTIONS;
import static io.codeanatomy.cli.TestCrashSafety.query;
import static io.codeanatomy.cli.TestCrashSafety.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.runtime.pipeline.BuildManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds into one output and readers at the same time. */
class TestConcurrentBuilds {
    @TempDir
    Path temp;

    @Test
    void aSecondBuildIsRefusedNamingTheFirstAndReadersSeeThePreviousBuildUntilTheFirstCommits() throws Exception {
        Path out = temp.resolve("out");
        CliRun first = CliRun.buildTree(temp.resolve("src-a"), BUILD_A, out);
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path source = write(temp.resolve("src-b"), BUILD_B);
        Path release = temp.resolve("release");

        BuildProcess running = BuildProcess.start("executing", release, "build", source.toString(), "--out", out.toString(), "--workers", "1");
        try {
            running.awaitHalt("executing");

            CliRun second = CliRun.of("build", source.toString(), "--out", out.toString());
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err()).startsWith("codeanatomy: another codeanatomy process is writing to " + out + " (pid " + running.pid() + ", started ")
                    .contains(", build ").endsWith("; wait for it to finish, or stop it.\n");
            assertThat(query(out, FUNCTIONS)).as("a reader during the build sees the previous build").isEqualTo(A_FUNCTIONS);
            assertThat(query(out, DEFINED)).isEqualTo(A_FUNCTIONS);

            Files.writeString(release, "go");
            assertThat(running.await()).as(running.stderr()).isZero();

            assertThat(query(out, FUNCTIONS)).isEqualTo(B_FUNCTIONS);
            assertThat(query(out, DEFINED)).isEqualTo(B_FUNCTIONS);
            assertThat(BuildManifests.list(out)).hasSize(2);
        } finally {
            running.kill();
        }
    }

    @Test
    void twoBuildsStartedTogetherNeverMixOrDuplicateRowsWhileAReaderReads() throws Exception {
        Path out = temp.resolve("out");
        CliRun first = CliRun.buildTree(temp.resolve("src-a"), BUILD_A, out);
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path source = write(temp.resolve("src-b"), BUILD_B);

        BuildProcess one = BuildProcess.start(null, null, "build", source.toString(), "--out", out.toString(), "--workers", "1");
        BuildProcess two = BuildProcess.start(null, null, "build", source.toString(), "--out", out.toString(), "--workers", "1");
        try {
            List<String> seen = new ArrayList<>();
            while (one.isAlive() || two.isAlive()) {
                String functions = query(out, FUNCTIONS);
                assertThat(functions).as("every read is one whole build").isIn(A_FUNCTIONS, B_FUNCTIONS);
                seen.add(functions);
            }
            int codeOne = one.await();
            int codeTwo = two.await();

            assertThat(List.of(codeOne, codeTwo)).as(one.stderr() + "\n" + two.stderr()).contains(0).allMatch(code -> code == 0 || code == 2);
            for (BuildProcess build : List.of(one, two)) {
                if (build.await() == 2) {
                    assertThat(build.stderr()).contains("another codeanatomy process is writing to " + out);
                }
            }
            int succeeded = (codeOne == 0 ? 1 : 0) + (codeTwo == 0 ? 1 : 0);
            assertThat(BuildManifests.list(out)).hasSize(1 + succeeded);
            assertThat(query(out, FUNCTIONS)).isEqualTo(B_FUNCTIONS);
            assertThat(query(out, "SELECT COUNT(*) AS duplicates FROM (SELECT node_id FROM cpg_nodes GROUP BY node_id HAVING COUNT(*) > 1)")).isEqualTo("duplicates\n0\n");
            assertThat(seen).isNotEmpty();
        } finally {
            one.kill();
            two.kill();
        }
    }
}
