package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TestBuildProgress {
    @Test
    void plainModePrintsOneLinePerPhaseAndThrottledProgress() {
        StringWriter text = new StringWriter();
        BuildProgress progress = new BuildProgress(new PrintWriter(text), false, Long.MAX_VALUE / 4);

        progress.phaseStarted("extract");
        progress.filesTotal(3);
        progress.fileDone(1_000_000);
        progress.fileDone(1_000_000);
        progress.problem("x.py", "syntax error");
        progress.phaseStarted("execute");
        progress.finish();

        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).endsWith("] extract");
        assertThat(lines[1]).contains("] extract: 1/3 files, 1.0 MB, ").containsPattern("[0-9.]+ MB/s, ETA [0-9]+s$");
        assertThat(lines[2]).endsWith("] execute");
        assertThat(text.toString()).doesNotContain("\r");
        assertThat(progress.problems()).isEqualTo(1);
    }

    @Test
    void terminalModeRedrawsOneLineWithABar() {
        StringWriter text = new StringWriter();
        BuildProgress progress = new BuildProgress(new PrintWriter(text), true, 0);

        progress.phaseStarted("extract");
        progress.filesTotal(2);
        progress.fileDone(10);
        progress.finish();

        String output = text.toString();
        assertThat(output).startsWith("\r[").contains("[###############               ]  50% 1/2 files")
                .contains(" MB/s, ETA ").endsWith("\n");
        assertThat(output.split("\n")).hasSize(1);
    }
}
