package io.codeanatomy.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client's backlog of frames: in order, through memory and its temporary file alike. */
class TestBacklog {
    private static final long LIMIT = 100;

    @Test
    void framesComeOutInTheOrderTheyWentInThroughMemoryAndFile() throws IOException {
        List<String> added = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        try (Backlog backlog = new Backlog(LIMIT)) {
            // Three rounds: fill memory, spill past it, take some, add more, take all; the file is reused.
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 12; i++) {
                    String text = "round " + round + " frame " + i + " " + "x".repeat(i * 3);
                    added.add(text);
                    backlog.add(Frames.STDOUT, text.getBytes(StandardCharsets.UTF_8));
                }
                for (int i = 0; i < 5; i++) {
                    taken.add(text(backlog.take()));
                }
                for (int i = 0; i < 4; i++) {
                    String text = "round " + round + " late " + i;
                    added.add(text);
                    backlog.add(Frames.STDERR, text.getBytes(StandardCharsets.UTF_8));
                }
                for (int i = 0; i < 11; i++) {
                    taken.add(text(backlog.take()));
                }
                assertThat(spillFiles()).as("the file the spilled frames went to").isNotEmpty();
            }
            backlog.add(Frames.EXIT, new byte[] {0, 0, 0, 7});
            backlog.end(null);
            Backlog.Frame exit = backlog.take();
            assertThat(exit.type()).isEqualTo(Frames.EXIT);
            assertThat(exit.bytes()).containsExactly(0, 0, 0, 7);
            assertThatThrownBy(backlog::take).isInstanceOf(EOFException.class);
        }
        assertThat(taken).isEqualTo(added);
    }

    @Test
    void theFileIsDeletedAtClose() throws IOException {
        List<Path> before = spillFiles();
        Backlog backlog = new Backlog(LIMIT);
        backlog.add(Frames.STDOUT, new byte[(int) LIMIT + 1]);
        List<Path> during = spillFiles();
        backlog.close();

        assertThat(during).hasSize(before.size() + 1);
        assertThat(spillFiles()).isEqualTo(before);
    }

    @Test
    void aTakerWaitsForTheReaderAndGetsItsFailureAfterItsFrames() throws Exception {
        try (Backlog backlog = new Backlog(LIMIT)) {
            CompletableFuture<List<String>> taker = CompletableFuture.supplyAsync(() -> {
                List<String> texts = new ArrayList<>();
                try {
                    while (true) {
                        texts.add(text(backlog.take()));
                    }
                } catch (IOException e) {
                    texts.add("failure: " + e.getMessage());
                    return texts;
                }
            });
            for (int i = 0; i < 50; i++) {
                backlog.add(Frames.STDOUT, ("frame " + i).getBytes(StandardCharsets.UTF_8));
            }
            backlog.end(new IOException("connection reset"));

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add("frame " + i);
            }
            expected.add("failure: connection reset");
            assertThat(taker.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    private static String text(Backlog.Frame frame) {
        return new String(frame.bytes(), StandardCharsets.UTF_8);
    }

    private static List<Path> spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("codeanatomy-answer-")).sorted().toList();
        }
    }
}
