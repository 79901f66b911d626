package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDependency;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.version.SpiVersion;
import io.codeanatomy.spi.version.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds plugins with {@link ServiceLoader}, checks their descriptors against the running spi and
 * each other, and puts them in the one order every session uses: each plugin after the plugins it
 * depends on, ties broken by id. That order decides which provider wins
 * a format and the order contributions are registered in, so it must not depend on the classpath
 * order.
 */
public final class PluginDiscovery {
    private PluginDiscovery() {
    }

    /**
     * The plugins on {@code loader}'s service path, ordered.
     *
     * @throws PluginException if a plugin cannot be instantiated or the set is refused by {@link #order(Collection, Version)}
     */
    public static List<Plugin> discover(ClassLoader loader) {
        requireNonNull(loader, "loader is null");
        List<Plugin> found = new ArrayList<>();
        try {
            for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
                found.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginException("a plugin listed in META-INF/services/" + Plugin.class.getName()
                    + " could not be loaded: " + e.getMessage(), e);
        }
        return order(found);
    }

    /** {@code plugins} in dependency order, ties broken by id, checked against the running spi; see {@link #order(Collection, Version)}. */
    public static List<Plugin> order(Collection<? extends Plugin> plugins) {
        return order(plugins, SpiVersion.CURRENT);
    }

    /**
     * {@code plugins} in dependency order, ties broken by id, after checking each descriptor: the
     * {@code spi} version is in the plugin's range, and every required dependency is present in its
     * range (an optional one, if present). A refusal is one sentence naming both sides.
     *
     * @throws PluginException if two plugins share an id, a plugin needs another spi, a dependency is
     *     missing or out of range, or dependencies form a cycle
     */
    public static List<Plugin> order(Collection<? extends Plugin> plugins, Version spi) {
        requireNonNull(plugins, "plugins is null");
        requireNonNull(spi, "spi is null");
        Map<String, Plugin> byId = new TreeMap<>();
        for (Plugin plugin : plugins) {
            PluginDescriptor descriptor = descriptor(plugin);
            Plugin previous = byId.putIfAbsent(descriptor.id(), plugin);
            if (previous != null) {
                throw new PluginException("two plugins have the id '" + descriptor.id() + "': "
                        + previous.getClass().getName() + " and " + plugin.getClass().getName() + "; remove one of them");
            }
        }
        // Edges only to the dependencies that are present: a missing optional one does not order anything.
        Map<String, List<String>> edges = new TreeMap<>();
        for (Plugin plugin : byId.values()) {
            PluginDescriptor descriptor = plugin.descriptor();
            if (!descriptor.spi().contains(spi)) {
                throw new PluginException("plugin '" + descriptor.coordinate() + "' needs spi " + descriptor.spi()
                        + " but this runtime provides spi " + spi + "; use a version of the plugin built for spi " + spi + ".");
            }
            List<String> present = new ArrayList<>();
            for (PluginDependency dependency : descriptor.dependencies()) {
                Plugin needed = byId.get(dependency.id());
                if (needed == null) {
                    if (!dependency.optional()) {
                        throw new PluginException("plugin '" + descriptor.coordinate() + "' needs plugin '" + dependency.id() + "' "
                                + dependency.versions() + ", which is not installed; add it or remove '" + descriptor.id() + "'.");
                    }
                    continue;
                }
                Version found = needed.descriptor().semver();
                if (!dependency.versions().contains(found)) {
                    throw new PluginException("plugin '" + descriptor.coordinate() + "' needs plugin '" + dependency.id() + "' "
                            + dependency.versions() + " but '" + needed.descriptor().coordinate() + "' is installed; install a version in range.");
                }
                present.add(dependency.id());
            }
            edges.put(descriptor.id(), present);
        }
        // Kahn's algorithm, always taking the smallest ready id.
        Map<String, Integer> pending = new TreeMap<>();
        edges.forEach((id, needed) -> pending.put(id, needed.size()));
        TreeSet<String> ready = new TreeSet<>();
        pending.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<Plugin> ordered = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            String id = ready.pollFirst();
            ordered.add(byId.get(id));
            pending.remove(id);
            edges.forEach((dependent, needed) -> {
                if (pending.containsKey(dependent) && needed.contains(id)) {
                    int left = pending.merge(dependent, -1, Integer::sum);
                    if (left == 0) {
                        ready.add(dependent);
                    }
                }
            });
        }
        if (!pending.isEmpty()) {
            throw new PluginException("plugins " + pending.keySet() + " depend on each other in a cycle: " + cycle(edges, pending)
                    + "; remove one of these dependencies.");
        }
        return List.copyOf(ordered);
    }

    private static PluginDescriptor descriptor(Plugin plugin) {
        PluginDescriptor descriptor;
        try {
            descriptor = plugin.descriptor();
        } catch (RuntimeException e) {
            throw new PluginException("plugin " + plugin.getClass().getName() + " failed to describe itself: " + e.getMessage(), e);
        }
        if (descriptor == null) {
            throw new PluginException("plugin " + plugin.getClass().getName() + " returned no descriptor");
        }
        return descriptor;
    }

    /** One cycle among the unplaced plugins, as {@code a -> b -> a}. */
    private static String cycle(Map<String, List<String>> edges, Map<String, Integer> unplaced) {
        String start = unplaced.keySet().iterator().next();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = edges.get(current).stream()
                    .filter(unplaced::containsKey)
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        loop.add(current);
        return String.join(" -> ", loop);
    }
}
