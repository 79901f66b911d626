package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.config.ConfigKey;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A plugin as people see it ({@code codeanatomy plugins}): who it is, what it needs, the extension
 * points it declares, its contributions by point and its config keys.
 *
 * @param id plugin id
 * @param version plugin version
 * @param description one line
 * @param spi the spi range it supports
 * @param dependencies each as {@code id range}, with {@code (optional)} where so
 * @param points ids of the extension points it declares
 * @param contributions point id to the ids of its contributions there, in the point's order
 * @param configKeys the settings it accepts
 */
public record PluginSummary(String id, String version, String description, String spi, List<String> dependencies, List<String> points,
        SortedMap<String, List<String>> contributions, List<ConfigKey> configKeys) {
    public PluginSummary {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(description, "description is null");
        requireNonNull(spi, "spi is null");
        dependencies = List.copyOf(requireNonNull(dependencies, "dependencies is null"));
        points = List.copyOf(requireNonNull(points, "points is null"));
        TreeMap<String, List<String>> copy = new TreeMap<>();
        requireNonNull(contributions, "contributions is null").forEach((point, ids) -> copy.put(point, List.copyOf(ids)));
        contributions = Collections.unmodifiableSortedMap(copy);
        configKeys = List.copyOf(requireNonNull(configKeys, "configKeys is null"));
    }
}
