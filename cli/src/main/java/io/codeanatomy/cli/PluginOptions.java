package io.codeanatomy.cli;

import io.codeanatomy.runtime.plugin.PluginDirectory;
import io.codeanatomy.runtime.plugin.PluginDiscovery;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.spi.Plugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose a run's plugins: a plugin directory, and what to leave out. */
final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Also load the plugins in DIR, each *.jar or sub-folder of jars in its own class loader.")
    Path directory;

    @Option(names = "--disable-plugin", paramLabel = "ID", description = "Leave out an installed plugin by its id (repeatable).")
    List<String> disabledPlugins = new ArrayList<>();

    @Option(names = "--disable-contribution", paramLabel = "PLUGIN:NAME",
            description = "Leave out one contribution by its id, as `plugins` lists it (repeatable).")
    List<String> disabledContributions = new ArrayList<>();

    /** {@code config} without the plugins and contributions these options leave out. */
    SessionConfig apply(SessionConfig config) {
        return config.withDisabledPlugins(new HashSet<>(disabledPlugins)).withDisabledContributions(new HashSet<>(disabledContributions));
    }

    /**
     * The plugins on the class path and, with {@code --plugins}, those in the directory; close the
     * result when the run is over, to release the directory's class loaders.
     */
    Loaded load() {
        try {
            List<Plugin> plugins = new ArrayList<>(PluginDiscovery.discover(PluginOptions.class.getClassLoader()));
            PluginDirectory loaded = directory == null ? null : PluginDirectory.load(directory, PluginOptions.class.getClassLoader());
            if (loaded != null) {
                plugins.addAll(loaded.plugins());
            }
            return new Loaded(List.copyOf(plugins), loaded);
        } catch (PluginException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    /** Plugins found, and the directory whose loaders to release. */
    record Loaded(List<Plugin> plugins, PluginDirectory directory) implements AutoCloseable {
        @Override
        public void close() {
            if (directory != null) {
                directory.close();
            }
        }
    }
}
