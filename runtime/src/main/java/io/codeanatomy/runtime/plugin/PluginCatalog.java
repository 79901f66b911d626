package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.plan.RulePhase;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDependency;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.cpg.CpgView;
import io.codeanatomy.spi.extension.Cardinality;
import io.codeanatomy.spi.extension.Extension;
import io.codeanatomy.spi.extension.ExtensionPoint;
import io.codeanatomy.spi.extension.ExtensionPoints;
import io.codeanatomy.spi.extension.ExtensionRegistry;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.function.AggregateFunctionContribution;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import io.codeanatomy.spi.rule.RuleContribution;
import io.codeanatomy.spi.table.TableProvider;
import io.codeanatomy.spi.write.Materializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the ordered plugins contribute, point by point. The runtime's points
 * ({@link ExtensionPoints}) and the points plugins declare are all handled alike: each contribution
 * has the id {@code pluginId:name}, must be an instance of its point's contract, and each point's
 * contributions are ordered by ranking (higher first), then id, so no class path order shows.
 *
 * <p>A name may appear once per point across all plugins (functions share one name space across
 * scalar and aggregate, rules one across phases), since that is how queries and runs refer to them;
 * a clash is a {@link PluginException} naming both plugins. Disabled contributions are left out
 * before the clash and cardinality checks, so disabling one side resolves a clash.
 */
public final class PluginCatalog implements ExtensionRegistry {
    private static final Comparator<Contribution> ORDER = Comparator.comparingInt(Contribution::ranking).reversed()
            .thenComparing(Contribution::id);

    private final List<Plugin> plugins;
    private final SortedMap<String, ExtensionPoint<?>> points;
    private final SortedMap<String, String> declarers;
    private final SortedMap<String, List<Contribution>> contributions;

    private PluginCatalog(List<Plugin> plugins, SortedMap<String, ExtensionPoint<?>> points, SortedMap<String, String> declarers,
            SortedMap<String, List<Contribution>> contributions) {
        this.plugins = List.copyOf(plugins);
        this.points = Collections.unmodifiableSortedMap(points);
        this.declarers = Collections.unmodifiableSortedMap(declarers);
        this.contributions = Collections.unmodifiableSortedMap(contributions);
    }

    /** @param plugins plugins in {@link PluginDiscovery#order} order */
    public static PluginCatalog of(List<Plugin> plugins) {
        return of(plugins, Set.of());
    }

