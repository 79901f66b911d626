package io.codeanatomy.testkit.plugin;

import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.spi.Plugin;
import java.util.Set;

/** The suite run against a real in-tree plugin: the span functions. */
class TestSpansPluginConformance extends PluginConformanceTest {
    @Override
    protected Plugin createPlugin() {
        return new SpansPlugin();
    }

    @Override
    protected Set<PluginCapability> capabilities() {
        return Set.of(PluginCapability.SCALAR_FUNCTIONS, PluginCapability.AGGREGATE_FUNCTIONS);
    }
}
