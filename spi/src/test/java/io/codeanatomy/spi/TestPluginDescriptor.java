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
        assertThatThrownBy(() -> PluginDescriptor.of("delta", "1@2", "")).hasMessageContaining("without '@'");
        assertThatThrownBy(() -> PluginDescriptor.of("delta", " ", "")).hasMessageContaining("non-blank");
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
}
