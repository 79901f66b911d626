package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestOutputDirectory {
    @TempDir
    Path temp;

    @Test
    void secondOpenWhileTheFirstHoldsTheLockIsRefusedNamingTheHolder() {
        Path out = temp.resolve("out");
        try (OutputDirectory first = OutputDirectory.open(out, "build run-1")) {
            assertThat(first.root()).isEqualTo(out);
            assertThatThrownBy(() -> OutputDirectory.open(out, "build run-2"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("another codeanatomy process is writing to " + out + " (pid " + ProcessHandle.current().pid() + ", started ")
                    .hasMessageEndingWith(", build run-1); wait for it to finish, or stop it.");
        }
        try (OutputDirectory again = OutputDirectory.open(out)) {
            assertThat(again.root()).isEqualTo(out);
            assertThat(again.staleHolder()).as("the first holder released the lock cleanly").isEmpty();
        }
    }

    @Test
    void aHolderLineLeftBehindIsReportedAsStale() throws Exception {
        Path out = temp.resolve("out");
        OutputDirectory.open(out).close();
        Files.writeString(out.resolve(OutputLock.FILE), "pid 999999, started 2026-01-01T00:00:00Z, build dead\n");

        try (OutputDirectory directory = OutputDirectory.open(out)) {
            assertThat(directory.staleHolder()).contains("pid 999999, started 2026-01-01T00:00:00Z, build dead");
        }
        assertThat(Files.readString(out.resolve(OutputLock.FILE))).isEmpty();
    }

    @Test
    void leftoversOfAKilledRunAreRemovedOnOpen() throws Exception {
        Path out = temp.resolve("out");
        OutputDirectory.open(out).close();
        Files.createDirectories(out.resolve(".staging/dead-run/cpg/x"));
        Files.createDirectories(out.resolve("runs/.dead-run.pending"));
        Files.createDirectories(out.resolve("runs/old-empty-run"));
        Files.writeString(out.resolve("builds/.0000000000.json.tmp"), "{\"bui");

        try (OutputDirectory directory = OutputDirectory.open(out)) {
            assertThat(out.resolve(".staging")).doesNotExist();
            assertThat(out.resolve("runs")).isEmptyDirectory();
            assertThat(out.resolve("builds")).isEmptyDirectory();
        }
    }

    @Test
    void recordsOfARunWhoseManifestCommittedAreMovedIntoPlace() throws Exception {
        Path out = temp.resolve("out");
        OutputDirectory.open(out).close();
        Files.createDirectories(out.resolve("runs/.committed-run.pending"));
        Files.writeString(out.resolve("runs/.committed-run.pending/run-result.json"), "{}");
        BuildManifests.commit(out, new BuildManifest(0, "committed-run", Instant.parse("2026-12-02T08:00:00Z"), 1, List.of()));

        try (OutputDirectory directory = OutputDirectory.open(out)) {
            assertThat(out.resolve("runs/committed-run/run-result.json")).hasContent("{}");
            assertThat(out.resolve("runs/.committed-run.pending")).doesNotExist();
        }
    }

    @Test
    void aTreeThatAnOldPublishLeftInTheTrashIsPutBack() throws Exception {
        Path out = temp.resolve("out");
        OutputDirectory.open(out).close();
        Files.createDirectories(out.resolve(".trash/old-run/extract/py_files_v1/_delta_log"));
        Files.createDirectories(out.resolve("cpg/cpg_nodes"));

        try (OutputDirectory directory = OutputDirectory.open(out)) {
            assertThat(out.resolve("extract/py_files_v1/_delta_log")).isDirectory();
            assertThat(out.resolve(".trash")).doesNotExist();
        }
    }

    @Test
    void emptyDirectoryWithoutMarkerIsAccepted() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        OutputDirectory.check(empty);
        try (OutputDirectory directory = OutputDirectory.open(empty)) {
            assertThat(OutputDirectory.isOurs(directory.root())).isTrue();
            assertThat(BuildManifests.isVersioned(directory.root())).isTrue();
        }
    }
}
