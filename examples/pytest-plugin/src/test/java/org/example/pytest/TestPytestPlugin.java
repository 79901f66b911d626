package org.example.pytest;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.testkit.plugin.PluginCapability;
import io.codeanatomy.testkit.plugin.PluginConformanceTest;
import java.util.List;
import java.util.Set;

/** The conformance suite every plugin runs: loading, descriptor, functions, rules, CPG view. */
class TestPytestPlugin extends PluginConformanceTest {
    @Override
    protected Plugin createPlugin() {
        return new PytestPlugin();
    }

    @Override
    protected Set<PluginCapability> capabilities() {
        return Set.of(PluginCapability.SCALAR_FUNCTIONS, PluginCapability.OPTIMIZER_RULES, PluginCapability.CPG_VIEWS);
    }

    @Override
    protected List<String> ruleFixtureQueries() {
        return List.of("SELECT n FROM (SELECT n FROM (VALUES ('test_a'), ('helper')) AS t(n) WHERE n <> 'x') WHERE is_test_name(n)");
    }
}
