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
        // One file of three is no sample to extrapolate from: a log gets no ETA yet.
        assertThat(lines[1]).contains("] extract: 1/3 files, 1.0 MB, ").containsPattern("[0-9.]+ MB/s$");
        assertThat(lines[2]).endsWith("] execute");
        assertThat(text.toString()).doesNotContain("\r");
        assertThat(progress.problems()).isEqualTo(1);
        assertThat(progress.problemFiles()).containsExactly(new BuildProgress.Problem("x.py", "syntax error"));
    }

    @Test
    void plainModeGivesAnEtaOnceEnoughFilesAreDone() {
        StringWriter text = new StringWriter();
        BuildProgress progress = new BuildProgress(new PrintWriter(text), false, 0);

        progress.phaseStarted("extract");
        progress.filesTotal(100);
        for (int i = 0; i < 10; i++) {
            progress.fileDone(1000);
        }

        String[] lines = text.toString().split("\n");
        assertThat(lines[lines.length - 2]).doesNotContain("ETA");
        assertThat(lines[lines.length - 1]).contains("10/100 files").containsPattern(", ETA [0-9]+s$");
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
