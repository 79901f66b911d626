package io.codeanatomy.cli;

import io.codeanatomy.runtime.plugin.PluginDirectory;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.testkit.plugin.PluginCapability;
import io.codeanatomy.testkit.plugin.PluginConformanceTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin, as its own pom builds it, passes the conformance suite from its isolated loader. */
class TestExamplePluginConformance extends PluginConformanceTest {
    @TempDir
    static Path work;
    private static PluginDirectory directory;

    @BeforeAll
    static void load() {
        directory = PluginDirectory.load(ExamplePluginJar.pluginsDirectory(work), TestExamplePluginConformance.class.getClassLoader());
    }

    @AfterAll
    static void release() {
        directory.close();
    }

    @Override
    protected Plugin createPlugin() {
        try {
            return directory.plugins().get(0).getClass().getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Set<PluginCapability> capabilities() {
        return Set.of(PluginCapability.SCALAR_FUNCTIONS, PluginCapability.OPTIMIZER_RULES, PluginCapability.CPG_VIEWS);
    }

    @Override
    protected List<String> ruleFixtureQueries() {
        return List.of("SELECT n FROM (SELECT n FROM (VALUES ('test_a'), ('helper'), (CAST(NULL AS VARCHAR))) AS t(n) WHERE n <> 'x') "
                + "WHERE is_test_name(n)");
    }
}
