package io.codeanatomy.spi;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TestPluginDiscovery {
    @Test
    void serviceLoaderFindsTheRegisteredPlugin() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());
        assertThat(plugins).hasSize(1);
        Plugin plugin = plugins.get(0);
        assertThat(plugin.descriptor().coordinate()).isEqualTo("testing@1.0.0");
        assertThat(plugin.descriptor().dependsOn()).containsExactly("core");
    }

    @Test
    void contributionsNotOverriddenDefaultToEmpty() {
        Plugin plugin = ServiceLoader.load(Plugin.class).findFirst().orElseThrow();
        assertThat(plugin.scalarFunctions()).extracting(f -> f.name()).containsExactly("span_length");
        assertThat(plugin.aggregateFunctions()).extracting(f -> f.name()).containsExactly("longest_span");
        assertThat(plugin.optimizerRules()).extracting(r -> r.id()).containsExactly("testing.filter-merge");
        assertThat(plugin.tableProviders()).isEmpty();
        assertThat(plugin.materializers()).isEmpty();
        assertThat(plugin.extractors()).isEmpty();
    }

    @Test
    void theScalarMethodIsCallable() throws ReflectiveOperationException {
        Plugin plugin = ServiceLoader.load(Plugin.class).findFirst().orElseThrow();
        Object length = plugin.scalarFunctions().get(0).method().invoke(null, 10L, 25L);
        assertThat(length).isEqualTo(15L);
    }
}
