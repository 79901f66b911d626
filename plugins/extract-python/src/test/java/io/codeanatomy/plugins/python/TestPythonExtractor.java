package io.codeanatomy.plugins.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.plugins.python.facts.StableIds;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.spi.extract.ExtractionRequest;
import io.codeanatomy.spi.extract.ExtractionSummary;
import io.codeanatomy.spi.extract.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPythonExtractor {
    private static final Map<String, String> ID_COLUMNS = Map.ofEntries(
            Map.entry("py_files_v1", "file_id"), Map.entry("py_lines_v2", "lines_id"), Map.entry("py_defs_v1", "def_id"),
            Map.entry("py_params_v1", "param_id"), Map.entry("py_names_v1", "name_id"), Map.entry("py_calls_v1", "call_id"),
            Map.entry("py_imports_v1", "import_id"), Map.entry("py_decorators_v2", "decorator_id"),
            Map.entry("py_comprehensions_v1", "comp_id"), Map.entry("py_scope_decls_v1", "decl_id"),
            Map.entry("py_errors_v1", "error_id"), Map.entry("py_semantic_errors_v1", "semantic_error_id"),
            Map.entry("py_class_bases_v1", "class_base_id"), Map.entry("py_exprs_v1", "expr_id"),
            Map.entry("py_expr_operands_v1", "operand_id"), Map.entry("py_assignments_v1", "assignment_id"),
            Map.entry("py_container_elements_v1", "element_id"), Map.entry("py_returns_v1", "return_id"),
            Map.entry("py_call_args_v1", "arg_id"), Map.entry("py_iterations_v1", "iteration_id"),
            Map.entry("py_annotations_v1", "annotation_id"),
            Map.entry("py_operator_operands_v1", "operator_operand_id"),
            Map.entry("py_param_defaults_v1", "param_default_id"), Map.entry("py_type_scopes_v1", "type_scope_id"),
            Map.entry("py_branches_v1", "branch_id"));

    @TempDir
    Path root;

    /** Records progress calls; the first call of filesTotal runs a hook (to make a file vanish). */
    private static final class Progress implements ProgressListener {
        final AtomicLong total = new AtomicLong(-1);
        final AtomicLong done = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final List<String> problems = new ArrayList<>();
        Runnable onTotal = () -> { };

        @Override
        public void filesTotal(long count) {
            total.set(count);
            onTotal.run();
        }

        @Override
        public void fileDone(long fileBytes) {
            done.incrementAndGet();
            bytes.addAndGet(fileBytes);
        }

        @Override
        public synchronized void problem(String file, String message) {
            problems.add(file + ": " + message);
        }
    }

    private Path write(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private Path write(String relative, String content) throws IOException {
        return write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private static ExtractionSummary extract(PythonExtractor extractor, Path root, int workers, Progress progress,
                                             RecordingSink sink) {
        return extractor.extract(new ExtractionRequest(root, List.of(), List.of(), workers, progress), sink);
    }

    @Test
    void theVersionOptionSetsTheLanguageVersionAndOtherOptionsAreRefused() throws IOException {
        write("g.py", "type Pair = tuple[int, int]\n");
        PythonExtractor extractor = new PythonExtractor();

        try (RecordingSink old = new RecordingSink(extractor.tables());
                RecordingSink now = new RecordingSink(extractor.tables())) {
            ExtractionSummary at311 = extractor.withOptions(options(Map.of("version", "3.11"))).extract(request(), old);
            ExtractionSummary at312 = extractor.withOptions(options(Map.of("version", "3.12"))).extract(request(), now);

            assertThat(at311.problems()).isEqualTo(1);
            assertThat(at312.problems()).isZero();
        }
        assertThatThrownBy(() -> extractor.withOptions(options(Map.of("verison", "3.11"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the python extractor has no option 'python.verison'; it knows 'python.version' and 'python.source_roots'.");
        assertThatThrownBy(() -> extractor.withOptions(options(Map.of("version", "4.0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("python.version: unsupported Python version 4.0: use one from 3.8 to 3.14.");
    }

    @Test
    void filesCarryTheirModuleNameGuessedOrRelativeToTheGivenSourceRoots() throws IOException {
        write("src/app/__init__.py", "");
        write("src/app/core.py", "x = 1\n");
        write("tests/test_core.py", "");
        write("bad-name.py", "");
        PythonExtractor extractor = new PythonExtractor();
        try (RecordingSink guessed = new RecordingSink(extractor.tables());
                RecordingSink given = new RecordingSink(extractor.tables())) {
            extractor.extract(request(), guessed);
            extractor.withOptions(options(Map.of("source_roots", "., src"))).extract(request(), given);

            assertThat(guessed.rows("py_files_v1"))
                    .extracting(r -> r.get("path") + " " + r.get("module_name") + " " + r.get("is_package") + " " + r.get("source_root"))
                    .containsExactly("bad-name.py null false .", "src/app/__init__.py app true src", "src/app/core.py app.core false src",
                            "tests/test_core.py test_core false tests");
            assertThat(given.rows("py_files_v1")).extracting(r -> r.get("path") + " " + r.get("module_name"))
                    .containsExactly("bad-name.py null", "src/app/__init__.py app", "src/app/core.py app.core",
                            "tests/test_core.py tests.test_core");
        }
        assertThatThrownBy(() -> extractor.withOptions(options(Map.of("source_roots", "src,../up"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("python.source_roots: the source root '../up' leaves the directory being extracted; give a directory inside it.");
    }

    private ExtractionRequest request() {
        return new ExtractionRequest(root, List.of(), List.of(), 1, ProgressListener.NONE);
    }

    private static SortedMap<String, String> options(Map<String, String> options) {
        return new TreeMap<>(options);
    }

    @Test
    void badInputNeverStopsTheBuildAndEveryProblemIsAFileStatusAndAnError() throws IOException {
        write("good.py", "import os\n\n\ndef ok(a, b=1):\n    return os.path.join(a, b)\n");
        write("syntax.py", "def before():\n    pass\n\nx = (\n\n\nclass After:\n    def m(self):\n        pass\n");
        write("invalid_utf8.py", new byte[] {'x', ' ', '=', ' ', '1', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        write("nul.py", new byte[] {'x', ' ', '=', ' ', '1', '\n', 0, '\n'});
        write("empty.py", "");
        write("vanishing.py", "x = 1\n");
        write("sub/big.py", "y = 2\n".repeat(1000));
        Files.createSymbolicLink(root.resolve("loop.py"), root.resolve("loop.py"));
        Files.createDirectories(root.resolve("adir"));
        Files.createSymbolicLink(root.resolve("dirlink.py"), root.resolve("adir"));
        Progress progress = new Progress();
        progress.onTotal = () -> {
            try {
                Files.delete(root.resolve("vanishing.py"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        PythonExtractor extractor = new PythonExtractor(PythonVersion.PY311, 4000);
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            ExtractionSummary summary = extract(extractor, root, 2, progress, sink);

            assertThat(sink.rows("py_files_v1")).extracting(r -> r.get("path") + " " + r.get("status")).containsExactly(
                    "dirlink.py UNREADABLE", "empty.py OK", "good.py OK", "invalid_utf8.py DECODE_ERROR",
                    "loop.py UNREADABLE", "nul.py DECODE_ERROR", "sub/big.py TOO_LARGE", "syntax.py SYNTAX_ERROR",
                    "vanishing.py VANISHED");
            assertThat(summary.files()).isEqualTo(9);
            assertThat(summary.problems()).isEqualTo(7);
            assertThat(progress.total.get()).isEqualTo(9);
            assertThat(progress.done.get()).isEqualTo(9);
            assertThat(progress.problems).hasSize(7).anySatisfy(p -> assertThat(p).startsWith("loop.py: UNREADABLE"));
            assertThat(summary.rowsByTable()).containsEntry("py_files_v1", 9L);

            Set<String> pathsWithErrors = new HashSet<>();
            sink.rows("py_errors_v1").forEach(r -> pathsWithErrors.add((String) r.get("path")));
            assertThat(pathsWithErrors).containsExactlyInAnyOrder("dirlink.py", "invalid_utf8.py", "loop.py", "nul.py",
                    "sub/big.py", "syntax.py", "vanishing.py");
            assertThat(sink.rows("py_files_v1")).hasSize(9);
            for (Map<String, Object> file : sink.rows("py_files_v1")) {
                long errors = sink.rows("py_errors_v1").stream().filter(e -> e.get("path").equals(file.get("path"))).count();
                assertThat(file.get("error_count")).as("error_count of " + file.get("path")).isEqualTo((int) errors);
            }
            assertThat(sink.rows("py_errors_v1")).filteredOn(r -> r.get("path").equals("invalid_utf8.py"))
                    .extracting(r -> r.get("stage")).containsExactly("DECODE");
            assertThat(sink.rows("py_errors_v1")).filteredOn(r -> r.get("path").equals("vanishing.py"))
                    .extracting(r -> r.get("stage")).containsExactly("READ");
        }
    }

    @Test
    void factsThatTheParserRecoversFromAFileWithSyntaxErrorsAreKeptAndMarkedRecovered() throws IOException {
        write("syntax.py", "def before():\n    pass\n\nx = (\n");
        write("good.py", "def fine():\n    pass\n");
        PythonExtractor extractor = new PythonExtractor();
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, root, 1, new Progress(), sink);
            assertThat(sink.rows("py_defs_v1")).extracting(r -> r.get("path") + " " + r.get("name") + " " + r.get("recovered"))
                    .containsExactly("good.py fine false", "syntax.py before true");
            assertThat(sink.rows("py_errors_v1")).extracting(r -> r.get("path") + " " + r.get("line") + " " + r.get("stage"))
                    .first().isEqualTo("syntax.py 4 PARSE");
        }
    }

    @Test
    void sameInputGivesTheSameRowsInTheSameOrderWhateverTheNumberOfWorkers() throws Exception {
        Path fixtures = Path.of(TestPythonExtractor.class.getResource("/extract-fixtures").toURI());
        PythonExtractor extractor = new PythonExtractor();
        Map<String, List<Map<String, Object>>> first;
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, fixtures, 1, new Progress(), sink);
            first = new TreeMap<>(sink.allRows());
        }
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, fixtures, 4, new Progress(), sink);
            assertThat(sink.allRows()).isEqualTo(first);
        }
        assertThat(first.get("py_names_v1")).hasSizeGreaterThan(500);
    }

    @Test
    void manyGroupsOfFilesBuiltByFourWorkersGiveTheRowsIdsAndBatchesOfOne() throws Exception {
        // Enough source for several groups of files (64 KiB at least each), so that four workers
        // really build batches side by side; every copy differs, so ids differ file by file.
        Path fixtures = Path.of(TestPythonExtractor.class.getResource("/extract-fixtures").toURI());
        List<Path> sources;
        try (var listing = Files.list(fixtures)) {
            sources = listing.filter(f -> f.toString().endsWith(".py")).sorted().toList();
        }
        for (int copy = 0; copy < 40; copy++) {
            for (Path source : sources) {
                String text = Files.readString(source, StandardCharsets.ISO_8859_1);
                write("pkg" + copy + "/" + source.getFileName(), ("x" + copy + " = " + copy + "\n" + text)
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        PythonExtractor extractor = new PythonExtractor();
        Map<String, List<Map<String, Object>>> first;
        Map<String, Integer> firstBatches = new TreeMap<>();
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, root, 1, new Progress(), sink);
            first = new TreeMap<>(sink.allRows());
            first.keySet().forEach(t -> firstBatches.put(t, sink.batches(t)));
        }
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, root, 4, new Progress(), sink);
            assertThat(sink.allRows()).isEqualTo(first);
            first.keySet().forEach(t -> assertThat(sink.batches(t)).as(t).isEqualTo(firstBatches.get(t)));
        }
        assertThat(first.get("py_files_v1")).hasSize(40 * sources.size());
        assertThat(firstBatches.get("py_files_v1")).as("groups").isGreaterThan(4);
    }

    @Test
    void everyRowHasARecomputableUniqueIdAndASpanInsideItsFile() throws Exception {
        Path fixtures = Path.of(TestPythonExtractor.class.getResource("/extract-fixtures").toURI());
        PythonExtractor extractor = new PythonExtractor();
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, fixtures, 2, new Progress(), sink);
            Map<String, Long> sizes = new TreeMap<>();
            Map<String, String> fileIds = new TreeMap<>();
            sink.rows("py_files_v1").forEach(f -> {
                sizes.put((String) f.get("path"), (Long) f.get("size"));
                fileIds.put((String) f.get("path"), (String) f.get("file_id"));
            });
            assertThat(sink.allRows().keySet()).containsAll(ID_COLUMNS.keySet());
            for (Map.Entry<String, List<Map<String, Object>>> table : sink.allRows().entrySet()) {
                String idColumn = ID_COLUMNS.get(table.getKey());
                Set<String> seen = new HashSet<>();
                for (Map<String, Object> row : table.getValue()) {
                    String path = (String) row.get("path");
                    long bstart = (Long) row.get("bstart");
                    long bend = (Long) row.get("bend");
                    String id = (String) row.get(idColumn);
                    assertThat(bstart).isBetween(0L, bend);
                    assertThat(bend).isLessThanOrEqualTo(sizes.get(path));
                    assertThat(row.get("file_id")).isEqualTo(fileIds.get(path));
                    assertThat(seen.add(id)).as("unique " + id + " in " + table.getKey()).isTrue();
                    String kind = id.substring(0, id.indexOf(':'));
                    assertThat(id).isEqualTo(StableIds.of(path, bstart, bend, kind));
                }
            }
        }
    }

    @Test
    void rowsOfAFileAreInSourceOrderAndFilesInPathOrder() throws Exception {
        Path fixtures = Path.of(TestPythonExtractor.class.getResource("/extract-fixtures").toURI());
        PythonExtractor extractor = new PythonExtractor();
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, fixtures, 2, new Progress(), sink);
            for (List<Map<String, Object>> rows : sink.allRows().values()) {
                for (int i = 1; i < rows.size(); i++) {
                    Map<String, Object> a = rows.get(i - 1);
                    Map<String, Object> b = rows.get(i);
                    int byPath = ((String) a.get("path")).compareTo((String) b.get("path"));
                    assertThat(byPath).isLessThanOrEqualTo(0);
                    if (byPath == 0) {
                        assertThat((Long) a.get("bstart")).isLessThanOrEqualTo((Long) b.get("bstart"));
                    }
                }
            }
        }
    }

    @Test
    void aTenMegabyteGeneratedFileIsExtractedInManyBatches() throws IOException {
        StringBuilder source = new StringBuilder();
        int functions = 0;
        while (source.length() < 10_000_000) {
            source.append("def f").append(functions).append("(a, b=1):\n    return g(a, b) + h(a)\n\n\n");
            functions++;
        }
        write("generated.py", source.toString());
        PythonExtractor extractor = new PythonExtractor();
        try (RecordingSink sink = RecordingSink.counting(extractor.tables())) {
            ExtractionSummary summary = extract(extractor, root, 2, new Progress(), sink);
            assertThat(summary.problems()).isZero();
            assertThat(summary.rowsByTable()).containsEntry("py_defs_v1", (long) functions)
                    .containsEntry("py_calls_v1", 2L * functions)
                    .containsEntry("py_params_v1", 2L * functions)
                    .containsEntry("py_lines_v2", 1L);
            assertThat(sink.count("py_names_v1")).isEqualTo(8L * functions);
            assertThat(sink.batches("py_names_v1")).isGreaterThan(10);
        }
    }

    @Test
    void aSingleFileCanBeTheSourceRoot() throws IOException {
        Path file = write("one.py", "def solo():\n    pass\n");
        PythonExtractor extractor = new PythonExtractor();
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            ExtractionSummary summary = extract(extractor, file, 1, new Progress(), sink);
            assertThat(summary.files()).isEqualTo(1);
            assertThat(sink.rows("py_defs_v1")).extracting(r -> r.get("path") + " " + r.get("name"))
                    .containsExactly("one.py solo");
        }
    }

    @Test
    void theLinesTableHoldsOneRowPerFileWithTheStartOfEachLine() throws IOException {
        write("a.py", "x = 1\r\n\ny = 2");
        write("b.py", "");
        PythonExtractor extractor = new PythonExtractor();
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, root, 1, new Progress(), sink);
            assertThat(sink.rows("py_lines_v2"))
                    .extracting(r -> r.get("path") + " " + r.get("bstart") + "-" + r.get("bend") + " " + r.get("line_starts"))
                    .containsExactly("a.py 0-13 [0, 7, 8]", "b.py 0-0 [0]");
        }
    }

    @Test
    void aFileNameThatIsNotUtf8KeepsItsBytesInAnEscapedPathMarkedInexact() throws Exception {
        write("good.py", "x = 1\n");
        write("100%.py", "x = 1\n");
        // Only a file URI can name the byte 0xFF: a path string is always encoded to valid UTF-8.
        Path bad = root.resolve("good.py").getFileSystem().provider()
                .getPath(new java.net.URI("file://" + root.toUri().getRawPath() + "bad%FFname.py"));
        Files.write(bad, "def f():\n    pass\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.getFileName().toString()).as("the JDK's own decoding is lossy").isEqualTo("bad\uFFFDname.py");
        PythonExtractor extractor = new PythonExtractor();
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, root, 1, new Progress(), sink);
            assertThat(sink.rows("py_files_v1")).extracting(r -> r.get("path") + " " + r.get("path_is_exact") + " " + r.get("status"))
                    .containsExactlyInAnyOrder("100%.py true OK", "bad%FFname.py false OK", "good.py true OK");
            assertThat(sink.rows("py_defs_v1")).extracting(r -> r.get("path")).containsExactly("bad%FFname.py");
            assertThat(io.codeanatomy.plugins.python.facts.StableIds.of("bad%FFname.py", 0, 18, "py_file"))
                    .isEqualTo(sink.rows("py_files_v1").stream().filter(r -> r.get("path").equals("bad%FFname.py"))
                            .findFirst().orElseThrow().get("file_id"));
        }
    }

    @Test
    void aBinaryFileKeepsItsFirstTenParseErrorsAndCountsTheRest() throws IOException {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        for (int i = 0; i < binary.length; i++) {
            // No NUL and valid-enough text so that the parser, not the decoder, reports the errors.
            binary[i] = (byte) (binary[i] == 0 ? ' ' : binary[i] & 0x7F);
            if (binary[i] == 0) {
                binary[i] = '\n';
            }
        }
        write("x.py", binary);
        PythonExtractor extractor = new PythonExtractor();
        Progress progress = new Progress();
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extract(extractor, root, 1, progress, sink);
            Map<String, Object> file = sink.rows("py_files_v1").get(0);
            List<Map<String, Object>> errors = sink.rows("py_errors_v1");
            assertThat(file.get("status")).isEqualTo("SYNTAX_ERROR");
            assertThat(errors).hasSize(io.codeanatomy.plugins.python.facts.FileFacts.MAX_PARSE_ERROR_ROWS);
            assertThat((Integer) file.get("error_count")).isGreaterThan(errors.size());
            String first = io.codeanatomy.python.syntax.PythonParser.parse(binary, PythonVersion.LATEST).errors().get(0).message();
            assertThat(errors).extracting(r -> r.get("message")).contains(first);
            assertThat(progress.problems).singleElement().satisfies(p -> assertThat(p)
                    .endsWith("(and " + ((Integer) file.get("error_count") - 1) + " more)"));
        }
    }

    @Test
    void aMissingSourceRootIsRefusedWithItsName() {
        PythonExtractor extractor = new PythonExtractor();
        Path missing = root.resolve("nowhere");
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            assertThatThrownBy(() -> extract(extractor, missing, 1, new Progress(), sink))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
        }
    }

    @Test
    void idColumnsButFileIdAreWrittenWithoutStatistics() {
        for (var table : new PythonExtractor().tables()) {
            for (var field : table.arrowSchema().getFields()) {
                boolean id = field.getName().endsWith("_id") && !field.getName().equals("file_id");
                assertThat(io.codeanatomy.spi.arrow.ArrowContracts.keepsStatistics(field)).as(table.name() + "." + field.getName())
                        .isEqualTo(!id);
            }
        }
    }

    @Test
    void tablesDeclareTheColumnsTheRuntimeReads() {
        Map<String, List<String>> columns = new TreeMap<>();
        new PythonExtractor().tables().forEach(t -> columns.put(t.name(), t.contract().columnNames()));
        assertThat(columns.keySet()).containsExactlyInAnyOrderElementsOf(ID_COLUMNS.keySet());
        assertThat(columns.get("py_files_v1")).startsWith("file_id", "path", "bstart", "bend", "size");
        assertThat(columns.get("py_defs_v1")).startsWith("def_id", "file_id", "path", "bstart", "bend", "kind", "name");
        columns.forEach((table, names) -> assertThat(names).as(table).contains("file_id", "path", "bstart", "bend"));
    }
}
