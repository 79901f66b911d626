package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds plugins with {@link ServiceLoader} and puts them in the one order every session uses: each
 * plugin after the plugins it depends on, ties broken by id. That order decides which provider wins
 * a format and the order contributions are registered in, so it must not depend on the classpath
 * order.
 */
public final class PluginDiscovery {
    private PluginDiscovery() {
    }

    /**
     * The plugins on {@code loader}'s service path, ordered.
     *
     * @throws PluginException if a plugin cannot be instantiated, two share an id, a dependency is
     *     missing, or dependencies form a cycle
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

    /** {@code plugins} in dependency order, ties broken by id; see {@link #discover}. */
    public static List<Plugin> order(Collection<? extends Plugin> plugins) {
        requireNonNull(plugins, "plugins is null");
        Map<String, Plugin> byId = new TreeMap<>();
        for (Plugin plugin : plugins) {
            PluginDescriptor descriptor = descriptor(plugin);
            Plugin previous = byId.putIfAbsent(descriptor.id(), plugin);
            if (previous != null) {
                throw new PluginException("two plugins have the id '" + descriptor.id() + "': "
                        + previous.getClass().getName() + " and " + plugin.getClass().getName() + "; remove one from the classpath");
            }
        }
        for (Plugin plugin : byId.values()) {
            PluginDescriptor descriptor = plugin.descriptor();
            for (String dependency : descriptor.dependsOn()) {
                if (!byId.containsKey(dependency)) {
                    throw new PluginException("plugin '" + descriptor.id() + "' depends on '" + dependency
                            + "', which is not on the classpath");
                }
            }
        }
        // Kahn's algorithm, always taking the smallest ready id.
        Map<String, Integer> pending = new TreeMap<>();
        byId.values().forEach(p -> pending.put(p.descriptor().id(), p.descriptor().dependsOn().size()));
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
            for (Plugin plugin : byId.values()) {
                String dependent = plugin.descriptor().id();
                if (pending.containsKey(dependent) && plugin.descriptor().dependsOn().contains(id)) {
                    int left = pending.merge(dependent, -1, Integer::sum);
                    if (left == 0) {
                        ready.add(dependent);
                    }
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new PluginException("plugins " + pending.keySet() + " depend on each other in a cycle: " + cycle(byId, pending));
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
    private static String cycle(Map<String, Plugin> byId, Map<String, Integer> unplaced) {
        String start = unplaced.keySet().iterator().next();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            current = byId.get(current).descriptor().dependsOn().stream()
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
