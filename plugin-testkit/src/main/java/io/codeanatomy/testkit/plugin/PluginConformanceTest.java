package io.codeanatomy.testkit.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.plugin.ContributedCpgPart;
import io.codeanatomy.runtime.plugin.PluginCatalog;
import io.codeanatomy.runtime.plugin.PluginDirectory;
import io.codeanatomy.runtime.plugin.PluginDiscovery;
import io.codeanatomy.runtime.plugin.PluginSummary;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import io.codeanatomy.spi.rule.RuleContribution;
import io.codeanatomy.spi.version.SpiVersion;
import io.codeanatomy.spi.write.MaterializeResult;
import io.codeanatomy.spi.write.Materializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite every plugin's tests extend (Trino's {@code BaseConnectorTest} idea): it
 * loads the plugin the ways the runtime does, checks its descriptor against the running spi, and
 * checks each kind of contribution against its contract. A plugin names what it contributes in
 * {@link #capabilities()}; a kind it does not declare must be empty, so nothing is skipped silently.
 */
public abstract class PluginConformanceTest {
    /** Calls per deterministic function with random arguments. */
    private static final int RANDOM_CALLS = 200;

    @TempDir
    Path scratch;

    /** A new instance of the plugin under test, as {@link ServiceLoader} would make it. */
    protected abstract Plugin createPlugin();

    /** What the plugin contributes. */
    protected abstract Set<PluginCapability> capabilities();

    /** The plugins it depends on, for the checks that open a session. */
    protected List<Plugin> dependencies() {
        return List.of();
    }

    /**
     * SQL queries (over {@code VALUES} or the plugin's own functions) whose results the plugin's
     * optimizer rules must not change; asked when it declares {@link PluginCapability#OPTIMIZER_RULES}.
     */
    protected List<String> ruleFixtureQueries() {
        return List.of();
    }

    @Test
    public void loadsThroughServiceLoader() {
        Class<? extends Plugin> type = createPlugin().getClass();
        List<Plugin> found = new ArrayList<>();
        ServiceLoader.load(Plugin.class, type.getClassLoader()).forEach(found::add);
        assertTrue(found.stream().anyMatch(plugin -> plugin.getClass().equals(type)),
                type.getName() + " is not listed in META-INF/services/" + Plugin.class.getName());
    }

    @Test
    public void loadsInIsolatedMode() throws IOException {
        Plugin plugin = createPlugin();
        Path plugins = Files.createDirectories(scratch.resolve("plugins"));
        Path location = codeSource(plugin.getClass());
        Path jar = plugins.resolve(plugin.descriptor().id() + ".jar");
        if (Files.isDirectory(location)) {
            jarUp(location, jar);
        } else {
            Files.copy(location, jar);
        }
        try (PluginDirectory directory = PluginDirectory.load(plugins, PluginConformanceTest.class.getClassLoader())) {
            assertEquals(1, directory.plugins().size(), "plugins loaded from " + jar);
            Plugin isolated = directory.plugins().get(0);
            assertEquals(plugin.getClass().getName(), isolated.getClass().getName());
            assertNotSame(plugin.getClass(), isolated.getClass(), "the isolated plugin came from the host's loader");
            assertEquals(plugin.descriptor(), isolated.descriptor());
        }
    }

    @Test
    public void descriptorIsValidAndAcceptsTheRunningSpi() {
        PluginDescriptor descriptor = createPlugin().descriptor();
        assertTrue(descriptor.spi().contains(SpiVersion.CURRENT),
                descriptor.coordinate() + " declares spi " + descriptor.spi() + ", which excludes the spi it is tested with, " + SpiVersion.CURRENT);
        assertEquals(descriptor, createPlugin().descriptor(), "two instances describe themselves differently");
        List<Plugin> all = new ArrayList<>(dependencies());
        all.add(createPlugin());
        PluginDiscovery.order(all);
    }

    @Test
    public void contributesWhatItDeclaresAndNothingElse() {
        PluginCatalog catalog = catalog();
        PluginSummary summary = catalog.summaries().stream()
                .filter(s -> s.id().equals(createPlugin().descriptor().id())).findFirst().orElseThrow();
        Set<PluginCapability> found = EnumSet.noneOf(PluginCapability.class);
        for (String point : summary.contributions().keySet()) {
            PluginCapability capability = capabilityOf(point);
            if (capability != null) {
                found.add(capability);
            }
        }
        if (!summary.points().isEmpty()) {
            found.add(PluginCapability.EXTENSION_POINTS);
        }
        if (!summary.configKeys().isEmpty()) {
            found.add(PluginCapability.CONFIG_KEYS);
        }
        Set<PluginCapability> declared = EnumSet.noneOf(PluginCapability.class);
        declared.addAll(capabilities());
        assertEquals(declared, found, "capabilities declared versus contributed");
        assertEquals(summary, catalog().summaries().stream().filter(s -> s.id().equals(summary.id())).findFirst().orElseThrow(),
                "contributions differ between two catalogues of the same plugin");
    }

    @Test
    public void deterministicFunctionsGiveEqualResultsForEqualArguments() throws ReflectiveOperationException {
        Random random = new Random(20240601L);
        for (ScalarFunctionContribution function : createPlugin().scalarFunctions()) {
            if (!function.deterministic()) {
                continue;
            }
            Method method = function.method();
            for (int call = 0; call < RANDOM_CALLS; call++) {
                Object[] arguments = new Object[method.getParameterCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = randomValue(method.getParameterTypes()[i], random);
                }
                Object first = outcome(method, arguments);
                Object second = outcome(method, arguments.clone());
                assertTrue(Objects.deepEquals(first, second), "function " + function.name() + " is declared deterministic but gave "
                        + first + " then " + second + " for " + Arrays.deepToString(arguments));
            }
        }
    }

    @Test
    public void functionsAcceptSqlNulls() throws ReflectiveOperationException {
        for (ScalarFunctionContribution function : createPlugin().scalarFunctions()) {
            Method method = function.method();
            Object[] arguments = new Object[method.getParameterCount()];
            boolean boxed = Arrays.stream(method.getParameterTypes()).noneMatch(Class::isPrimitive);
            if (boxed && arguments.length > 0) {
                Object result = outcome(method, arguments);
                assertFalse(result instanceof NullPointerException, "function " + function.name() + " throws on NULL arguments");
            }
        }
    }

    @Test
    public void rulesLeaveQueryResultsUnchanged() {
        List<RuleContribution> rules = createPlugin().optimizerRules();
        if (rules.isEmpty()) {
            return;
        }
        assertFalse(ruleFixtureQueries().isEmpty(), "the plugin contributes optimizer rules: override ruleFixtureQueries() with queries they apply to");
        Set<String> ids = Set.copyOf(rules.stream().map(RuleContribution::id).toList());
        for (String sql : ruleFixtureQueries()) {
            List<String> with = rows(SessionConfig.defaults(), sql);
            List<String> without = rows(SessionConfig.defaults().withDisabledRules(ids), sql);
            assertEquals(without, with, "the plugin's rules change the rows of " + sql);
        }
    }

    @Test
    public void materializersRoundTripATable() throws Exception {
        Plugin plugin = createPlugin();
        for (Materializer materializer : plugin.materializers()) {
            Path location = scratch.resolve("round-trip-" + materializer.format());
            Schema schema = new Schema(List.of(
                    new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
                    new Field("name", FieldType.nullable(new ArrowType.Utf8()), null)));
            MaterializeResult written;
            try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
                BigIntVector ids = (BigIntVector) batch.getVector("id");
                VarCharVector names = (VarCharVector) batch.getVector("name");
                String[] values = {"a", null, "\u00e9t\u00e9"};
                for (int i = 0; i < values.length; i++) {
                    ids.setSafe(i, 10L + i);
                    if (values[i] == null) {
                        names.setNull(i);
                    } else {
                        names.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
                    }
                }
                batch.setRowCount(values.length);
                written = materializer.write(location, WriteMode.CREATE, schema, List.of(batch).iterator());
            }
            assertEquals(3, written.rowsWritten(), "rows the " + materializer.format() + " materializer reports written");
            boolean readable = plugin.tableProviders().stream().anyMatch(p -> p.format().equals(materializer.format()));
            if (readable) {
                List<Plugin> all = new ArrayList<>(dependencies());
                all.add(plugin);
                try (Session session = Session.open(SessionConfig.defaults(), all)) {
                    session.registerTable("round_trip", location, "round_trip");
                    try (Enumerator<?> rows = session.executor().rows(session.planSql(
                            "SELECT COUNT(*), SUM(id), COUNT(name), MAX(name) FROM round_trip").query().physical())) {
                        assertTrue(rows.moveNext());
                        assertEquals("[3, 33, 2, \u00e9t\u00e9]", Arrays.deepToString((Object[]) rows.current()),
                                "the table written by the " + materializer.format() + " materializer, read back by its provider");
                    }
                }
            }
        }
    }

    @Test
    public void cpgViewsAssembleIntoTheBuiltInSpec() {
        PluginCatalog catalog = catalog();
        if (catalog.cpgViews().isEmpty()) {
            return;
        }
        // Assembly checks that inputs agree on types and that each output's contract columns exist.
        ContributedCpgPart.cpgSpec(catalog);
    }

    private PluginCatalog catalog() {
        List<Plugin> all = new ArrayList<>(dependencies());
        all.add(createPlugin());
        return Session.prepare(SessionConfig.defaults(), all).catalog();
    }

    /** Rows of {@code sql} as sorted text, so that a rule may change the order but not the multiset. */
    private List<String> rows(SessionConfig config, String sql) {
        List<Plugin> all = new ArrayList<>(dependencies());
        all.add(createPlugin());
        List<String> rows = new ArrayList<>();
        try (Session session = Session.open(config, all);
                Enumerator<?> cursor = session.executor().rows(session.planSql(sql).query().physical())) {
            while (cursor.moveNext()) {
                Object row = cursor.current();
                rows.add(row instanceof Object[] values ? Arrays.deepToString(values) : String.valueOf(row));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static PluginCapability capabilityOf(String point) {
        return switch (point) {
            case "codeanatomy:scalar-functions" -> PluginCapability.SCALAR_FUNCTIONS;
            case "codeanatomy:aggregate-functions" -> PluginCapability.AGGREGATE_FUNCTIONS;
            case "codeanatomy:rules.logical", "codeanatomy:rules.physical" -> PluginCapability.OPTIMIZER_RULES;
            case "codeanatomy:table-providers" -> PluginCapability.TABLE_PROVIDERS;
            case "codeanatomy:materializers" -> PluginCapability.MATERIALIZERS;
            case "codeanatomy:extractors" -> PluginCapability.EXTRACTORS;
            case "codeanatomy:cpg-views" -> PluginCapability.CPG_VIEWS;
            default -> null; // a contribution to another plugin's point
        };
    }

    /** The result, or the exception the method threw, so two calls can be compared either way. */
    private static Object outcome(Method method, Object[] arguments) throws IllegalAccessException {
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            return e.getCause() instanceof RuntimeException runtime ? runtime : fail("function threw " + e.getCause(), e.getCause());
        }
    }

    private static Object randomValue(Class<?> type, Random random) {
        if (type == Long.class || type == long.class) {
            return random.nextInt(5) == 0 ? (long) random.nextInt(8) : random.nextLong();
        }
        if (type == Integer.class || type == int.class) {
            return random.nextInt(5) == 0 ? random.nextInt(8) : random.nextInt();
        }
        if (type == Double.class || type == double.class) {
            return random.nextDouble() * 1e6 - 5e5;
        }
        if (type == Boolean.class || type == boolean.class) {
            return random.nextBoolean();
        }
        if (type == String.class) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            String alphabet = "abc.XY_ 1\u00e9\u4e2d";
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }
        if (type == byte[].class) {
            byte[] bytes = new byte[random.nextInt(16)];
            random.nextBytes(bytes);
            return bytes;
        }
        return null;
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    private static void jarUp(Path classes, Path jar) {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
