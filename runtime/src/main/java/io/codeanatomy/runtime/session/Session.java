package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.ProvisionException;
import io.codeanatomy.api.plan.PlanNodeKind;
import io.codeanatomy.api.result.RuleState;
import io.codeanatomy.api.result.SessionEnvelope;
import io.codeanatomy.api.result.TableRegistration;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.runtime.compile.CompiledDag;
import io.codeanatomy.runtime.compile.CompiledSpec;
import io.codeanatomy.runtime.compile.SpecCompiler;
import io.codeanatomy.runtime.compile.SqlCompiler;
import io.codeanatomy.runtime.exec.OperatorMetrics;
import io.codeanatomy.runtime.exec.PlanExecutor;
import io.codeanatomy.runtime.exec.RoutedBatches;
import io.codeanatomy.runtime.exec.RowBatchReader;
import io.codeanatomy.runtime.exec.SpoolMetrics;
import io.codeanatomy.runtime.exec.Spools;
import io.codeanatomy.runtime.function.FunctionRegistry;
import io.codeanatomy.runtime.plan.CanonicalStrings;
import io.codeanatomy.runtime.plan.PlannedDag;
import io.codeanatomy.runtime.plan.PlannedFragment;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.plan.PlanningCluster;
import io.codeanatomy.runtime.plan.QueryPlanner;
import io.codeanatomy.runtime.plugin.PluginCatalog;
import io.codeanatomy.runtime.plugin.PluginDiscovery;
import io.codeanatomy.runtime.plugin.PreparedPlugins;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.source.SourceWorkers;
import io.codeanatomy.spi.table.CountsScans;
import io.codeanatomy.spi.table.OpenedTable;
import io.codeanatomy.spi.table.ScanCounts;
import io.codeanatomy.spi.table.TableProvider;
import io.codeanatomy.spi.write.Materializer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.tools.RelBuilder;

/**
 * One run's engine: the discovered plugins, the Calcite schema with the registered tables and plugin
 * functions, the planner programs, the executor and the Arrow allocator. Built once per run by one
 * Guice injector; plans and tables never cross sessions. Not thread-safe: one run drives it.
 */
public final class Session implements AutoCloseable {
    private final SessionConfig config;
    private final PluginCatalog catalog;
    private final JavaTypeFactory typeFactory;
    private final CalciteSchema schema;
    private final FunctionRegistry functions;
    private final QueryPlanner planner;
    private final BufferAllocator allocator;
    private final PlanExecutor executor;
    private final ConfiguredExtractors extractors;
    private final PluginSettings settings;
    private final Map<String, TableRegistration> tables = new LinkedHashMap<>();
    /** The registered tables that count their scans, by name. */
    private final Map<String, CountsScans> counting = new LinkedHashMap<>();
    private Spools spools;

    @Inject
    Session(SessionConfig config, PluginCatalog catalog, ConfiguredExtractors extractors, PluginSettings settings, JavaTypeFactory typeFactory,
            CalciteSchema schema, FunctionRegistry functions, QueryPlanner planner, BufferAllocator allocator) {
        this.config = config;
        this.settings = settings;
        this.catalog = catalog;
        this.extractors = extractors;
        this.typeFactory = typeFactory;
        this.schema = schema;
        this.functions = functions;
        this.planner = planner;
        this.allocator = allocator;
        this.executor = new PlanExecutor(schema.plus(), typeFactory, System.currentTimeMillis());
    }

