package io.codeanatomy.runtime.embed;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.RunResult;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.runtime.builtin.CpgPart;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.exec.ArrowTypes;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.pipeline.BuildSelector;
import io.codeanatomy.runtime.pipeline.OutputTables;
import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.plugin.ContributedCpgPart;
import io.codeanatomy.runtime.plugin.PluginDirectory;
import io.codeanatomy.runtime.plugin.PluginDiscovery;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.spi.Plugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CodeAnatomy for a host application that does not use the command line. The configuration is
 * fixed when it is built; the plugin set is fixed per run: every call opens a session of its own
 * over the plugins present when it starts, so one instance may be used from several threads at
 * once, and plugin directories may be added and removed between runs without restarting the JVM.
 * Each change is checked like the initial set (a refused set leaves the plugins as they were). A
 * removed directory's class loaders are closed once the last run that started with it has ended
 * (a query runs until its {@link QueryResult} is closed), and are then collectable. Close the
 * instance to release the loaders of all its directories.
 *
 * <pre>{@code
 * try (CodeAnatomy codeAnatomy = CodeAnatomy.builder().pluginDirectory(Path.of("plugins")).build()) {
 *     RunResult result = codeAnatomy.build(Path.of("src"), Path.of("out"));
 *     try (QueryResult rows = codeAnatomy.query(Path.of("out"), "SELECT node_kind, COUNT(*) AS n FROM cpg_nodes GROUP BY node_kind")) {
 *         while (rows.reader().loadNextBatch()) { VectorSchemaRoot batch = rows.reader().getVectorSchemaRoot(); ... }
 *     }
 *     codeAnatomy.addPluginDirectory(Path.of("more-plugins"));     // the next runs use them too
 *     codeAnatomy.removePluginDirectory(Path.of("plugins"));       // and these no longer
 * }
 * }</pre>
 */
public final class CodeAnatomy implements AutoCloseable {
    private final SessionConfig config;
    /** The plugins of the class path and the host's own instances, present in every run. */
    private final List<Plugin> fixedPlugins;
    private final List<CpgPart> builtinParts;
    private final ClassLoader host;
    /** Guards {@link #current}, {@link #closed} and every {@link Mounted}'s counts. */
    private final Object lock = new Object();
    private PluginSet current;
    private boolean closed;

