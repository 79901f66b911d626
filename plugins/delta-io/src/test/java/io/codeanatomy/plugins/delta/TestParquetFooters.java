package io.codeanatomy.plugins.delta;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar writer's data files are the same bytes in every JVM, footers included.
 *
 * <p>parquet-mr collects a column chunk's encodings in a {@code HashSet} of enum constants, whose
 * iteration order follows their identity hash codes, which differ from one JVM to the next. A JVM
 * started with {@code -XX:hashCode=2} gives every object the same identity hash code, so such a set
 * iterates in insertion order (repetition levels, definition levels, values: {@code BIT_PACKED}
 * before {@code PLAIN}); this JVM's hash codes give another order for most chunks. The footers are
 * read as the file holds them (parquet-mr's own footer reader turns the lists back into sets).
 */
class TestParquetFooters {
    private static final Comparator<Encoding> FORMAT_ORDER = Comparator.comparingInt(Encoding::getValue);
    private static final List<String> TABLES = List.of(AllTypesTables.PLAIN, AllTypesTables.DICTIONARY);

    @TempDir
    Path dir;

    @Test
    void aJvmWhoseIdentityHashCodesAllCollideWritesTheSameBytes() throws Exception {
        Path here = dir.resolve("here");
        Path there = dir.resolve("there");
        AllTypesTables.write(here);
        writeInAnotherJvm(there, "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2");

        for (String table : TABLES) {
            List<byte[]> ours = DeltaLog.addedFiles(here.resolve(table), 0);
            List<byte[]> theirs = DeltaLog.addedFiles(there.resolve(table), 0);
            assertThat(theirs).hasSameSizeAs(ours).isNotEmpty();
            for (int i = 0; i < ours.size(); i++) {
                assertThat(encodings(theirs.get(i)))
                        .as("%s file %d written in the other JVM", table, i)
                        .allSatisfy(list -> assertThat(list).isSortedAccordingTo(FORMAT_ORDER));
                assertThat(Arrays.mismatch(ours.get(i), theirs.get(i)))
                        .as("first differing byte of %s file %d (%d bytes)", table, i, ours.get(i).length)
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    void everyColumnChunkListsItsEncodingsInTheFormatsOrder() {
        AllTypesTables.write(dir);

        List<List<Encoding>> lists = new ArrayList<>();
        for (String table : TABLES) {
            for (byte[] file : DeltaLog.addedFiles(dir.resolve(table), 0)) {
                lists.addAll(encodings(file));
            }
        }

        assertThat(lists).allSatisfy(list -> assertThat(list).isSortedAccordingTo(FORMAT_ORDER));
        // Required and optional columns, repeated ones, with and without a dictionary.
        assertThat(lists).contains(
                List.of(Encoding.PLAIN, Encoding.BIT_PACKED),
                List.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED),
                List.of(Encoding.PLAIN, Encoding.RLE),
                List.of(Encoding.PLAIN_DICTIONARY, Encoding.BIT_PACKED),
                List.of(Encoding.PLAIN_DICTIONARY, Encoding.RLE, Encoding.BIT_PACKED));
    }

    private static void writeInAnotherJvm(Path directory, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AllTypesTables.class.getName(), directory.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** The encodings of each column chunk of each row group, as the file's footer lists them. */
    private static List<List<Encoding>> encodings(byte[] file) {
        int footerLength = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        FileMetaData footer;
        try {
            footer = Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - footerLength, footerLength));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<Encoding>> lists = new ArrayList<>();
        for (RowGroup rowGroup : footer.getRow_groups()) {
            for (ColumnChunk chunk : rowGroup.getColumns()) {
                lists.add(chunk.getMeta_data().getEncodings());
            }
        }
        return lists;
    }
}
