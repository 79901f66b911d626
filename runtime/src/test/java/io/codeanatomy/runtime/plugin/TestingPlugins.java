package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.config.ConfigKey;
import io.codeanatomy.spi.config.PluginConfig;
import io.codeanatomy.spi.extension.Extension;
import io.codeanatomy.spi.extension.ExtensionPoint;
import io.codeanatomy.spi.extension.ExtensionRegistry;
import java.util.List;
import java.util.function.Function;

/** A plugin made of parts, for tests: descriptor, points, extensions, config keys, and what bind and configure do. */
record TestingPlugins(PluginDescriptor descriptor, List<ExtensionPoint<?>> extensionPoints, List<Extension<?>> extensions,
        List<ConfigKey> configKeys, Function<ExtensionRegistry, List<Extension<?>>> onBind, PluginConfig config) implements Plugin {
    TestingPlugins {
        requireNonNull(descriptor, "descriptor is null");
    }

    static TestingPlugins of(PluginDescriptor descriptor) {
        return new TestingPlugins(descriptor, List.of(), List.of(), List.of(), null, null);
    }

    TestingPlugins declaring(ExtensionPoint<?>... points) {
        return new TestingPlugins(descriptor, List.of(points), extensions, configKeys, onBind, config);
    }

    TestingPlugins contributing(Extension<?>... contributions) {
        return new TestingPlugins(descriptor, extensionPoints, List.of(contributions), configKeys, onBind, config);
    }

    TestingPlugins withKeys(ConfigKey... keys) {
        return new TestingPlugins(descriptor, extensionPoints, extensions, List.of(keys), onBind, config);
    }

    /** When bound, contributes what {@code bound} makes of the registry, in addition to its extensions. */
    TestingPlugins onBind(Function<ExtensionRegistry, List<Extension<?>>> bound) {
        return new TestingPlugins(descriptor, extensionPoints, extensions, configKeys, bound, config);
    }

    @Override
    public Plugin configure(PluginConfig settings) {
        return new TestingPlugins(descriptor, extensionPoints, extensions, configKeys, onBind, settings);
    }

    @Override
    public Plugin bind(ExtensionRegistry registry) {
        if (onBind == null) {
            return this;
        }
        List<Extension<?>> all = new java.util.ArrayList<>(extensions);
        all.addAll(onBind.apply(registry));
        return new TestingPlugins(descriptor, extensionPoints, all, configKeys, null, config);
    }
}