    /** A session over the plugins {@link java.util.ServiceLoader} finds on this class's loader. */
    public static Session open(SessionConfig config) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return open(config, PluginDiscovery.discover(loader != null ? loader : Session.class.getClassLoader()));
    }

    /** A session over exactly {@code plugins}, put in discovery order. */
    public static Session open(SessionConfig config, List<? extends Plugin> plugins) {
        requireNonNull(config, "config is null");
        // Plugins, settings and options are checked before the injector allocates anything.
        PreparedPlugins prepared = prepare(config, plugins);
        PluginCatalog catalog = prepared.catalog();
        ConfiguredExtractors extractors = ConfiguredExtractors.configure(catalog.extractors().values(), prepared.extractorOptions());
        try {
            return Guice.createInjector(new SessionModule(config, catalog, extractors, prepared.settings())).getInstance(Session.class);
        } catch (ProvisionException | CreationException e) {
            // Guice wraps what a provider throws; the cause carries the one-sentence message.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /**
     * The plugins a session with {@code config} would use, checked, configured and catalogued, without
     * opening one: what a host needs to know first, e.g. the CPG views plugins add to the spec.
     */
    public static PreparedPlugins prepare(SessionConfig config, List<? extends Plugin> plugins) {
        requireNonNull(config, "config is null");
        return PreparedPlugins.prepare(plugins, config.disabledPlugins(), config.disabledContributions(), config.extractorOptions());
    }

    public SessionConfig config() {
        return config;
    }

    public PluginCatalog plugins() {
        return catalog;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    public QueryPlanner planner() {
        return planner;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    public JavaTypeFactory typeFactory() {
        return typeFactory;
    }

    public CalciteSchema schema() {
        return schema;
    }

    /**
     * Opens the table at {@code location} with the first provider, in plugin order, that can, and
     * registers it under {@code name}.
     *
     * @param recordedPath the location as the envelope records it (relative to the output
     *     directory, so that equal runs in different places hash the same)
     * @throws IllegalArgumentException if the name is taken or no provider can open the location
     */
    public TableRegistration registerTable(String name, Path location, String recordedPath) {
        return registerTable(name, location, recordedPath, OptionalLong.empty());
    }

    /**
     * Same, at snapshot {@code version} of the table when present (the version a build manifest
     * names), else at its latest.
     */
    public TableRegistration registerTable(String name, Path location, String recordedPath, OptionalLong version) {
        return register(name, location, recordedPath, version, Optional.empty());
    }

    /**
     * Same, at snapshot {@code version} with only the data files {@code dataFiles} (as the table's
     * log names them): some groups of a table written in groups of source files.
     */
    public TableRegistration registerGroups(String name, Path location, String recordedPath, long version, SortedSet<String> dataFiles) {
        return register(name, location, recordedPath, OptionalLong.of(version), Optional.of(dataFiles));
    }

    private TableRegistration register(String name, Path location, String recordedPath, OptionalLong version,
            Optional<SortedSet<String>> dataFiles) {
        requireNonNull(version, "version is null");
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(recordedPath, "recordedPath is null");
        if (tables.containsKey(name)) {
            throw new IllegalArgumentException("a table named '" + name + "' is already registered in this session");
        }
        for (TableProvider provider : catalog.tableProviders().values()) {
            if (provider.canOpen(location)) {
                OpenedTable opened = dataFiles.isPresent() ? provider.open(location, version.getAsLong(), dataFiles.get())
                        : version.isPresent() ? provider.open(location, version.getAsLong()) : provider.open(location);
                schema.add(name, opened.table());
                if (opened.table() instanceof CountsScans counts) {
                    counting.put(name, counts);
                }
                TableRegistration registration = new TableRegistration(name, recordedPath, opened.version(), opened.schemaFingerprint());
                tables.put(name, registration);
                return registration;
            }
        }
        throw new IllegalArgumentException("no table provider can open " + location + " (providers: "
                + catalog.tableProviders().keySet() + ")");
    }

    /** What the scans of each registered table that counts them read and skipped, by table name; tables never scanned left out. */
    public SortedMap<String, ScanCounts> scanCounts() {
        SortedMap<String, ScanCounts> counts = new TreeMap<>();
        counting.forEach((name, table) -> {
            ScanCounts scanned = table.scanCounts();
            if (scanned.scans() > 0) {
                counts.put(name, scanned);
            }
        });
        return counts;
    }

    /** Registered tables in registration order. */
    public List<TableRegistration> tables() {
        return List.copyOf(tables.values());
    }

    /** A builder over the session schema on a fresh planning cluster. */
    public RelBuilder relBuilder() {
        return RelBuilder.proto(Contexts.empty()).create(PlanningCluster.create(typeFactory), catalogReader());
    }

    /** Resolves names exactly as registered: tables and functions are lowercase by convention. */
    public CalciteCatalogReader catalogReader() {
        return new CalciteCatalogReader(schema, List.of(), typeFactory, new CalciteConnectionConfigImpl(new Properties()));
    }

    public CompiledSpec compile(SemanticSpec spec) {
        return new SpecCompiler(functions).compile(spec, relBuilder());
    }

    public PlannedQuery plan(RelNode compiled) {
        return planner.plan(compiled);
    }

    /**
     * Compiles {@code spec} into one DAG whose shared views are spools of this session (see
     * {@link io.codeanatomy.runtime.compile.SharedViews}); replaces the spools of an earlier DAG.
     */
    public CompiledDag compileDag(SemanticSpec spec) {
        spools = new Spools(schema);
        return new SpecCompiler(functions).compileDag(spec, this::relBuilder, spools);
    }

    /**
     * Plans each fragment of the DAG: P0, P1, P2 and the rule trace per spool and per output. Up to
     * {@linkplain SessionConfig#workers() workers} fragments are planned at a time, each on its
     * own cluster ({@link #compileDag}); a plan depends on its fragment alone, so the plans are the
     * same whatever the number.
     */
    public PlannedDag planDag(CompiledDag compiled) {
        requireNonNull(compiled, "compiled is null");
        return new PlannedDag(SourceWorkers.map(compiled.fragments(), config.workers(), "plan", f -> {
            PlannedQuery query = planner.plan(f.root());
            // The bundle of the DAG asks for every step's hash: taken here, side by side.
            query.trace().planHashes();
            return new PlannedFragment(f.name(), f.kind(), f.reads(), query);
        }));
    }

    /**
     * Runs a DAG planned from this session's last compiled DAG: computes each spool once into its
     * table, hands each output fragment to {@code outputs} (which runs it, e.g. into a
     * materializer), and drops a spool's rows once its last reader ran. Up to {@code workers}
     * fragments run at a time, each as soon as the spools it reads are computed ({@link DagRunner});
     * {@code outputs} must be safe to call from several threads.
     *
     * @return what {@code outputs} returned for each output fragment, in DAG order
     */
    public <R> List<R> run(PlannedDag dag, Function<PlannedFragment, R> outputs) {
        requireNonNull(dag, "dag is null");
        requireNonNull(outputs, "outputs is null");
        return new DagRunner(dag, spools(), executor, config.workers()).run(outputs);
    }

    /** Rows, computations and scans of each spool of the last compiled DAG. */
    public List<SpoolMetrics> spoolMetrics() {
        return spools == null ? List.of() : spools.metrics();
    }

    /** Where the spools and fixpoints of the last compiled DAG shared their strings, if a DAG was compiled. */
    public Optional<CanonicalStrings> sharedStrings() {
        return Optional.ofNullable(spools).map(Spools::strings);
    }

    private Spools spools() {
        if (spools == null) {
            throw new IllegalStateException("no DAG was compiled in this session");
        }
        return spools;
    }

    /**
     * Plans SQL over the registered tables and functions.
     *
     * @throws io.codeanatomy.runtime.compile.InvalidQueryException if it does not parse or validate
     */
    public PlannedSql planSql(String sql) {
        RelNode compiled = SqlCompiler.compile(sql, schema, PlanningCluster.create(typeFactory));
        return new PlannedSql(planner.plan(compiled), compiled.getRowType().getFieldNames());
    }

    public PlanExecutor executor() {
        return executor;
    }

    /** Runs a planned query; its rows come as batches of {@code arrowSchema}. */
    public RowBatchReader execute(PlannedQuery query, Schema arrowSchema) {
        return executor.batches(query.physical(), allocator, config.batchLimits(), arrowSchema);
    }

    /** As {@link #execute(PlannedQuery, Schema)}, each operator metered under plan {@code name} ({@link #operatorMetrics()}). */
    public RowBatchReader execute(PlannedQuery query, Schema arrowSchema, String name) {
        return executor.batches(query.physical(), allocator, config.batchLimits(), arrowSchema, name);
    }

    /**
     * Runs a planned query, metered as plan {@code name}, and writes its rows into batches of
     * {@code arrowSchema} by route ({@link RoutedBatches#route}): the plan's first columns are the
     * schema's, the rest only for {@code router}, and it has at least two.
     *
     * @return the number of rows
     */
    public long route(PlannedQuery query, Schema arrowSchema, String name, BufferAllocator into, int routes,
            RoutedBatches.Router router, RoutedBatches.Sink sink) {
        int columns = query.physical().getRowType().getFieldCount();
        if (columns < 2 || columns < arrowSchema.getFields().size()) {
            throw new IllegalArgumentException("plan '" + name + "' has " + columns + " columns; routing its rows into batches of "
                    + arrowSchema.getFields().size() + " needs at least as many, and two");
        }
        return RoutedBatches.route(executor.rows(query.physical(), name), arrowSchema, into, config.batchLimits(), routes, router, sink);
    }

    /** Rows and time of each operator of the plans this session ran by name (spools as {@code spool.<view>}). */
    public List<OperatorMetrics> operatorMetrics() {
        return executor.operatorMetrics();
    }

    public Materializer materializer(String format) {
        Materializer materializer = catalog.materializers().get(format);
        if (materializer == null) {
            throw new IllegalArgumentException("no materializer for format '" + format + "' (have: " + catalog.materializers().keySet() + ")");
        }
        return materializer;
    }

    /** Extractors in plugin order, with the run's options applied. */
    public List<Extractor> extractors() {
        return extractors.extractors();
    }

    /**
     * The envelope of this session for a spec: versions, plugins, config, tables, functions with
     * their determinism, rules, profile and workers. The config snapshot also holds every plugin
     * setting in use ({@code <plugin id>.<key>}, defaults included) and who contributed what
     * ({@code contributed.<point>/<contribution id>} to {@code plugin@version}), since both change
     * what a run computes.
     */
    public SessionEnvelope envelope(String specHash) {
        SortedMap<String, String> snapshot = new TreeMap<>(config.snapshot());
        snapshot.putAll(settings.values());
        catalog.provenance().forEach((contribution, plugin) -> snapshot.put("contributed." + contribution, plugin));
        SortedMap<String, Boolean> determinism = new TreeMap<>();
        functions.scalars().forEach((name, function) -> determinism.put(name, function.isDeterministic()));
        functions.aggregates().forEach((name, function) -> determinism.put(name, function.isDeterministic()));
        return SessionEnvelope.of(EngineVersions.load(), catalog.coordinates(), snapshot, tables(), determinism, rules(),
                config.profile(), specHash, config.workers());
    }

    /** Every optimizer rule the session knows, in planning order, with origin and whether this run uses it. */
    public List<RuleState> rules() {
        return SessionRules.of(catalog, config);
    }

    /** Releases the Arrow memory; fails if batches handed out were not closed. */
    @Override
    public void close() {
        allocator.close();
    }
}
