package io.codeanatomy.runtime.plugin;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plugins loaded from a directory ({@code --plugins DIR}), each in its own {@link PluginClassLoader}:
 * every {@code *.jar} directly in the directory is one plugin, and every sub-directory is one plugin
 * made of the jars in it. Entries are taken in name order. Close it to release the loaders; the
 * plugins must not be used after that.
 */
public final class PluginDirectory implements AutoCloseable {
    private final Path directory;
    private final List<Plugin> plugins;
    private final List<PluginClassLoader> loaders;

    private PluginDirectory(Path directory, List<Plugin> plugins, List<PluginClassLoader> loaders) {
        this.directory = directory;
        this.plugins = List.copyOf(plugins);
        this.loaders = List.copyOf(loaders);
    }

    /**
     * Loads the plugins below {@code directory}, with {@code host} as the loader of the shared
     * packages and of classes a plugin does not bundle.
     *
     * @throws PluginException naming the directory or entry when it is unusable or holds no plugin
     */
    public static PluginDirectory load(Path directory, ClassLoader host) {
        requireNonNull(directory, "directory is null");
        requireNonNull(host, "host is null");
        if (!Files.isDirectory(directory)) {
            throw new PluginException("the plugin directory " + directory + " does not exist or is not a directory; pass a directory of plugin jars.");
        }
        Map<String, List<URL>> entries = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path entry : listing.toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    entries.put(name, jarsIn(entry));
                } else if (name.endsWith(".jar")) {
                    entries.put(name.substring(0, name.length() - ".jar".length()), List.of(url(entry)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A plugin's loader falls back to its dependencies' loaders, known only from the descriptors:
        // read them with throwaway loaders first, then build the real loaders dependencies first.
        Map<String, String> entryOfPlugin = new TreeMap<>();
        Map<String, List<String>> needs = new TreeMap<>();
        for (Map.Entry<String, List<URL>> entry : entries.entrySet()) {
            try (PluginClassLoader probe = new PluginClassLoader("plugin " + entry.getKey(), entry.getValue(), host, List.of())) {
                PluginDescriptor descriptor = only(entry.getKey(), directory, probe).descriptor();
                entryOfPlugin.put(descriptor.id(), entry.getKey());
                needs.put(entry.getKey(), descriptor.dependsOn());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, PluginClassLoader> loaderOfEntry = new TreeMap<>();
        for (String entry : entries.keySet()) {
            loaderFor(entry, entries, needs, entryOfPlugin, loaderOfEntry, host, new ArrayList<>());
        }
        List<Plugin> plugins = new ArrayList<>();
        for (String entry : entries.keySet()) {
            plugins.add(only(entry, directory, loaderOfEntry.get(entry)));
        }
        List<PluginClassLoader> loaders = List.copyOf(loaderOfEntry.values());
        return new PluginDirectory(directory, plugins, loaders);
    }

    /** The loader of {@code entry}, made after its dependencies' loaders; a cycle is cut here and reported by the session. */
    private static PluginClassLoader loaderFor(String entry, Map<String, List<URL>> entries, Map<String, List<String>> needs,
            Map<String, String> entryOfPlugin, Map<String, PluginClassLoader> made, ClassLoader host, List<String> visiting) {
        PluginClassLoader known = made.get(entry);
        if (known != null || visiting.contains(entry)) {
            return known;
        }
        visiting.add(entry);
        List<ClassLoader> dependencies = new ArrayList<>();
        for (String dependency : needs.get(entry)) {
            String dependencyEntry = entryOfPlugin.get(dependency);
            if (dependencyEntry != null) {
                PluginClassLoader loader = loaderFor(dependencyEntry, entries, needs, entryOfPlugin, made, host, visiting);
                if (loader != null) {
                    dependencies.add(loader);
                }
            }
        }
        PluginClassLoader loader = new PluginClassLoader("plugin " + entry, entries.get(entry), host, dependencies);
        made.put(entry, loader);
        return loader;
    }

    private static Plugin only(String entry, Path directory, ClassLoader loader) {
        List<Plugin> found = new ArrayList<>();
        try {
            ServiceLoader.load(Plugin.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new PluginException("the plugin '" + entry + "' in " + directory + " could not be loaded: " + e.getMessage(), e);
        }
        if (found.size() != 1) {
            throw new PluginException("the plugin '" + entry + "' in " + directory + " lists " + found.size()
                    + " plugins in META-INF/services/" + Plugin.class.getName() + "; each jar or folder must hold exactly one.");
        }
        return found.get(0);
    }

    private static List<URL> jarsIn(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            List<URL> jars = new ArrayList<>();
            for (Path jar : listing.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(url(jar));
            }
            return jars;
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot use " + jar + " as a plugin jar", e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The plugins, in entry name order (sessions order them by dependencies). */
    public List<Plugin> plugins() {
        return plugins;
    }

    /** Closes every plugin's loader; the loaders become collectable once nothing else holds their classes. */
    @Override
    public void close() {
        IOException failure = null;
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }
}
