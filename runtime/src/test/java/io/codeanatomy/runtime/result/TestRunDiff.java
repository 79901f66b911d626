package io.codeanatomy.runtime.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.plugins.delta.DeltaIoPlugin;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.TinyPythonPlugin;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.rule.RuleContribution;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunDiff {
    @TempDir
    Path temp;

    /**
     * One plugin id and version with two behaviours of its rule: one that never matches our plans
     * (no INTERSECT in the spec) and one that moves projections below joins.
     */
    private record VariantPlugin(RelOptRule rule) implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of("variant", "1.0", "a rule whose behaviour changes without a version bump");
        }

        @Override
        public List<RuleContribution> optimizerRules() {
            return List.of(new RuleContribution("variant.rewrite", RulePhase.LOGICAL, rule, "test rule"));
        }
    }

    private Path source() throws Exception {
        Path source = temp.resolve("src");
        Files.createDirectories(source.resolve("pkg"));
        Files.writeString(source.resolve("pkg/a.py"), "import os\n\ndef f(x):\n    return x\n\nclass C:\n    async def g(self):\n        pass\n",
                StandardCharsets.UTF_8);
        Files.writeString(source.resolve("b.py"), "x = 1\n", StandardCharsets.UTF_8);
        return source;
    }

    private BuildOutcome plan(Path out, SessionConfig config, Plugin... extra) throws Exception {
        List<Plugin> plugins = new java.util.ArrayList<>(List.of(new DeltaIoPlugin(), new SpansPlugin(), new TinyPythonPlugin()));
        plugins.addAll(List.of(extra));
        return new BuildPipeline(config, c -> Session.open(c, plugins), TinyPythonPlugin.spec())
                .plan(source(), out, List.of(), List.of(), BuildListener.NONE);
    }

    @Test
    void identicalRunsInDifferentDirectoriesWithDifferentWorkersAreIdentical() throws Exception {
        BuildOutcome a = plan(temp.resolve("out-a"), SessionConfig.defaults().withWorkers(1));
        BuildOutcome b = plan(temp.resolve("renamed/out-b"), SessionConfig.defaults().withWorkers(3));

        RunDiff diff = RunDiff.compare(a.runDirectory(), b.runDirectory());

        assertThat(diff.verdict()).isEqualTo(RunDiff.Verdict.IDENTICAL);
        assertThat(diff.verdict().exitCode()).isZero();
        assertThat(print(diff)).isEqualTo("identical: same envelope, same P1\n");
    }

    @Test
    void disablingARuleIsAnExpectedChangeNamingTheRule() throws Exception {
        BuildOutcome a = plan(temp.resolve("a"), SessionConfig.defaults());
        BuildOutcome b = plan(temp.resolve("b"), SessionConfig.defaults().withDisabledRules(Set.of("calcite.FILTER_INTO_JOIN")));

        RunDiff diff = RunDiff.compare(a.runDirectory(), b.runDirectory());

        assertThat(diff.verdict()).isEqualTo(RunDiff.Verdict.EXPECTED_CHANGE);
        assertThat(diff.verdict().exitCode()).isEqualTo(1);
        assertThat(diff.changedKeys()).contains("config.planner.disabled_rules", "rules.calcite.FILTER_INTO_JOIN.enabled");
        assertThat(diff.changedPlans()).isNotEmpty();
        assertThat(print(diff)).startsWith("expected change: the session envelope differs in ").contains("rules.calcite.FILTER_INTO_JOIN.enabled");
    }

    @Test
    void aRuleThatChangedBehaviourUnderTheSameVersionIsAnUnexpectedRegressionNamingIt() throws Exception {
        BuildOutcome a = plan(temp.resolve("a"), SessionConfig.defaults(), new VariantPlugin(CoreRules.INTERSECT_TO_DISTINCT));
        BuildOutcome b = plan(temp.resolve("b"), SessionConfig.defaults(), new VariantPlugin(CoreRules.JOIN_TO_CORRELATE));

        RunDiff diff = RunDiff.compare(a.runDirectory(), b.runDirectory());

        assertThat(a.result().envelopeHash()).isEqualTo(b.result().envelopeHash());
        assertThat(diff.verdict()).isEqualTo(RunDiff.Verdict.UNEXPECTED_REGRESSION);
        assertThat(diff.verdict().exitCode()).isEqualTo(3);
        assertThat(diff.firstDivergence().values()).allSatisfy(step -> assertThat(step).startsWith("variant.rewrite"));
        String report = print(diff);
        assertThat(report).startsWith("unexpected regression: P1 changed in ").contains("first differing rule variant.rewrite")
                .contains("--- ").contains("+++ ").contains("@@ -");
    }

    @Test
    void aDirectoryThatIsNoRunIsNamed() {
        assertThatThrownBy(() -> RunDiff.compare(temp, temp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(temp + " is not a run directory with a plan bundle");
    }

    @Test
    void unifiedDiffShowsChangedLinesWithContext() {
        String diff = UnifiedDiff.of("a", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "b", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n");
        assertThat(diff).isEqualTo("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
        assertThat(UnifiedDiff.of("a", "x\n", "b", "x\n")).isEmpty();
    }

    private static String print(RunDiff diff) {
        StringWriter text = new StringWriter();
        diff.print(new PrintWriter(text));
        return text.toString();
    }
}
