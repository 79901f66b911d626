package io.codeanatomy.testkit.plugin;

import io.codeanatomy.plugins.delta.DeltaIoPlugin;
import io.codeanatomy.spi.Plugin;
import java.util.Set;

/** The suite against the Delta plugin: its materializer writes a table its provider reads back. */
class TestDeltaIoPluginConformance extends PluginConformanceTest {
    @Override
    protected Plugin createPlugin() {
        return new DeltaIoPlugin();
    }

    @Override
    protected Set<PluginCapability> capabilities() {
        return Set.of(PluginCapability.TABLE_PROVIDERS, PluginCapability.MATERIALIZERS);
    }
}
