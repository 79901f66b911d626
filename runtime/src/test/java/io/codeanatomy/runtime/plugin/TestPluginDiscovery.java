package io.codeanatomy.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.FunctionSignature;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestPluginDiscovery {
    @Test
    void ordersByDependenciesThenById() {
        List<Plugin> plugins = List.of(plugin("zeta"), plugin("rules", "zeta", "alpha"), plugin("alpha"), plugin("beta", "rules"), plugin("gamma"));

        assertThat(ids(PluginDiscovery.order(plugins))).containsExactly("alpha", "gamma", "zeta", "rules", "beta");
    }

    @Test
    void orderDoesNotDependOnDiscoveryOrder() {
        List<Plugin> plugins = new ArrayList<>(List.of(plugin("c", "a"), plugin("b"), plugin("a"), plugin("d", "b", "c"), plugin("e")));
        List<String> expected = ids(PluginDiscovery.order(plugins));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(plugins, random);
            assertThat(ids(PluginDiscovery.order(plugins))).isEqualTo(expected);
        }
        assertThat(expected).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void duplicateIdIsAnError() {
        assertThatThrownBy(() -> PluginDiscovery.order(List.of(plugin("same"), plugin("same"))))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("two plugins have the id 'same'");
    }

    @Test
    void missingDependencyIsAnError() {
        assertThatThrownBy(() -> PluginDiscovery.order(List.of(plugin("a", "ghost"))))
                .isInstanceOf(PluginException.class)
                .hasMessage("plugin 'a@1.0' needs plugin 'ghost' [0.0.0,), which is not installed; add it or remove 'a'.");
    }

    @Test
    void cycleIsAnErrorNamingIt() {
        assertThatThrownBy(() -> PluginDiscovery.order(List.of(plugin("a", "b"), plugin("b", "c"), plugin("c", "a"), plugin("d"))))
                .isInstanceOf(PluginException.class)
                .hasMessage("plugins [a, b, c] depend on each other in a cycle: a -> b -> c -> a; remove one of these dependencies.");
    }

    @Test
    void catalogRefusesTwoPluginsContributingOneFunctionName() {
        Plugin first = withFunction("first");
        Plugin second = withFunction("second");

        assertThatThrownBy(() -> PluginCatalog.of(PluginDiscovery.order(List.of(first, second))))
                .isInstanceOf(PluginException.class)
                .hasMessage("plugins 'first' and 'second' both contribute 'twice' to codeanatomy:scalar-functions; "
                        + "disable one with --disable-contribution first:twice or second:twice.");
    }

    @Test
    void catalogSummarisesContributions() {
        PluginCatalog catalog = PluginCatalog.of(List.of(withFunction("first")));

        assertThat(catalog.summaries()).singleElement().satisfies(summary -> {
            assertThat(summary.id()).isEqualTo("first");
            assertThat(summary.contributions()).containsExactly(Map.entry("codeanatomy:scalar-functions", List.of("first:twice")));
        });
        assertThat(catalog.coordinates()).containsExactly("first@1.0");
    }

    private static List<String> ids(List<Plugin> plugins) {
        return plugins.stream().map(p -> p.descriptor().id()).toList();
    }

    private static Plugin plugin(String id, String... dependsOn) {
        PluginDescriptor descriptor = new PluginDescriptor(id, "1.0", "test plugin " + id, List.of(dependsOn));
        return () -> descriptor;
    }

    private static Plugin withFunction(String id) {
        return new Plugin() {
            @Override
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of(id, "1.0", "test");
            }

            @Override
            public List<ScalarFunctionContribution> scalarFunctions() {
                return List.of(new ScalarFunctionContribution(FunctionSignature.scalar("twice", DataType.INT64, DataType.INT64), TestPluginDiscovery.class, "twice", "doubles"));
            }
        };
    }

    public static Long twice(Long value) {
        return value == null ? null : 2 * value;
    }
}
