package io.codeanatomy.spi.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A plugin's settings for one run: every declared key with the run's value or the default, already
 * checked against its type. Built by the runtime; handed to {@link io.codeanatomy.spi.Plugin#configure}.
 *
 * @param pluginId whose settings these are
 * @param keys the declared keys
 * @param values the value of every declared key, as text
 */
public record PluginConfig(String pluginId, List<ConfigKey> keys, SortedMap<String, String> values) {
    public PluginConfig {
        requireNonNull(pluginId, "pluginId is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        values = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(values, "values is null")));
        for (ConfigKey key : keys) {
            String value = values.get(key.name());
            if (value == null) {
                throw new IllegalArgumentException("config of plugin '" + pluginId + "' has no value for '" + key.name() + "'");
            }
            key.type().parse(value);
        }
        if (values.size() != keys.size()) {
            throw new IllegalArgumentException("config of plugin '" + pluginId + "' has values for undeclared keys: " + values.keySet());
        }
    }

    /**
     * The settings from the run's {@code given} values (keyed by name within the plugin) and the
     * defaults.
     *
     * @throws IllegalArgumentException naming {@code <plugin id>.<name>} for an undeclared key or a value of the wrong type
     */
    public static PluginConfig resolve(String pluginId, List<ConfigKey> keys, Map<String, String> given) {
        requireNonNull(given, "given is null");
        SortedMap<String, String> values = new TreeMap<>();
        for (ConfigKey key : keys) {
            values.put(key.name(), key.defaultValue());
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(given).entrySet()) {
            String option = pluginId + "." + entry.getKey();
            ConfigKey key = keys.stream().filter(k -> k.name().equals(entry.getKey())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("the plugin '" + pluginId + "' has no config key '" + entry.getKey() + "'; remove '"
                            + option + "'" + (keys.isEmpty() ? "" : " or use one of " + keys.stream().map(ConfigKey::name).sorted().toList()) + "."));
            try {
                key.type().parse(entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("option '" + option + "': " + e.getMessage() + ".");
            }
            values.put(key.name(), entry.getValue());
        }
        return new PluginConfig(pluginId, keys, values);
    }

    public String getString(String name) {
        return (String) value(name, ConfigType.STRING);
    }

    public boolean getBoolean(String name) {
        return (Boolean) value(name, ConfigType.BOOLEAN);
    }

    public int getInt(String name) {
        return (Integer) value(name, ConfigType.INTEGER);
    }

    public long getLong(String name) {
        return (Long) value(name, ConfigType.LONG);
    }

    public double getDouble(String name) {
        return (Double) value(name, ConfigType.DOUBLE);
    }

    private Object value(String name, ConfigType type) {
        ConfigKey key = keys.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plugin '" + pluginId + "' declares no config key '" + name + "'"));
        if (key.type() != type) {
            throw new IllegalArgumentException("config key '" + pluginId + "." + name + "' is " + key.type() + ", not " + type);
        }
        return type.parse(values.get(name));
    }
}
