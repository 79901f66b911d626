package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.function.AggregateFunctionContribution;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import io.codeanatomy.spi.rule.RuleContribution;
import io.codeanatomy.spi.table.TableProvider;
import io.codeanatomy.spi.write.Materializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything the ordered plugins contribute, asked for once. Names must be unique across plugins
 * (functions, rule ids, formats, extractor ids); a clash is a {@link PluginException} naming both
 * plugins. Providers, materializers and extractors keep plugin order; functions are sorted by name.
 */
public final class PluginCatalog {
    private final List<Plugin> plugins;
    private final SortedMap<String, ScalarFunctionContribution> scalarFunctions = new TreeMap<>();
    private final SortedMap<String, AggregateFunctionContribution> aggregateFunctions = new TreeMap<>();
    private final List<RuleContribution> rules = new ArrayList<>();
    private final Map<String, TableProvider> tableProviders = new LinkedHashMap<>();
    private final Map<String, Materializer> materializers = new LinkedHashMap<>();
    private final Map<String, Extractor> extractors = new LinkedHashMap<>();
    private final List<PluginSummary> summaries = new ArrayList<>();

    private PluginCatalog(List<Plugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    /** @param plugins plugins in {@link PluginDiscovery#order} order */
    public static PluginCatalog of(List<Plugin> plugins) {
        requireNonNull(plugins, "plugins is null");
        PluginCatalog catalog = new PluginCatalog(plugins);
        Map<String, String> owners = new HashMap<>();
        for (Plugin plugin : plugins) {
            catalog.collect(plugin, owners);
        }
        return catalog;
    }

    private void collect(Plugin plugin, Map<String, String> owners) {
        PluginDescriptor descriptor = plugin.descriptor();
        String id = descriptor.id();
        List<String> contributions = new ArrayList<>();
        for (ScalarFunctionContribution function : plugin.scalarFunctions()) {
            claim(owners, "function " + function.name(), id);
            scalarFunctions.put(function.name(), function);
            contributions.add("scalar function " + function.name() + (function.deterministic() ? "" : " (non-deterministic)"));
        }
        for (AggregateFunctionContribution function : plugin.aggregateFunctions()) {
            claim(owners, "function " + function.name(), id);
            aggregateFunctions.put(function.name(), function);
            contributions.add("aggregate function " + function.name());
        }
        for (RuleContribution rule : plugin.optimizerRules()) {
            claim(owners, "optimizer rule " + rule.id(), id);
            rules.add(rule);
            contributions.add("optimizer rule " + rule.id() + " (" + rule.phase().name().toLowerCase(Locale.ROOT) + ")");
        }
        register(plugin.tableProviders(), TableProvider::format, tableProviders, "table provider", id, owners, contributions);
        register(plugin.materializers(), Materializer::format, materializers, "materializer", id, owners, contributions);
        register(plugin.extractors(), Extractor::id, extractors, "extractor", id, owners, contributions);
        summaries.add(new PluginSummary(id, descriptor.version(), descriptor.description(), descriptor.dependsOn(), contributions));
    }

    private static <T> void register(List<T> items, Function<T, String> name, Map<String, T> into, String what, String pluginId,
            Map<String, String> owners, List<String> contributions) {
        for (T item : items) {
            String key = name.apply(item);
            claim(owners, what + " " + key, pluginId);
            into.put(key, item);
            contributions.add(what + " " + key);
        }
    }

    private static void claim(Map<String, String> owners, String thing, String pluginId) {
        String previous = owners.putIfAbsent(thing, pluginId);
        if (previous != null) {
            throw new PluginException("plugins '" + previous + "' and '" + pluginId + "' both contribute the " + thing);
        }
    }

    public List<Plugin> plugins() {
        return plugins;
    }

    public SortedMap<String, ScalarFunctionContribution> scalarFunctions() {
        return Collections.unmodifiableSortedMap(scalarFunctions);
    }

    public SortedMap<String, AggregateFunctionContribution> aggregateFunctions() {
        return Collections.unmodifiableSortedMap(aggregateFunctions);
    }

    /** Rules in plugin order, then in each plugin's declaration order. */
    public List<RuleContribution> rules() {
        return Collections.unmodifiableList(rules);
    }

    public Map<String, TableProvider> tableProviders() {
        return Collections.unmodifiableMap(tableProviders);
    }

    public Map<String, Materializer> materializers() {
        return Collections.unmodifiableMap(materializers);
    }

    public Map<String, Extractor> extractors() {
        return Collections.unmodifiableMap(extractors);
    }

    /** One summary per plugin, in plugin order. */
    public List<PluginSummary> summaries() {
        return Collections.unmodifiableList(summaries);
    }

    /** {@code id@version} of every plugin, in plugin order. */
    public List<String> coordinates() {
        return plugins.stream().map(p -> p.descriptor().coordinate()).toList();
    }
}
