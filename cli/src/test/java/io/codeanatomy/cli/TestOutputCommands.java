package io.codeanatomy.cli;

import static io.codeanatomy.cli.TestCrashSafety.A_FUNCTIONS;
import static io.codeanatomy.cli.TestCrashSafety.BUILD_A;
import static io.codeanatomy.cli.TestCrashSafety.BUILD_B;
import static io.codeanatomy.cli.TestCrashSafety.B_FUNCTIONS;
import static io.codeanatomy.cli.TestCrashSafety.FUNCTIONS;
import static io.codeanatomy.cli.TestCrashSafety.query;
import static io.codeanatomy.cli.TestCrashSafety.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history, check, vacuum, the build guards and time travel, as a user runs them. */
class TestOutputCommands {
    @TempDir
    Path temp;

    @Test
    void guardsHistoryTimeTravelCheckAndVacuum() throws Exception {
        Path out = temp.resolve("out");
        Path sourceA = write(temp.resolve("a"), BUILD_A);
        Path sourceB = write(temp.resolve("b"), BUILD_B);

        CliRun malformed = CliRun.of("build", sourceA.toString(), "--out", out.toString(), "--include", "[");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).isEqualTo("codeanatomy: --include '[' is not a valid pattern: the '[' at position 1 is never closed"
                + " (escape a literal one with a backslash).\n");
        assertThat(out).doesNotExist();

        assertThat(CliRun.of("build", sourceA.toString(), "--out", out.toString()).exitCode()).isZero();
        CliRun shrink = CliRun.of("build", sourceB.toString(), "--out", out.toString(), "--include", "reqeusts/**");
        assertThat(shrink.exitCode()).isEqualTo(2);
        // The progress line of the extract phase comes first.
        assertThat(shrink.err()).contains("\ncodeanatomy: this build selected 0 files but the build it would replace (")
                .endsWith(") had 3; check SRC and --include/--exclude, or pass --allow-shrink to replace it.\n");
        assertThat(query(out, FUNCTIONS)).isEqualTo(A_FUNCTIONS);

        assertThat(CliRun.of("build", sourceB.toString(), "--out", out.toString()).exitCode()).isZero();
        CliRun history = CliRun.of("history", out.toString());
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).containsPattern("(?m)^build 0  \\S+  \\S+  3 files$")
                .containsPattern("(?m)^build 1  \\S+  \\S+  4 files \\(\\+1\\)$")
                .containsPattern("(?m)^  extract/py_defs_v1 +v1 +\\d+ rows  \\+\\d+  \\(log: \\d+ rows? added, \\d+ removed; \\d+ files? added, \\d+ removed\\)$");
        // What the log says the commit added and removed differs by the change in rows.
        Matcher defs = Pattern.compile(
                "(?m)^  extract/py_defs_v1 +v1 +\\d+ rows  \\+(\\d+)  \\(log: (\\d+) rows added, (\\d+) removed;").matcher(history.out());
        assertThat(defs.find()).isTrue();
        assertThat(Long.parseLong(defs.group(2)) - Long.parseLong(defs.group(3))).isEqualTo(Long.parseLong(defs.group(1)));
        assertThat(query(out, FUNCTIONS, "--as-of-version", "0")).isEqualTo(A_FUNCTIONS);
        assertThat(query(out, FUNCTIONS)).isEqualTo(B_FUNCTIONS);
        CliRun missing = CliRun.of("query", out.toString(), FUNCTIONS, "--as-of-version", "5");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("codeanatomy: " + out + " has no build 5 (builds 0 to 1); see 'codeanatomy history " + out + "'.\n");
        CliRun badTime = CliRun.of("query", out.toString(), FUNCTIONS, "--as-of-timestamp", "yesterday");
        assertThat(badTime.exitCode()).isEqualTo(2);

        CliRun check = CliRun.of("check", out.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).startsWith(out + ", build 1 (").contains(" tables, ").endsWith(" rows read, no problems\n");

        CliRun vacuum = CliRun.of("vacuum", out.toString(), "--keep-builds", "1", "--retain-hours", "0");
        assertThat(vacuum.exitCode()).as(vacuum.err()).isZero();
        assertThat(vacuum.out()).startsWith("vacuumed " + out + ": deleted ").endsWith(", expired builds [0]; readable builds: [1]\n");
        assertThat(CliRun.of("query", out.toString(), FUNCTIONS, "--as-of-version", "0").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("check", out.toString()).exitCode()).isZero();
    }
}
