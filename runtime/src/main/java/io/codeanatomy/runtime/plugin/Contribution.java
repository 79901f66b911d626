package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

/**
 * One contribution as a session holds it: its namespaced id {@code pluginId:name}, the point it went
 * to, its ranking, the value, and the {@code id@version} of the plugin that made it (recorded in the
 * session envelope).
 *
 * @param id {@code pluginId:name}
 * @param point the extension point id
 * @param ranking higher first within the point
 * @param value an instance of the point's contract
 * @param plugin {@code id@version} of the contributing plugin
 */
public record Contribution(String id, String point, int ranking, Object value, String plugin) {
    public Contribution {
        requireNonNull(id, "id is null");
        requireNonNull(point, "point is null");
        requireNonNull(value, "value is null");
        requireNonNull(plugin, "plugin is null");
    }

    /** The part of the id after the plugin id. */
    public String name() {
        return id.substring(id.indexOf(':') + 1);
    }
}
