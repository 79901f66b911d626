package io.codeanatomy.testkit.plugin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.FunctionSignature;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The suite fails a plugin that breaks its contracts, so passing it means something. */
class TestConformanceCatchesMistakes {
    private static final AtomicLong CALLS = new AtomicLong();

    /** Declared deterministic, but counts its calls. */
    public static Long drifting(Long value) {
        return value == null ? null : value + CALLS.incrementAndGet();
    }

    /** Throws on NULL like a careless unboxing. */
    public static Long unboxing(Long value) {
        return value + 1;
    }

    private static Plugin withFunction(String name, String method) {
        return new Plugin() {
            @Override
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of("careless", "1.0.0", "breaks contracts");
            }

            @Override
            public List<ScalarFunctionContribution> scalarFunctions() {
                return List.of(new ScalarFunctionContribution(FunctionSignature.scalar(name, DataType.INT64, DataType.INT64),
                        TestConformanceCatchesMistakes.class, method, "careless"));
            }
        };
    }

    private static PluginConformanceTest suite(Plugin plugin, Set<PluginCapability> capabilities) {
        return new PluginConformanceTest() {
            @Override
            protected Plugin createPlugin() {
                return plugin;
            }

            @Override
            protected Set<PluginCapability> capabilities() {
                return capabilities;
            }
        };
    }

    @Test
    void aFunctionDeclaredDeterministicThatIsNotFails() {
        PluginConformanceTest suite = suite(withFunction("drifting", "drifting"), Set.of(PluginCapability.SCALAR_FUNCTIONS));

        assertThatThrownBy(suite::deterministicFunctionsGiveEqualResultsForEqualArguments)
                .hasMessageContaining("function drifting is declared deterministic but gave");
    }

    @Test
    void aFunctionThrowingOnNullFails() {
        PluginConformanceTest suite = suite(withFunction("unboxing", "unboxing"), Set.of(PluginCapability.SCALAR_FUNCTIONS));

        assertThatThrownBy(suite::functionsAcceptSqlNulls).hasMessageContaining("function unboxing throws on NULL arguments");
    }

    @Test
    void undeclaredContributionsFail() {
        PluginConformanceTest suite = suite(new SpansPlugin(), Set.of(PluginCapability.SCALAR_FUNCTIONS));

        assertThatThrownBy(suite::contributesWhatItDeclaresAndNothingElse).hasMessageContaining("capabilities declared versus contributed");
    }

    @Test
    void aPluginNotListedForServiceLoaderFails() {
        PluginConformanceTest suite = suite(withFunction("drifting", "drifting"), Set.of(PluginCapability.SCALAR_FUNCTIONS));

        assertThatThrownBy(suite::loadsThroughServiceLoader).hasMessageContaining("is not listed in META-INF/services/io.codeanatomy.spi.Plugin");
    }
}
