package io.codeanatomy.spi.extension;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.PluginDescriptor;

/**
 * One contribution to an extension point, made with {@link ExtensionPoint#extension}. Its id is
 * {@code pluginId:name}, namespaced by the contributing plugin, so names only need to be unique
 * within a plugin; the id is what a run disables it by ({@code --disable-contribution}).
 *
 * @param point the id of the extension point
 * @param name the contribution's name within its plugin
 * @param ranking higher comes first; ties are broken by contribution id
 * @param value the contribution, an instance of the point's contract
 * @param <T> the contract type
 */
public record Extension<T>(String point, String name, int ranking, T value) {
    public Extension {
        requireNonNull(point, "point is null");
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        ExtensionPoint.requireNamespaced(point, "extension point id");
        if (!PluginDescriptor.isValidId(name)) {
            throw new IllegalArgumentException("The contribution name '" + name
                    + "' must start with a lowercase letter and use only a-z, 0-9, '.', '_' and '-'.");
        }
    }
}
