package io.codeanatomy.runtime.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.result.RunResult;
import io.codeanatomy.api.result.RunStatus;
import io.codeanatomy.plugins.delta.DeltaIoPlugin;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.TinyPythonPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCodeAnatomy {
    @TempDir
    Path temp;

    private CodeAnatomy embedded() {
        return CodeAnatomy.builder().classPathPlugins(false).config(SessionConfig.defaults().withWorkers(1))
                .plugins(List.of(new DeltaIoPlugin(), new SpansPlugin(), new TinyPythonPlugin())).builtinParts(TinyPythonPlugin.PARTS).build();
    }

    @Test
    void buildsAndQueriesAsArrowBatchesFromSeveralThreads() throws Exception {
        Path source = Files.createDirectories(temp.resolve("src"));
        Files.writeString(source.resolve("a.py"), "def f():\n    pass\n\nclass C:\n    pass\n");
        Files.writeString(source.resolve("b.py"), "x = 1\n");
        Path out = temp.resolve("out");
        try (CodeAnatomy codeAnatomy = embedded()) {
            RunResult result = codeAnatomy.build(source, out);
            assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);

            String sql = "SELECT node_kind, COUNT(*) AS n FROM cpg_nodes GROUP BY node_kind ORDER BY node_kind";
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                List<Future<Map<String, Long>>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    answers.add(threads.submit(() -> counts(codeAnatomy, out, sql)));
                }
                for (Future<Map<String, Long>> answer : answers) {
                    assertThat(answer.get()).containsExactly(Map.entry("PY_CLASS", 1L), Map.entry("PY_FILE", 2L), Map.entry("PY_FUNCTION", 1L),
                            Map.entry("PY_MODULE", 2L));
                }
            } finally {
                threads.shutdown();
            }
        }
    }

    private static Map<String, Long> counts(CodeAnatomy codeAnatomy, Path out, String sql) throws Exception {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        try (QueryResult rows = codeAnatomy.query(out, sql)) {
            assertThat(rows.columnNames()).containsExactly("node_kind", "n");
            while (rows.reader().loadNextBatch()) {
                VectorSchemaRoot batch = rows.reader().getVectorSchemaRoot();
                VarCharVector kinds = (VarCharVector) batch.getVector("node_kind");
                BigIntVector n = (BigIntVector) batch.getVector("n");
                for (int i = 0; i < batch.getRowCount(); i++) {
                    counts.put(kinds.getObject(i).toString(), n.get(i));
                }
            }
        }
        return counts;
    }

    @Test
    void queryResultsCrossTheArrowCStreamInterface() throws Exception {
        Path source = Files.createDirectories(temp.resolve("src"));
        Files.writeString(source.resolve("a.py"), "def f():\n    pass\n\ndef g():\n    pass\n");
        Path out = temp.resolve("out");
        String sql = "SELECT node_kind, COUNT(*) AS n FROM cpg_nodes GROUP BY node_kind ORDER BY node_kind";
        try (CodeAnatomy codeAnatomy = embedded()) {
            codeAnatomy.build(source, out);
            Map<String, Long> direct = counts(codeAnatomy, out, sql);
            Map<String, Long> imported = new java.util.LinkedHashMap<>();
            try (QueryResult rows = codeAnatomy.query(out, sql);
                    BufferAllocator consumer = new RootAllocator();
                    ArrowArrayStream stream = ArrowArrayStream.allocateNew(consumer)) {
                rows.exportTo(stream);
                try (ArrowReader reader = Data.importArrayStream(consumer, stream)) {
                    while (reader.loadNextBatch()) {
                        VectorSchemaRoot batch = reader.getVectorSchemaRoot();
                        for (int i = 0; i < batch.getRowCount(); i++) {
                            imported.put(((VarCharVector) batch.getVector("node_kind")).getObject(i).toString(),
                                    ((BigIntVector) batch.getVector("n")).get(i));
                        }
                    }
                }
            }
            assertThat(imported).isEqualTo(direct).containsEntry("PY_FUNCTION", 2L);
        }
    }

    @Test
    void aRefusedPluginSetFailsWhenBuilt() {
        assertThatThrownBy(() -> CodeAnatomy.builder().classPathPlugins(false).plugins(List.of(new SpansPlugin(), new SpansPlugin())).build())
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("two plugins have the id 'udf-spans'");
    }
}
