package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The plugin settings a session runs with, {@code <plugin id>.<key>} to value, defaults included;
 * they go into the envelope because they change what a run computes.
 *
 * @param values sorted by name
 */
record PluginSettings(SortedMap<String, String> values) {
    PluginSettings {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(values, "values is null")));
    }
}
