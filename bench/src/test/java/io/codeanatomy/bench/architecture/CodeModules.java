package io.codeanatomy.bench.architecture;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import io.codeanatomy.api.plan.PlanBundle;
import io.codeanatomy.bench.ParserBench;
import io.codeanatomy.cli.CodeAnatomy;
import io.codeanatomy.plugins.python.PythonExtractionPlugin;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.runtime.plugin.PluginCatalog;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our Maven modules as ArchUnit sees them: a class belongs to the module its class file was loaded
 * from (a {@code target/classes} directory or a jar), whatever its package. Each module is found
 * from a class it holds; the plugin modules are every classpath root that registers an
 * {@code io.codeanatomy.spi.Plugin} service, so a new plugin is covered without naming it here.
 */
record CodeModules(Map<String, String> roots, List<String> plugins) {
    static final String API = "api";
    static final String SPI = "spi";
    static final String RUNTIME = "runtime";
    static final String PYTHON_SYNTAX = "python-syntax";
    static final String CLI = "cli";
    static final String BENCH = "bench";
    static final String TESTKIT = "testkit";
    /** The one plugin that may use the parser. */
    static final String EXTRACT_PYTHON = "plugin " + PythonExtractionPlugin.class.getName();
    /** The one plugin that may touch Delta Kernel (not on bench's compile path, so named by its provider). */
    static final String DELTA_IO = "plugin io.codeanatomy.plugins.delta.DeltaIoPlugin";

    private static final String PLUGIN_SERVICES = "META-INF/services/" + Plugin.class.getName();

    CodeModules {
        roots = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(roots, "roots is null")));
        plugins = List.copyOf(requireNonNull(plugins, "plugins is null"));
    }

    /** The modules on this test's classpath. */
    static CodeModules ofClasspath() {
        Map<String, String> roots = new LinkedHashMap<>();
        roots.put(API, rootOf(PlanBundle.class));
        roots.put(SPI, rootOf(Plugin.class));
        roots.put(RUNTIME, rootOf(PluginCatalog.class));
        roots.put(PYTHON_SYNTAX, rootOf(PythonVersion.class));
        roots.put(CLI, rootOf(CodeAnatomy.class));
        roots.put(BENCH, rootOf(ParserBench.class));
        roots.put(TESTKIT, rootOf(Python3.class));
        List<String> plugins = new ArrayList<>();
        try {
            for (URL services : Collections.list(CodeModules.class.getClassLoader().getResources(PLUGIN_SERVICES))) {
                String url = services.toURI().toString();
                String name = "plugin " + firstProvider(services);
                roots.put(name, normalized(url.substring(0, url.length() - PLUGIN_SERVICES.length())));
                plugins.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new CodeModules(roots, plugins);
    }

    /** The same modules with {@code module} played by the class files under {@code fixture}'s root. */
    CodeModules playedBy(String module, Class<?> fixture) {
        requireNonNull(roots.get(module), () -> "no module " + module);
        Map<String, String> replaced = new LinkedHashMap<>(roots);
        replaced.put(module, rootOf(fixture));
        return new CodeModules(replaced, plugins);
    }

    /** The classes of {@code module}. */
    DescribedPredicate<JavaClass> in(String module) {
        String root = requireNonNull(roots.get(module), () -> "no module " + module + " on the classpath");
        return DescribedPredicate.describe("in module " + module, c -> source(c).map(s -> s.startsWith(root)).orElse(false));
    }

    /** The classes of any plugin module. */
    DescribedPredicate<JavaClass> inAPlugin() {
        return DescribedPredicate.describe("in a plugin module", c -> plugins.stream().anyMatch(p -> in(p).test(c)));
    }

    /** The plugin module {@code c} belongs to, if any. */
    Optional<String> pluginOf(JavaClass c) {
        return plugins.stream().filter(p -> in(p).test(c)).findFirst();
    }

    /** The classes of any plugin module but {@code plugin}. */
    DescribedPredicate<JavaClass> inAPluginBut(String plugin) {
        return DescribedPredicate.describe("in a plugin module other than " + plugin,
                c -> plugins.stream().filter(p -> !p.equals(plugin)).anyMatch(p -> in(p).test(c)));
    }

    /** Where to import the modules' classes from. */
    List<URL> urls() {
        List<URL> urls = new ArrayList<>();
        for (String root : roots.values()) {
            try {
                urls.add(new URL(root));
            } catch (MalformedURLException e) {
                throw new IllegalStateException(root, e);
            }
        }
        return urls;
    }

    /** Where the class file of {@code c} was read; an array is where its element class was. */
    private static Optional<String> source(JavaClass c) {
        return c.getBaseComponentType().getSource().map(s -> normalized(s.getUri().toString()));
    }

    /** One spelling of file URIs ({@code file:/x}, not {@code file:///x}): ArchUnit and the JDK differ. */
    private static String normalized(String uri) {
        return uri.replaceFirst("^(jar:)?file:/+", "$1file:/");
    }

    /** The root a class was loaded from, as the start of its class files' URIs: a directory or a jar's inside. */
    private static String rootOf(Class<?> anchor) {
        try {
            String location = normalized(anchor.getProtectionDomain().getCodeSource().getLocation().toURI().toString());
            return location.endsWith(".jar") ? "jar:" + location + "!/" : location.endsWith("/") ? location : location + "/";
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstProvider(URL services) throws IOException {
        try (InputStream in = services.openStream()) {
            for (String line : new String(in.readAllBytes(), UTF_8).split("\n")) {
                String provider = line.replaceFirst("#.*", "").strip();
                if (!provider.isEmpty()) {
                    return provider;
                }
            }
        }
        throw new IllegalStateException(services + " names no plugin");
    }
}
