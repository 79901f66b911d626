package io.codeanatomy.spi.config;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.PluginDescriptor;

/**
 * One setting a plugin accepts, Airlift style: declared with its type, default and description, so
 * that a run can refuse a key nobody declared or a value of the wrong type before it starts, and
 * {@code codeanatomy plugins} can list it. A run sets it as {@code <plugin id>.<name>=<value>}
 * ({@code -X} on the command line), the same namespacing extractor options use.
 *
 * @param name the key within its plugin: lowercase letters, digits, {@code .}, {@code _}, {@code -}
 * @param type what values are accepted
 * @param defaultValue the value when the run sets none, as text of {@code type}
 * @param description one line for people
 */
public record ConfigKey(String name, ConfigType type, String defaultValue, String description) {
    public ConfigKey {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
        if (!PluginDescriptor.isValidId(name)) {
            throw new IllegalArgumentException("The config key '" + name + "' must start with a lowercase letter and use only a-z, 0-9, '.', '_' and '-'.");
        }
        try {
            type.parse(defaultValue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The default of config key '" + name + "': " + e.getMessage() + ".");
        }
    }
}
