package io.codeanatomy.spi;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.version.SpiVersion;
import io.codeanatomy.spi.version.Version;
import io.codeanatomy.spi.version.VersionRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a plugin is and what it needs. The runtime checks, before a session starts, that the running
 * spi is in {@link #spi()} and that every dependency is present in its range, and refuses the plugin
 * set otherwise; it orders plugins by their dependencies, ties broken by id, and records
 * {@link #coordinate()} in the session envelope.
 *
 * @param id stable id: lowercase letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter
 * @param version the plugin's semantic version ({@link Version#parse})
 * @param description one line for people
 * @param spi the spi versions the plugin was built for, e.g. {@code [0.1,0.2)}
 * @param dependencies plugins it needs (or can use), each with a version range
 */
public record PluginDescriptor(String id, String version, String description, VersionRange spi, List<PluginDependency> dependencies) {
    public PluginDescriptor {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(description, "description is null");
        requireNonNull(spi, "spi is null");
        dependencies = List.copyOf(requireNonNull(dependencies, "dependencies is null"));
        requireId(id, "plugin id");
        try {
            Version.parse(version);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Plugin '" + id + "' has the version '" + version + "'; use MAJOR.MINOR.PATCH, e.g. 1.4.0.");
        }
        Set<String> seen = new HashSet<>();
        for (PluginDependency dependency : dependencies) {
            if (dependency.id().equals(id)) {
                throw new IllegalArgumentException("Plugin '" + id + "' depends on itself.");
            }
            if (!seen.add(dependency.id())) {
                throw new IllegalArgumentException("Plugin '" + id + "' lists the dependency '" + dependency.id() + "' more than once.");
            }
        }
    }

    /**
     * A descriptor with required dependencies in any version, for the spi it was built with
     * ({@link VersionRange#compatibleWith} the running one): what in-tree plugins, built in the same
     * reactor as the spi, declare. A plugin built elsewhere states its ranges with {@link #withSpi}
     * and {@link #withDependencies}.
     */
    public PluginDescriptor(String id, String version, String description, List<String> dependsOn) {
        this(id, version, description, VersionRange.compatibleWith(SpiVersion.CURRENT), anyVersion(dependsOn));
    }

    /** A descriptor without dependencies; see {@link #PluginDescriptor(String, String, String, List)}. */
    public static PluginDescriptor of(String id, String version, String description) {
        return new PluginDescriptor(id, version, description, List.of());
    }

    /** This descriptor for the spi versions {@code range}, e.g. {@code [0.1,0.2)}. */
    public PluginDescriptor withSpi(String range) {
        return new PluginDescriptor(id, version, description, VersionRange.parse(range), dependencies);
    }

    /** This descriptor with exactly {@code needed} as dependencies. */
    public PluginDescriptor withDependencies(PluginDependency... needed) {
        return new PluginDescriptor(id, version, description, spi, List.of(needed));
    }

    /** The parsed {@link #version()}. */
    public Version semver() {
        return Version.parse(version);
    }

    /** Ids of all dependencies, required and optional, in declaration order. */
    public List<String> dependsOn() {
        return dependencies.stream().map(PluginDependency::id).toList();
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

    private static List<PluginDependency> anyVersion(List<String> dependsOn) {
        requireNonNull(dependsOn, "dependsOn is null");
        List<PluginDependency> dependencies = new ArrayList<>();
        for (String dependency : dependsOn) {
            requireNonNull(dependency, "dependency id is null");
            dependencies.add(new PluginDependency(dependency, VersionRange.atLeast(Version.of(0, 0, 0)), false));
        }
        return dependencies;
    }

    private static void requireId(String id, String what) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("The " + what + " '" + id + "' must start with a lowercase letter and use only a-z, 0-9, '.', '_' and '-'.");
        }
    }
}