    /**
     * The catalog of {@code plugins} without the contributions whose ids are in {@code disabled}.
     * Plugins that declare points are {@link Plugin#bind bound} to the contributions made to them
     * first; the catalog holds the bound plugins.
     *
     * @param plugins plugins in {@link PluginDiscovery#order} order
     * @param disabled contribution ids {@code pluginId:name} to leave out; an id no plugin contributes is an error
     */
    public static PluginCatalog of(List<Plugin> plugins, Set<String> disabled) {
        requireNonNull(plugins, "plugins is null");
        requireNonNull(disabled, "disabled is null");
        SortedMap<String, ExtensionPoint<?>> points = new TreeMap<>();
        SortedMap<String, String> declarers = new TreeMap<>();
        for (ExtensionPoint<?> point : ExtensionPoints.ALL) {
            points.put(point.id(), point);
            declarers.put(point.id(), ExtensionPoint.RUNTIME);
        }
        for (Plugin plugin : plugins) {
            String id = plugin.descriptor().id();
            for (ExtensionPoint<?> point : plugin.extensionPoints()) {
                if (!point.owner().equals(id)) {
                    throw new PluginException("plugin '" + id + "' declares the extension point '" + point.id()
                            + "'; the ids of its points must start with '" + id + ":'.");
                }
                String previous = declarers.putIfAbsent(point.id(), id);
                if (previous != null) {
                    throw new PluginException("plugin '" + id + "' declares the extension point '" + point.id() + "' twice.");
                }
                points.put(point.id(), point);
            }
        }
        Set<String> used = new TreeSet<>();
        // First the contributions to plugin-declared points, which their declarers are bound to.
        Gathered toPluginPoints = new Gathered(points, disabled, used);
        for (Plugin plugin : plugins) {
            for (Extension<?> extension : plugin.extensions()) {
                if (!ExtensionPoint.RUNTIME.equals(declarers.get(extension.point()))) {
                    toPluginPoints.add(plugin, extension.point(), extension.name(), extension.ranking(), extension.value());
                }
            }
        }
        PluginCatalog bindings = new PluginCatalog(plugins, points, declarers, toPluginPoints.finish());
        List<Plugin> bound = new ArrayList<>(plugins.size());
        for (Plugin plugin : plugins) {
            bound.add(plugin.extensionPoints().isEmpty() ? plugin : bind(plugin, bindings));
        }
        Gathered all = new Gathered(points, disabled, used);
        bound.forEach(all::collect);
        Set<String> unknown = new TreeSet<>(disabled);
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new PluginException("no plugin contributes '" + unknown.iterator().next()
                    + "' to disable; `codeanatomy plugins` lists the contribution ids.");
        }
        return new PluginCatalog(bound, points, declarers, all.finish());
    }

    private static Plugin bind(Plugin plugin, ExtensionRegistry registry) {
        Plugin bound = plugin.bind(registry);
        if (bound == null || !bound.descriptor().equals(plugin.descriptor())) {
            throw new PluginException("plugin '" + plugin.descriptor().id() + "' returned a plugin with another descriptor from bind");
        }
        return bound;
    }

    /** Contributions being gathered, checked as they come. */
    private static final class Gathered {
        private final Map<String, ExtensionPoint<?>> points;
        private final Set<String> disabled;
        private final Set<String> used;
        private final Map<String, List<Contribution>> byPoint = new HashMap<>();
        private final Map<String, Contribution> byName = new HashMap<>();

        Gathered(Map<String, ExtensionPoint<?>> points, Set<String> disabled, Set<String> used) {
            this.points = points;
            this.disabled = disabled;
            this.used = used;
        }

        void collect(Plugin plugin) {
            for (ScalarFunctionContribution function : plugin.scalarFunctions()) {
                add(plugin, ExtensionPoints.SCALAR_FUNCTIONS.id(), function.name(), 0, function);
            }
            for (AggregateFunctionContribution function : plugin.aggregateFunctions()) {
                add(plugin, ExtensionPoints.AGGREGATE_FUNCTIONS.id(), function.name(), 0, function);
            }
            for (RuleContribution rule : plugin.optimizerRules()) {
                add(plugin, ExtensionPoints.rules(rule.phase()).id(), rule.id(), 0, rule);
            }
            plugin.tableProviders().forEach(p -> add(plugin, ExtensionPoints.TABLE_PROVIDERS.id(), p.format(), 0, p));
            plugin.materializers().forEach(m -> add(plugin, ExtensionPoints.MATERIALIZERS.id(), m.format(), 0, m));
            plugin.extractors().forEach(e -> add(plugin, ExtensionPoints.EXTRACTORS.id(), e.id(), 0, e));
            for (Extension<?> extension : plugin.extensions()) {
                add(plugin, extension.point(), extension.name(), extension.ranking(), extension.value());
            }
        }

        void add(Plugin plugin, String pointId, String name, int ranking, Object value) {
            PluginDescriptor descriptor = plugin.descriptor();
            String id = descriptor.id() + ":" + name;
            ExtensionPoint<?> point = points.get(pointId);
            if (point == null) {
                String owner = pointId.substring(0, pointId.indexOf(':'));
                boolean optional = descriptor.dependencies().stream().anyMatch(d -> d.id().equals(owner) && d.optional());
                if (optional) {
                    // The point's plugin is an optional dependency that is not installed: nothing to extend.
                    return;
                }
                throw new PluginException("plugin '" + descriptor.id() + "' contributes '" + id + "' to the extension point '" + pointId
                        + "', which no loaded plugin declares; install '" + owner + "' or disable '" + descriptor.id() + "'.");
            }
            if (disabled.contains(id)) {
                used.add(id);
                return;
            }
            if (!point.contract().isInstance(value)) {
                throw new PluginException(LoaderDiagnostics.notAnInstance(id, value, point.contract(), pointId));
            }
            Contribution contribution = new Contribution(id, pointId, ranking, value, descriptor.coordinate());
            Contribution clash = byName.putIfAbsent(nameSpace(pointId) + " " + name, contribution);
            if (clash != null) {
                String other = clash.id().substring(0, clash.id().indexOf(':'));
                throw new PluginException(other.equals(descriptor.id())
                        ? "plugin '" + other + "' contributes '" + name + "' to " + pointId + " twice; give each contribution its own name."
                        : "plugins '" + other + "' and '" + descriptor.id() + "' both contribute '" + name + "' to " + pointId
                                + "; disable one with --disable-contribution " + clash.id() + " or " + id + ".");
            }
            List<Contribution> list = byPoint.computeIfAbsent(pointId, k -> new ArrayList<>());
            if (point.cardinality() == Cardinality.ONE && !list.isEmpty()) {
                throw new PluginException("the extension point '" + pointId + "' takes one contribution, but plugins '"
                        + list.get(0).plugin() + "' and '" + descriptor.coordinate() + "' both contribute; disable one with --disable-contribution "
                        + list.get(0).id() + " or " + id + ".");
            }
            list.add(contribution);
        }

        SortedMap<String, List<Contribution>> finish() {
            SortedMap<String, List<Contribution>> sorted = new TreeMap<>();
            byPoint.forEach((point, list) -> {
                List<Contribution> ordered = new ArrayList<>(list);
                ordered.sort(ORDER);
                sorted.put(point, List.copyOf(ordered));
            });
            return sorted;
        }

        /** Functions share one name space, as queries call them by name alone; so do rules, disabled by id alone. */
        private static String nameSpace(String pointId) {
            if (pointId.equals(ExtensionPoints.SCALAR_FUNCTIONS.id()) || pointId.equals(ExtensionPoints.AGGREGATE_FUNCTIONS.id())) {
                return "function";
            }
            if (pointId.equals(ExtensionPoints.LOGICAL_RULES.id()) || pointId.equals(ExtensionPoints.PHYSICAL_RULES.id())) {
                return "rule";
            }
            return pointId;
        }
    }

    /**
     * The values contributed to {@code point}, in its order.
     *
     * @throws IllegalArgumentException if no loaded plugin declares the point
     */
    @Override
    public <T> List<T> contributions(ExtensionPoint<T> point) {
        requireNonNull(point, "point is null");
        if (!points.containsKey(point.id())) {
            throw new IllegalArgumentException("no loaded plugin declares the extension point '" + point.id() + "'");
        }
        return contributionsTo(point.id()).stream().map(c -> point.contract().cast(c.value())).toList();
    }

    /** The contributions to the point {@code pointId}, in its order, with who made them. */
    public List<Contribution> contributionsTo(String pointId) {
        return contributions.getOrDefault(pointId, List.of());
    }

    /** Every declared point by id: the runtime's and the loaded plugins'. */
    public SortedMap<String, ExtensionPoint<?>> points() {
        return points;
    }

    /** The plugins, bound and in load order. */
    public List<Plugin> plugins() {
        return plugins;
    }

    public SortedMap<String, ScalarFunctionContribution> scalarFunctions() {
        return byName(ExtensionPoints.SCALAR_FUNCTIONS, ScalarFunctionContribution::name);
    }

    public SortedMap<String, AggregateFunctionContribution> aggregateFunctions() {
        return byName(ExtensionPoints.AGGREGATE_FUNCTIONS, AggregateFunctionContribution::name);
    }

    private <T> SortedMap<String, T> byName(ExtensionPoint<T> point, java.util.function.Function<T, String> name) {
        SortedMap<String, T> map = new TreeMap<>();
        contributions(point).forEach(value -> map.put(name.apply(value), value));
        return Collections.unmodifiableSortedMap(map);
    }

    /** Rules of the logical phase, then of the physical, each phase in its point's order. */
    public List<RuleContribution> rules() {
        List<RuleContribution> rules = new ArrayList<>();
        for (RulePhase phase : RulePhase.values()) {
            rules.addAll(contributions(ExtensionPoints.rules(phase)));
        }
        return List.copyOf(rules);
    }

    /** Providers by format, in the point's order (the first that can open a location wins). */
    public Map<String, TableProvider> tableProviders() {
        return inOrder(ExtensionPoints.TABLE_PROVIDERS, TableProvider::format);
    }

    public Map<String, Materializer> materializers() {
        return inOrder(ExtensionPoints.MATERIALIZERS, Materializer::format);
    }

    public Map<String, Extractor> extractors() {
        return inOrder(ExtensionPoints.EXTRACTORS, Extractor::id);
    }

    /** What plugins add to the built-in CPG spec, in the point's order. */
    public List<CpgView> cpgViews() {
        return contributions(ExtensionPoints.CPG_VIEWS);
    }

    private <T> Map<String, T> inOrder(ExtensionPoint<T> point, java.util.function.Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        contributions(point).forEach(value -> map.put(key.apply(value), value));
        return Collections.unmodifiableMap(map);
    }

    /** One summary per plugin, in plugin order. */
    public List<PluginSummary> summaries() {
        List<PluginSummary> summaries = new ArrayList<>();
        for (Plugin plugin : plugins) {
            PluginDescriptor descriptor = plugin.descriptor();
            SortedMap<String, List<String>> mine = new TreeMap<>();
            contributions.forEach((point, list) -> list.stream()
                    .filter(c -> c.id().startsWith(descriptor.id() + ":"))
                    .forEach(c -> mine.computeIfAbsent(point, k -> new ArrayList<>()).add(c.id())));
            summaries.add(new PluginSummary(descriptor.id(), descriptor.version(), descriptor.description(), descriptor.spi().toString(),
                    descriptor.dependencies().stream().map(PluginDependency::toString).toList(),
                    plugin.extensionPoints().stream().map(ExtensionPoint::id).toList(), mine, plugin.configKeys()));
        }
        return List.copyOf(summaries);
    }

    /**
     * Who contributed what, for the session envelope: {@code <point id>/<contribution id>} to the
     * contributing plugin's {@code id@version}, sorted.
     */
    public SortedMap<String, String> provenance() {
        SortedMap<String, String> record = new TreeMap<>();
        contributions.forEach((point, list) -> list.forEach(c -> record.put(point + "/" + c.id(), c.plugin())));
        return Collections.unmodifiableSortedMap(record);
    }

    /** {@code id@version} of every plugin, in plugin order. */
    public List<String> coordinates() {
        return plugins.stream().map(p -> p.descriptor().coordinate()).toList();
    }
}
