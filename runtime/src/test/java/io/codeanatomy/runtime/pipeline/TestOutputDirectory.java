package io.codeanatomy.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestOutputDirectory {
    @TempDir
    Path temp;

    @Test
    void secondOpenWhileTheFirstHoldsTheLockIsRefused() {
        Path out = temp.resolve("out");
        try (OutputDirectory first = OutputDirectory.open(out)) {
            assertThat(first.root()).isEqualTo(out);
            assertThatThrownBy(() -> OutputDirectory.open(out))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("another codeanatomy build is writing to " + out + "; wait for it to finish.");
        }
        try (OutputDirectory again = OutputDirectory.open(out)) {
            assertThat(again.root()).isEqualTo(out);
        }
    }

    @Test
    void publishReplacesTreesAndLeavesNoStagingOrTrash() throws Exception {
        Path out = temp.resolve("out");
        try (OutputDirectory directory = OutputDirectory.open(out)) {
            Files.createDirectories(out.resolve("cpg/old_table"));
            Path staging = directory.staging("run-1");
            Files.createDirectories(staging.resolve("cpg/new_table"));
            Files.createDirectories(staging.resolve("extract/t"));

            directory.publish(staging, List.of("cpg", "extract"));

            assertThat(out.resolve("cpg/new_table")).isDirectory();
            assertThat(out.resolve("cpg/old_table")).doesNotExist();
            assertThat(out.resolve("extract/t")).isDirectory();
            assertThat(out.resolve(".staging")).doesNotExist();
            assertThat(out.resolve(".trash")).doesNotExist();
        }
    }

    @Test
    void leftoversOfACrashedRunAreRemovedOnOpen() throws Exception {
        Path out = temp.resolve("out");
        OutputDirectory.open(out).close();
        Files.createDirectories(out.resolve(".staging/dead-run/cpg/x"));

        try (OutputDirectory directory = OutputDirectory.open(out)) {
            assertThat(directory.root().resolve(".staging")).doesNotExist();
        }
    }

    @Test
    void emptyDirectoryWithoutMarkerIsAccepted() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        OutputDirectory.check(empty);
        try (OutputDirectory directory = OutputDirectory.open(empty)) {
            assertThat(OutputDirectory.isOurs(directory.root())).isTrue();
        }
    }
}
