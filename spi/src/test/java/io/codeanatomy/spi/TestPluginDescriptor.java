package io.codeanatomy.spi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPluginDescriptor {
    @Test
    void coordinateIsIdAtVersion() {
        assertThat(PluginDescriptor.of("delta-io", "0.1.0", "Delta tables").coordinate()).isEqualTo("delta-io@0.1.0");
    }

    @Test
    void rejectsBadIdsVersionsAndDependencies() {
        assertThatThrownBy(() -> PluginDescriptor.of("Delta", "1", "")).hasMessageContaining("'Delta'");
        assertThatThrownBy(() -> PluginDescriptor.of("9lives", "1", "")).hasMessageContaining("lowercase letter");
        assertThatThrownBy(() -> PluginDescriptor.of("delta", "1@2", "")).hasMessage("Plugin 'delta' has the version '1@2'; use MAJOR.MINOR.PATCH, e.g. 1.4.0.");
        assertThatThrownBy(() -> PluginDescriptor.of("delta", " ", "")).hasMessageContaining("use MAJOR.MINOR.PATCH");
        assertThatThrownBy(() -> new PluginDescriptor("delta", "1", "", List.of("delta"))).hasMessage("Plugin 'delta' depends on itself.");
        assertThatThrownBy(() -> new PluginDescriptor("delta", "1", "", List.of("api", "api"))).hasMessageContaining("more than once");
    }

    @Test
    void dependsOnIsCopied() {
        List<String> dependencies = new java.util.ArrayList<>(List.of("core"));
        PluginDescriptor descriptor = new PluginDescriptor("x", "1", "", dependencies);
        dependencies.add("other");
        assertThat(descriptor.dependsOn()).containsExactly("core");
    }

    @Test
    void declaresSpiRangeAndDependenciesWithRanges() {
        PluginDescriptor descriptor = PluginDescriptor.of("user", "2.1.0", "").withSpi("[0.1,0.2)")
                .withDependencies(PluginDependency.requires("base", "[1.0,2.0)"), PluginDependency.optional("extra", "0.3"));

        assertThat(descriptor.spi()).hasToString("[0.1.0,0.2.0)");
        assertThat(descriptor.dependsOn()).containsExactly("base", "extra");
        assertThat(descriptor.dependencies()).extracting(PluginDependency::toString)
                .containsExactly("base [1.0.0,2.0.0)", "extra [0.3.0,) (optional)");
        assertThat(descriptor.semver()).isEqualTo(io.codeanatomy.spi.version.Version.of(2, 1, 0));
    }

    @Test
    void theRunningSpiVersionComesFromTheBuild() {
        assertThat(io.codeanatomy.spi.version.SpiVersion.CURRENT.toString()).startsWith("0.1.0");
        assertThat(PluginDescriptor.of("x", "1", "").spi().contains(io.codeanatomy.spi.version.SpiVersion.CURRENT)).isTrue();
    }
}
