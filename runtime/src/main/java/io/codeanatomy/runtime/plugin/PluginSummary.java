package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A plugin as people see it: who it is and what it contributes, each contribution as a short
 * phrase such as {@code scalar function stable_hash_id} or {@code table provider delta}.
 */
public record PluginSummary(String id, String version, String description, List<String> dependsOn, List<String> contributions) {
    public PluginSummary {
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(description, "description is null");
        dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn is null"));
        contributions = List.copyOf(requireNonNull(contributions, "contributions is null"));
    }
}
