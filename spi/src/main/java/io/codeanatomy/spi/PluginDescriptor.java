package io.codeanatomy.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who a plugin is. The runtime orders plugins by {@code dependsOn}, ties broken by id, and
 * records {@link #coordinate()} in the session envelope.
 *
 * @param id stable id: lowercase letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter
 * @param version plugin version, not blank, without {@code @}
 * @param description one line for people
 * @param dependsOn ids of plugins that must be loaded before this one
 */
public record PluginDescriptor(String id, String version, String description, List<String> dependsOn) {
    public PluginDescriptor {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(description, "description is null");
        dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn is null"));
        requireId(id, "plugin id");
        if (version.isBlank() || version.indexOf('@') >= 0 || !version.strip().equals(version)) {
            throw new IllegalArgumentException("Plugin '" + id + "' has the version '" + version + "'; use a non-blank version without '@' or surrounding spaces.");
        }
        Set<String> seen = new HashSet<>();
        for (String dependency : dependsOn) {
            requireId(dependency, "dependency id of plugin '" + id + "'");
            if (dependency.equals(id)) {
                throw new IllegalArgumentException("Plugin '" + id + "' depends on itself.");
            }
            if (!seen.add(dependency)) {
                throw new IllegalArgumentException("Plugin '" + id + "' lists the dependency '" + dependency + "' more than once.");
            }
        }
    }

    /** A descriptor without dependencies. */
    public static PluginDescriptor of(String id, String version, String description) {
        return new PluginDescriptor(id, version, description, List.of());
    }

    /** {@code id@version}, as recorded in the session envelope. */
    public String coordinate() {
        return id + "@" + version;
    }

    /**
     * Tells whether {@code id} has the shape of plugin and rule ids: a lowercase letter, then
     * lowercase letters, digits, {@code .}, {@code _} and {@code -}.
     */
    public static boolean isValidId(String id) {
        boolean valid = id != null && !id.isEmpty() && id.charAt(0) >= 'a' && id.charAt(0) <= 'z';
        for (int i = 0; valid && i < id.length(); i++) {
            char c = id.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        }
        return valid;
    }

    private static void requireId(String id, String what) {
        requireNonNull(id, what + " is null");
        if (!isValidId(id)) {
            throw new IllegalArgumentException("The " + what + " '" + id + "' must start with a lowercase letter and use only a-z, 0-9, '.', '_' and '-'.");
        }
    }
}
