package io.codeanatomy.runtime.embed;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.RunResult;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.runtime.builtin.CpgPart;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.exec.ArrowTypes;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
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
 * CodeAnatomy for a host application that does not use the command line: the plugins and the
 * configuration are fixed when it is built (and checked then, so a bad plugin set fails at
 * start), and every call opens a session of its own, so one instance may be used from several
 * threads at once. Close it to release the class loaders of the plugin directories.
 *
 * <pre>{@code
 * try (CodeAnatomy codeAnatomy = CodeAnatomy.builder().pluginDirectory(Path.of("plugins")).build()) {
 *     RunResult result = codeAnatomy.build(Path.of("src"), Path.of("out"));
 *     try (QueryResult rows = codeAnatomy.query(Path.of("out"), "SELECT node_kind, COUNT(*) AS n FROM cpg_nodes GROUP BY node_kind")) {
 *         while (rows.reader().loadNextBatch()) { VectorSchemaRoot batch = rows.reader().getVectorSchemaRoot(); ... }
 *     }
 * }
 * }</pre>
 */
public final class CodeAnatomy implements AutoCloseable {
    private final SessionConfig config;
    private final List<Plugin> plugins;
    private final List<PluginDirectory> directories;
    private final SemanticSpec spec;

    private CodeAnatomy(SessionConfig config, List<Plugin> plugins, List<PluginDirectory> directories, List<CpgPart> builtinParts) {
        this.config = config;
        this.plugins = List.copyOf(plugins);
        this.directories = List.copyOf(directories);
        // Checks the plugin set and settings now, and fixes the spec with the plugins' CPG views.
        this.spec = ContributedCpgPart.cpgSpec(builtinParts, Session.prepare(config, this.plugins).catalog());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The spec builds run: the built-in CPG spec with the plugins' CPG views. */
    public SemanticSpec spec() {
        return spec;
    }

    /**
     * Builds the CPG of {@code source} into {@code out}, as {@code codeanatomy build} does.
     *
     * @throws io.codeanatomy.runtime.pipeline.InvalidInputException if the source or output is unusable
     * @throws io.codeanatomy.runtime.pipeline.BuildFailedException if the run failed after it started writing
     */
    public RunResult build(Path source, Path out) {
        return new BuildPipeline(config, c -> Session.open(c, plugins), spec).run(source, out, BuildListener.NONE).result();
    }

    /**
     * Runs {@code sql} over the tables of the output directory {@code out}. The rows come as Arrow
     * batches from {@link QueryResult#reader()}, an {@link org.apache.arrow.vector.ipc.ArrowReader}
     * that a host can also hand to Arrow's C Data stream export. Close the result.
     *
     * @throws io.codeanatomy.runtime.compile.InvalidQueryException if the query does not parse or validate
     */
    public QueryResult query(Path out, String sql) {
        requireNonNull(out, "out is null");
        requireNonNull(sql, "sql is null");
        Session session = Session.open(config, plugins);
        try {
            OutputTables.register(session, out);
            PlannedSql planned = session.planSql(sql);
            return new QueryResult(session, planned.columnNames(),
                    session.execute(planned.query(), ArrowTypes.schema(planned.query().physical().getRowType())));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public void close() {
        directories.forEach(PluginDirectory::close);
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

        /** A directory of plugin jars, each loaded in its own class loader. */
        /** The built-in parts of the CPG to build (default: all of {@link CpgSpec#parts()}), e.g. only the node parts. */
        public Builder builtinParts(List<? extends CpgPart> value) {
            builtinParts = List.copyOf(requireNonNull(value, "value is null"));
            return this;
        }

        public Builder pluginDirectory(Path directory) {
            pluginDirectories.add(requireNonNull(directory, "directory is null"));
            return this;
        }

        /**
         * @throws io.codeanatomy.runtime.plugin.PluginException if the plugin set is refused
         * @throws IllegalArgumentException if a setting is unknown or of the wrong type
         */
        public CodeAnatomy build() {
            List<Plugin> all = new ArrayList<>(plugins);
            ClassLoader host = CodeAnatomy.class.getClassLoader();
            if (classPath) {
                all.addAll(PluginDiscovery.discover(host));
            }
            List<PluginDirectory> directories = new ArrayList<>();
            try {
                for (Path directory : pluginDirectories) {
                    PluginDirectory loaded = PluginDirectory.load(directory, host);
                    directories.add(loaded);
                    all.addAll(loaded.plugins());
                }
                return new CodeAnatomy(config, all, directories, builtinParts);
            } catch (RuntimeException e) {
                directories.forEach(PluginDirectory::close);
                throw e;
            }
        }
    }
}
