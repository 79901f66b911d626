package io.codeanatomy.spi;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.version.VersionRange;

/**
 * A plugin another plugin needs, in a range of versions. A required dependency that is missing or
 * out of range stops the session from starting; an optional one that is missing is fine (the
 * dependent runs without it) but one that is present must still be in range, and it is loaded first.
 *
 * @param id the plugin id depended on
 * @param versions the versions that will do
 * @param optional whether the dependent works without it
 */
public record PluginDependency(String id, VersionRange versions, boolean optional) {
    public PluginDependency {
        requireNonNull(id, "id is null");
        requireNonNull(versions, "versions is null");
        if (!PluginDescriptor.isValidId(id)) {
            throw new IllegalArgumentException("The dependency id '" + id + "' must start with a lowercase letter and use only a-z, 0-9, '.', '_' and '-'.");
        }
    }

    /** A required dependency on {@code id} in {@code versions} (interval notation, e.g. {@code [0.1,0.2)}). */
    public static PluginDependency requires(String id, String versions) {
        return new PluginDependency(id, VersionRange.parse(versions), false);
    }

    /** An optional dependency on {@code id} in {@code versions}. */
    public static PluginDependency optional(String id, String versions) {
        return new PluginDependency(id, VersionRange.parse(versions), true);
    }

    @Override
    public String toString() {
        return id + " " + versions + (optional ? " (optional)" : "");
    }
}