    private CodeAnatomy(SessionConfig config, List<Plugin> fixedPlugins, List<PluginDirectory> directories, List<CpgPart> builtinParts,
            ClassLoader host) {
        this.config = config;
        this.fixedPlugins = List.copyOf(fixedPlugins);
        this.builtinParts = List.copyOf(builtinParts);
        this.host = host;
        List<Mounted> mounted = new ArrayList<>();
        for (PluginDirectory directory : directories) {
            mounted.add(new Mounted(key(directory.directory()), directory));
        }
        this.current = pluginSet(mounted);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The spec the next build runs: the built-in CPG spec with the present plugins' CPG views. */
    public SemanticSpec spec() {
        synchronized (lock) {
            return current.spec();
        }
    }

    /**
     * The plugins the next run uses: the class path's, the host's instances, then each directory's,
     * in the order they were added. A plugin held by the host keeps its loader reachable after its
     * directory is removed.
     */
    public List<Plugin> plugins() {
        synchronized (lock) {
            return current.plugins();
        }
    }

    /** The plugin directories present, in the order they were added. */
    public List<Path> pluginDirectories() {
        synchronized (lock) {
            return current.directories().stream().map(m -> m.directory().directory()).toList();
        }
    }

    /**
     * Loads the plugins of {@code directory}, each in its own class loader, for the runs that start
     * from now on. Runs in flight keep the plugins they started with.
     *
     * @throws IllegalArgumentException if the directory is present already
     * @throws io.codeanatomy.runtime.plugin.PluginException if the directory is unusable or the plugin set with it is refused
     */
    public void addPluginDirectory(Path directory) {
        requireNonNull(directory, "directory is null");
        Path key = key(directory);
        // Loading reads jars: done outside the lock, and undone if the set is not taken.
        PluginDirectory loaded = PluginDirectory.load(directory, host);
        try {
            synchronized (lock) {
                requireOpen();
                if (current.find(key) != null) {
                    throw new IllegalArgumentException("the plugin directory " + directory
                            + " is present already; remove it first to load it again.");
                }
                List<Mounted> directories = new ArrayList<>(current.directories());
                directories.add(new Mounted(key, loaded));
                current = pluginSet(directories);
            }
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    /**
     * Removes {@code directory}'s plugins from the runs that start from now on; its class loaders
     * are closed when no run that started with them is left.
     *
     * @throws IllegalArgumentException if the directory is not present
     * @throws io.codeanatomy.runtime.plugin.PluginException if a remaining plugin requires one of its plugins
     */
    public void removePluginDirectory(Path directory) {
        requireNonNull(directory, "directory is null");
        Mounted removed;
        synchronized (lock) {
            requireOpen();
            removed = current.find(key(directory));
            if (removed == null) {
                throw new IllegalArgumentException("the plugin directory " + directory + " is not present; present are " + pluginDirectories() + ".");
            }
            List<Mounted> directories = new ArrayList<>(current.directories());
            directories.remove(removed);
            current = pluginSet(directories);
            removed.removed = true;
            if (removed.runs > 0) {
                return;
            }
        }
        removed.directory().close();
    }

    /**
     * Builds the CPG of {@code source} into {@code out}, as {@code codeanatomy build} does.
     *
     * @throws io.codeanatomy.runtime.pipeline.InvalidInputException if the source or output is unusable
     * @throws io.codeanatomy.runtime.pipeline.BuildFailedException if the run failed after it started writing
     */
    public RunResult build(Path source, Path out) {
        PluginSet plugins = start();
        try {
            return new BuildPipeline(config, c -> Session.open(c, plugins.plugins()), plugins.spec()).run(source, out, BuildListener.NONE).result();
        } finally {
            finish(plugins);
        }
    }

    /**
     * Runs {@code sql} over the tables of the output directory {@code out}. The rows come as Arrow
     * batches from {@link QueryResult#reader()}, an {@link org.apache.arrow.vector.ipc.ArrowReader}
     * that a host can also hand to Arrow's C Data stream export. Close the result: the query's
     * plugins stay loaded until then.
     *
     * @throws io.codeanatomy.runtime.compile.InvalidQueryException if the query does not parse or validate
     */
    public QueryResult query(Path out, String sql) {
        return query(out, BuildSelector.LATEST, sql);
    }

    /**
     * Same, over the build {@code build} selects (the latest, a build number, or a run id); every
     * table is read at the version that build's manifest names.
     */
    public QueryResult query(Path out, BuildSelector build, String sql) {
        requireNonNull(build, "build is null");
        requireNonNull(out, "out is null");
        requireNonNull(sql, "sql is null");
        PluginSet plugins = start();
        Session session = null;
        try {
            session = Session.open(config, plugins.plugins());
            OutputTables.register(session, out, build);
            PlannedSql planned = session.planSql(sql);
            return new QueryResult(session, planned.columnNames(),
                    session.execute(planned.query(), ArrowTypes.schema(planned.query().physical().getRowType())), () -> finish(plugins));
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            finish(plugins);
            throw e;
        }
    }

    /** Closes the loaders of every directory present; those of runs still in flight when they end. Idempotent. */
    @Override
    public void close() {
        List<Mounted> idle = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Mounted mounted : current.directories()) {
                mounted.removed = true;
                if (mounted.runs == 0) {
                    idle.add(mounted);
                }
            }
        }
        idle.forEach(m -> m.directory().close());
    }

    /** The present plugin set, counted as in use by one more run until {@link #finish}. */
    private PluginSet start() {
        synchronized (lock) {
            requireOpen();
            current.directories().forEach(m -> m.runs++);
            return current;
        }
    }

    /** Ends a run that started with {@code plugins}: the removed directories it was the last user of are closed. */
    private void finish(PluginSet plugins) {
        List<Mounted> idle = new ArrayList<>();
        synchronized (lock) {
            for (Mounted mounted : plugins.directories()) {
                mounted.runs--;
                if (mounted.runs == 0 && mounted.removed) {
                    idle.add(mounted);
                }
            }
        }
        idle.forEach(m -> m.directory().close());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this CodeAnatomy is closed; build a new one.");
        }
    }

