package io.codeanatomy.runtime.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codeanatomy.api.canonical.Sha256;
import io.codeanatomy.plugins.delta.DeltaIoPlugin;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.TinyPythonPlugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPlanBundleFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final BuildPipeline pipeline = new BuildPipeline(SessionConfig.defaults().withWorkers(1),
            config -> Session.open(config, List.of(new DeltaIoPlugin(), new SpansPlugin(), new TinyPythonPlugin())), TinyPythonPlugin.spec());

    private Path source() throws Exception {
        Path source = temp.resolve("src");
        Files.createDirectories(source.resolve("pkg"));
        Files.writeString(source.resolve("pkg/a.py"), "import os\n\ndef f(x):\n    return x\n\nclass C:\n    pass\n", StandardCharsets.UTF_8);
        return source;
    }

    @Test
    void planWritesEveryFormatOfEachPlanWithHashesMatchingTheTextsAndRunsNothing() throws Exception {
        Path out = temp.resolve("out");
        BuildOutcome outcome = pipeline.plan(source(), out, List.of(), List.of(), BuildListener.NONE);

        Path plan = outcome.runDirectory().resolve(PlanBundleFiles.DIRECTORY);
        JsonNode bundle = JSON.readTree(plan.resolve(PlanBundleFiles.BUNDLE).toFile());
        assertThat(bundle.get("capturedAt").asText()).isNotBlank();
        assertThat(bundle.get("envelope").get("envelopeHash").asText()).isEqualTo(outcome.result().envelopeHash());
        JsonNode nodes = bundle.get("plans").get("cpg_nodes");
        Path folder = plan.resolve("cpg_nodes");
        for (String[] file : new String[][] {{"p0Hash", PlanBundleFiles.P0}, {"p1Hash", PlanBundleFiles.P1}, {"p2Hash", PlanBundleFiles.P2}}) {
            assertThat(nodes.get(file[0]).asText()).isEqualTo(Sha256.hex(Files.readString(folder.resolve(file[1]))));
        }
        assertThat(Files.readString(folder.resolve(PlanBundleFiles.P1_DOT))).startsWith("digraph plan {").contains("n0 [label=\"");
        assertThat(Files.readString(folder.resolve(PlanBundleFiles.TRACE))).contains("=== step 1: calcite.")
                .contains("=== cost-based search");
        assertThat(nodes.get("trace").size()).isPositive();
        assertThat(nodes.get("volcanoProductions").size()).isPositive();
        assertThat(nodes.get("relJson").has("file")).isTrue();
        // The CPG's plans call plugin functions, which Substrait's standard extensions lack.
        assertThat(nodes.get("substrait").get("failure").asText()).contains("Unable to convert call");
        for (String dialect : List.of("duckdb", "postgresql", "spark")) {
            JsonNode sql = nodes.get("sql").get(dialect);
            assertThat(sql.has("file") || sql.has("failure")).as(dialect).isTrue();
            if (sql.has("file")) {
                assertThat(Files.readString(folder.resolve(sql.get("file").asText()))).containsIgnoringCase("SELECT");
            }
        }
        assertThat(outcome.result().outputs()).isEmpty();
        assertThat(out.resolve("cpg")).doesNotExist();
        assertThat(out.resolve("extract")).doesNotExist();
    }

    @Test
    void bundleHashIgnoresTheTimestamp() throws Exception {
        Path source = source();
        BuildOutcome first = pipeline.plan(source, temp.resolve("one"), List.of(), List.of(), BuildListener.NONE);
        BuildOutcome second = pipeline.plan(source, temp.resolve("two"), List.of(), List.of(), BuildListener.NONE);
        JsonNode a = JSON.readTree(first.runDirectory().resolve("plan/bundle.json").toFile());
        JsonNode b = JSON.readTree(second.runDirectory().resolve("plan/bundle.json").toFile());
        assertThat(a.get("bundleHash")).isEqualTo(b.get("bundleHash"));
        assertThat(a.get("plans")).isEqualTo(b.get("plans"));
    }
}
