package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDependency;
import io.codeanatomy.spi.config.PluginConfig;
import io.codeanatomy.spi.extract.Extractor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plugin set of one run, ready for a session: the disabled plugins left out, the rest checked and
 * ordered ({@link PluginDiscovery#order}), configured with their settings, and catalogued without the
 * disabled contributions.
 *
 * <p>Settings and extractor options share one form, {@code <owner>.<name>=<value>}: an option whose
 * owner is a loaded plugin that declares config keys (or that no extractor claims) is that plugin's
 * setting, checked strictly against its keys; the rest are left for the extractors
 * ({@link Extractor#withOptions}), which refuse an owner that is no installed extractor.
 *
 * @param catalog the contributions
 * @param extractorOptions the options left for the extractors
 * @param settings every declared key of every plugin as {@code <plugin id>.<key>}, with the value used (defaults included)
 */
public record PreparedPlugins(PluginCatalog catalog, SortedMap<String, String> extractorOptions, SortedMap<String, String> settings) {
    public PreparedPlugins {
        requireNonNull(catalog, "catalog is null");
        extractorOptions = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(extractorOptions, "extractorOptions is null")));
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(settings, "settings is null")));
    }

    /**
     * Prepares {@code found} for a run.
     *
     * @param disabledPlugins plugin ids to leave out; an id that is not installed, or one another plugin requires, is an error
     * @param disabledContributions contribution ids to leave out ({@link PluginCatalog#of(List, Set)})
     * @param options settings and extractor options, {@code <owner>.<name>} to value
     * @throws PluginException when the set is refused
     * @throws IllegalArgumentException naming the option when a setting is unknown or of the wrong type
     */
    public static PreparedPlugins prepare(Collection<? extends Plugin> found, Set<String> disabledPlugins, Set<String> disabledContributions,
            SortedMap<String, String> options) {
        requireNonNull(found, "found is null");
        requireNonNull(disabledPlugins, "disabledPlugins is null");
        requireNonNull(disabledContributions, "disabledContributions is null");
        requireNonNull(options, "options is null");
        List<Plugin> kept = new ArrayList<>();
        Set<String> installed = new TreeSet<>();
        for (Plugin plugin : found) {
            installed.add(plugin.descriptor().id());
            if (!disabledPlugins.contains(plugin.descriptor().id())) {
                kept.add(plugin);
            }
        }
        for (String id : new TreeSet<>(disabledPlugins)) {
            if (!installed.contains(id)) {
                throw new PluginException("--disable-plugin " + id + " names no installed plugin; installed: " + String.join(", ", installed) + ".");
            }
        }
        for (Plugin plugin : kept) {
            for (PluginDependency dependency : plugin.descriptor().dependencies()) {
                if (!dependency.optional() && disabledPlugins.contains(dependency.id())) {
                    throw new PluginException("plugin '" + plugin.descriptor().id() + "' needs plugin '" + dependency.id()
                            + "', which this run disables; disable '" + plugin.descriptor().id() + "' too.");
                }
            }
        }
        List<Plugin> ordered = PluginDiscovery.order(kept);
        Set<String> extractorIds = new TreeSet<>();
        ordered.forEach(p -> p.extractors().forEach(e -> extractorIds.add(e.id())));
        Map<String, SortedMap<String, String>> given = new TreeMap<>();
        SortedMap<String, String> extractorOptions = new TreeMap<>();
        options.forEach((name, value) -> {
            Plugin owner = owner(ordered, name, extractorIds);
            if (owner == null) {
                extractorOptions.put(name, value);
            } else {
                String id = owner.descriptor().id();
                given.computeIfAbsent(id, k -> new TreeMap<>()).put(name.substring(id.length() + 1), value);
            }
        });
        List<Plugin> configured = new ArrayList<>();
        SortedMap<String, String> settings = new TreeMap<>();
        for (Plugin plugin : ordered) {
            String id = plugin.descriptor().id();
            SortedMap<String, String> mine = given.getOrDefault(id, new TreeMap<>());
            if (plugin.configKeys().isEmpty() && mine.isEmpty()) {
                configured.add(plugin);
                continue;
            }
            PluginConfig config = PluginConfig.resolve(id, plugin.configKeys(), mine);
            config.values().forEach((key, value) -> settings.put(id + "." + key, value));
            Plugin withConfig = plugin.configure(config);
            if (withConfig == null || !withConfig.descriptor().equals(plugin.descriptor())) {
                throw new PluginException("plugin '" + id + "' returned a plugin with another descriptor from configure");
            }
            configured.add(withConfig);
        }
        return new PreparedPlugins(PluginCatalog.of(configured, disabledContributions), extractorOptions, settings);
    }

    /** The plugin whose setting {@code option} is, or null for an extractor option; the longest matching id wins. */
    private static Plugin owner(List<Plugin> plugins, String option, Set<String> extractorIds) {
        Plugin owner = null;
        for (Plugin plugin : plugins) {
            String id = plugin.descriptor().id();
            boolean claims = option.startsWith(id + ".") && (!plugin.configKeys().isEmpty() || !extractorIds.contains(id));
            if (claims && (owner == null || id.length() > owner.descriptor().id().length())) {
                owner = plugin;
            }
        }
        return owner;
    }
}
