package io.codeanatomy.runtime.testing;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.spi.extract.BatchWriter;
import io.codeanatomy.spi.extract.ExtractionRequest;
import io.codeanatomy.spi.extract.ExtractionSink;
import io.codeanatomy.spi.extract.ExtractionSummary;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.extract.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;

/**
 * A stand-in for the Python extractor with three of its table names: one row per {@code .py} file,
 * its line index (one row per file, the first byte of every line), and one per line that starts
 * (after indentation) with {@code def}, {@code async def} or {@code class}, spanning that line. A
 * module is named by its path ({@code pkg/a.py} is {@code pkg.a}), a definition's qualname is its
 * name. A file whose first line is {@code # broken} gets status
 * {@code SYNTAX_ERROR} (its definitions are still listed, as error recovery would). A file called
 * {@code boom.py} makes it fail after the files before it were written, to test that failed runs
 * leave nothing behind.
 */
public final class TinyPythonExtractor implements Extractor {
    public static final TableDefinition FILES = TableDefinition.of("py_files_v1", SchemaContract.of(1,
            ColumnContract.required("file_id", DataType.STRING),
            ColumnContract.required("path", DataType.STRING),
            ColumnContract.required("size", DataType.INT64),
            ColumnContract.required("status", DataType.STRING),
            ColumnContract.optional("module_name", DataType.STRING)));
    public static final TableDefinition DEFS = TableDefinition.of("py_defs_v1", SchemaContract.of(1,
            ColumnContract.required("def_id", DataType.STRING),
            ColumnContract.required("file_id", DataType.STRING),
            ColumnContract.required("path", DataType.STRING),
            ColumnContract.required("bstart", DataType.INT64),
            ColumnContract.required("bend", DataType.INT64),
            ColumnContract.required("kind", DataType.STRING),
            ColumnContract.required("name", DataType.STRING),
            ColumnContract.required("qualname", DataType.STRING)));

    public static final TableDefinition LINES = TableDefinition.of("py_lines_v2", SchemaContract.of(2,
            ColumnContract.required("file_id", DataType.STRING),
            ColumnContract.required("line_starts", DataType.list(DataType.INT64))));

    @Override
    public String id() {
        return "tiny-python";
    }

    @Override
    public List<TableDefinition> tables() {
        return List.of(FILES, LINES, DEFS);
    }

    @Override
    public ExtractionSummary extract(ExtractionRequest request, ExtractionSink sink) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(request.sourceRoot())) {
            files = walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.progress().filesTotal(files.size());
        long bytes = 0;
        long defs = 0;
        BatchWriter fileWriter = sink.writer(FILES.name());
        BatchWriter lineWriter = sink.writer(LINES.name());
        BatchWriter defWriter = sink.writer(DEFS.name());
        try (BufferAllocator allocator = sink.allocator().newChildAllocator("tiny", 0, Long.MAX_VALUE);
                VectorSchemaRoot fileRoot = VectorSchemaRoot.create(FILES.arrowSchema(), allocator);
                VectorSchemaRoot lineRoot = VectorSchemaRoot.create(LINES.arrowSchema(), allocator);
                VectorSchemaRoot defRoot = VectorSchemaRoot.create(DEFS.arrowSchema(), allocator)) {
            for (Path file : files) {
                String path = request.sourceRoot().relativize(file).toString();
                if (path.endsWith("boom.py")) {
                    throw new IllegalStateException("boom.py exploded");
                }
                byte[] content = Files.readAllBytes(file);
                bytes += content.length;
                fileRoot.allocateNew();
                ((VarCharVector) fileRoot.getVector("file_id")).setSafe(0, ("file:" + path).getBytes(StandardCharsets.UTF_8));
                ((VarCharVector) fileRoot.getVector("path")).setSafe(0, path.getBytes(StandardCharsets.UTF_8));
                ((BigIntVector) fileRoot.getVector("size")).setSafe(0, content.length);
                String status = new String(content, StandardCharsets.UTF_8).startsWith("# broken") ? "SYNTAX_ERROR" : "OK";
                ((VarCharVector) fileRoot.getVector("status")).setSafe(0, status.getBytes(StandardCharsets.UTF_8));
                String module = path.substring(0, path.length() - ".py".length()).replace('/', '.');
                ((VarCharVector) fileRoot.getVector("module_name")).setSafe(0, module.getBytes(StandardCharsets.UTF_8));
                fileRoot.setRowCount(1);
                fileWriter.write(fileRoot);
                writeLineStarts(path, content, lineRoot, lineWriter);
                defs += writeDefs(path, content, defRoot, defWriter);
                request.progress().fileDone(content.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExtractionSummary.of(files.size(), bytes, 0, Map.of(FILES.name(), (long) files.size(), LINES.name(), (long) files.size(),
                DEFS.name(), defs));
    }

    private static void writeLineStarts(String path, byte[] content, VectorSchemaRoot root, BatchWriter writer) {
        root.allocateNew();
        ((VarCharVector) root.getVector("file_id")).setSafe(0, ("file:" + path).getBytes(StandardCharsets.UTF_8));
        UnionListWriter starts = ((ListVector) root.getVector("line_starts")).getWriter();
        starts.setPosition(0);
        starts.startList();
        starts.writeBigInt(0);
        for (int i = 0; i < content.length - 1; i++) {
            if (content[i] == '\n') {
                starts.writeBigInt(i + 1);
            }
        }
        starts.endList();
        root.setRowCount(1);
        writer.write(root);
    }

    private static int writeDefs(String path, byte[] content, VectorSchemaRoot root, BatchWriter writer) {
        root.allocateNew();
        int rows = 0;
        int lineStart = 0;
        while (lineStart < content.length) {
            int lineEnd = lineStart;
            while (lineEnd < content.length && content[lineEnd] != '\n') {
                lineEnd++;
            }
            int start = lineStart;
            while (start < lineEnd && content[start] == ' ') {
                start++;
            }
            String line = new String(content, start, lineEnd - start, StandardCharsets.UTF_8);
            String kind = line.startsWith("def ") ? "FUNCTION" : line.startsWith("async def ") ? "ASYNC_FUNCTION"
                    : line.startsWith("class ") ? "CLASS" : null;
            if (kind != null) {
                String rest = line.substring(line.indexOf(' ', kind.equals("ASYNC_FUNCTION") ? 6 : 0) + 1);
                String name = rest.split("[(:]", 2)[0].strip();
                ((VarCharVector) root.getVector("def_id")).setSafe(rows, ("def:" + path + ":" + start).getBytes(StandardCharsets.UTF_8));
                ((VarCharVector) root.getVector("file_id")).setSafe(rows, ("file:" + path).getBytes(StandardCharsets.UTF_8));
                ((VarCharVector) root.getVector("path")).setSafe(rows, path.getBytes(StandardCharsets.UTF_8));
                ((BigIntVector) root.getVector("bstart")).setSafe(rows, start);
                ((BigIntVector) root.getVector("bend")).setSafe(rows, lineEnd);
                ((VarCharVector) root.getVector("kind")).setSafe(rows, kind.getBytes(StandardCharsets.UTF_8));
                ((VarCharVector) root.getVector("name")).setSafe(rows, name.getBytes(StandardCharsets.UTF_8));
                ((VarCharVector) root.getVector("qualname")).setSafe(rows, name.getBytes(StandardCharsets.UTF_8));
                rows++;
            }
            lineStart = lineEnd + 1;
        }
        root.setRowCount(rows);
        if (rows > 0) {
            writer.write(root);
        }
        return rows;
    }
}