    /** The fixed plugins with those of {@code directories}, checked, and the spec with their CPG views. */
    private PluginSet pluginSet(List<Mounted> directories) {
        List<Plugin> plugins = new ArrayList<>(fixedPlugins);
        directories.forEach(m -> plugins.addAll(m.directory().plugins()));
        SemanticSpec spec = ContributedCpgPart.cpgSpec(builtinParts, Session.prepare(config, plugins).catalog());
        return new PluginSet(List.copyOf(plugins), spec, List.copyOf(directories));
    }

    /** Directories are the same when their absolute, normalized paths are. */
    private static Path key(Path directory) {
        return directory.toAbsolutePath().normalize();
    }

    /** What one run uses: immutable, replaced whole when a directory is added or removed. */
    private record PluginSet(List<Plugin> plugins, SemanticSpec spec, List<Mounted> directories) {
        Mounted find(Path key) {
            return directories.stream().filter(m -> m.key().equals(key)).findFirst().orElse(null);
        }
    }

    /** A loaded directory, with the count of runs in flight that started with it (guarded by the instance's lock). */
    private static final class Mounted {
        private final Path key;
        private final PluginDirectory directory;
        private int runs;
        private boolean removed;

        Mounted(Path key, PluginDirectory directory) {
            this.key = key;
            this.directory = directory;
        }

        Path key() {
            return key;
        }

        PluginDirectory directory() {
            return directory;
        }
    }

    /** How the plugins and configuration are chosen; every method returns this builder. */
    public static final class Builder {
        private SessionConfig config = SessionConfig.defaults();
        private boolean classPath = true;
        private final List<Plugin> plugins = new ArrayList<>();
        private final List<Path> pluginDirectories = new ArrayList<>();
        private List<CpgPart> builtinParts = CpgSpec.parts();

        private Builder() {
        }

        public Builder config(SessionConfig value) {
            this.config = requireNonNull(value, "config is null");
            return this;
        }

        /** Whether to load the plugins {@link java.util.ServiceLoader} finds on the host's class path (default: yes). */
        public Builder classPathPlugins(boolean value) {
            this.classPath = value;
            return this;
        }

        /** Plugin instances the host made itself. */
        public Builder plugins(List<? extends Plugin> value) {
            plugins.addAll(requireNonNull(value, "plugins is null"));
            return this;
        }

        /** The built-in parts of the CPG to build (default: all of {@link CpgSpec#parts()}), e.g. only the node parts. */
        public Builder builtinParts(List<? extends CpgPart> value) {
            builtinParts = List.copyOf(requireNonNull(value, "value is null"));
            return this;
        }

        /** A directory of plugin jars, each loaded in its own class loader; removable later like one added later. */
        public Builder pluginDirectory(Path directory) {
            pluginDirectories.add(requireNonNull(directory, "directory is null"));
            return this;
        }

        /**
         * @throws io.codeanatomy.runtime.plugin.PluginException if the plugin set is refused
         * @throws IllegalArgumentException if a setting is unknown or of the wrong type, or a directory is given twice
         */
        public CodeAnatomy build() {
            List<Plugin> fixed = new ArrayList<>(plugins);
            ClassLoader host = CodeAnatomy.class.getClassLoader();
            if (classPath) {
                fixed.addAll(PluginDiscovery.discover(host));
            }
            List<PluginDirectory> directories = new ArrayList<>();
            try {
                List<Path> keys = new ArrayList<>();
                for (Path directory : pluginDirectories) {
                    if (keys.contains(key(directory))) {
                        throw new IllegalArgumentException("the plugin directory " + directory + " is given twice.");
                    }
                    keys.add(key(directory));
                    directories.add(PluginDirectory.load(directory, host));
                }
                return new CodeAnatomy(config, fixed, directories, builtinParts, host);
            } catch (RuntimeException e) {
                directories.forEach(PluginDirectory::close);
                throw e;
            }
        }
    }
}
