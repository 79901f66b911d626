package io.codeanatomy.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDependency;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.version.SpiVersion;
import io.codeanatomy.spi.version.Version;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPluginCompatibility {
    private static final Version SPI = Version.parse("0.3.1");

    private static Plugin plugin(PluginDescriptor descriptor) {
        return () -> descriptor;
    }

    @Test
    void aPluginNeedingANewerSpiIsRefusedNamingBothVersions() {
        Plugin newer = plugin(PluginDescriptor.of("shiny", "2.0.0", "").withSpi("[0.4,0.5)"));

        assertThatThrownBy(() -> PluginDiscovery.order(List.of(newer), SPI))
                .isInstanceOf(PluginException.class)
                .hasMessage("plugin 'shiny@2.0.0' needs spi [0.4.0,0.5.0) but this runtime provides spi 0.3.1; "
                        + "use a version of the plugin built for spi 0.3.1.");
        assertThat(PluginDiscovery.order(List.of(plugin(PluginDescriptor.of("fits", "1.0.0", "").withSpi("[0.3,0.4)"))), SPI)).hasSize(1);
    }

    @Test
    void inTreePluginsAcceptTheSpiTheyWereBuiltWith() {
        PluginDescriptor descriptor = PluginDescriptor.of("in-tree", "1.0.0", "");

        assertThat(descriptor.spi().contains(SpiVersion.CURRENT)).isTrue();
        assertThat(PluginDiscovery.order(List.of(plugin(descriptor)))).hasSize(1);
    }

    @Test
    void aDependencyOutOfRangeIsRefusedNamingBothPlugins() {
        Plugin base = plugin(PluginDescriptor.of("base", "1.4.0", "").withSpi("[0.3,0.4)"));
        Plugin user = plugin(PluginDescriptor.of("user", "1.0.0", "").withSpi("[0.3,0.4)")
                .withDependencies(PluginDependency.requires("base", "[2.0,3.0)")));

        assertThatThrownBy(() -> PluginDiscovery.order(List.of(base, user), SPI))
                .isInstanceOf(PluginException.class)
                .hasMessage("plugin 'user@1.0.0' needs plugin 'base' [2.0.0,3.0.0) but 'base@1.4.0' is installed; install a version in range.");
    }

    @Test
    void aMissingOptionalDependencyIsFineButAPresentOneMustBeInRangeAndComesFirst() {
        PluginDescriptor user = PluginDescriptor.of("a-user", "1.0.0", "").withSpi("0.1")
                .withDependencies(PluginDependency.optional("zeta", "[1.0,2.0)"));

        assertThat(PluginDiscovery.order(List.of(plugin(user)), SPI)).hasSize(1);
        List<Plugin> ordered = PluginDiscovery.order(List.of(plugin(user), plugin(PluginDescriptor.of("zeta", "1.2.0", "").withSpi("0.1"))), SPI);
        assertThat(ordered).extracting(p -> p.descriptor().id()).containsExactly("zeta", "a-user");
        assertThatThrownBy(() -> PluginDiscovery.order(List.of(plugin(user), plugin(PluginDescriptor.of("zeta", "2.0.0", "").withSpi("0.1"))), SPI))
                .hasMessageContaining("needs plugin 'zeta' [1.0.0,2.0.0) but 'zeta@2.0.0' is installed");
    }

    @Test
    void aCycleThroughOptionalDependenciesIsStillACycle() {
        Plugin a = plugin(PluginDescriptor.of("a", "1.0.0", "").withSpi("0.1").withDependencies(PluginDependency.optional("b", "1")));
        Plugin b = plugin(PluginDescriptor.of("b", "1.0.0", "").withSpi("0.1").withDependencies(PluginDependency.requires("a", "1")));

        assertThatThrownBy(() -> PluginDiscovery.order(List.of(a, b), SPI))
                .hasMessage("plugins [a, b] depend on each other in a cycle: a -> b -> a; remove one of these dependencies.");
    }
}
