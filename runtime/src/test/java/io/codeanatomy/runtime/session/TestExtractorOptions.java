package io.codeanatomy.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.extract.ExtractionRequest;
import io.codeanatomy.spi.extract.ExtractionSink;
import io.codeanatomy.spi.extract.ExtractionSummary;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.extract.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Options reach each extractor once, by its id, and only the owner judges them. */
class TestExtractorOptions {
    private static final List<Plugin> PLUGINS = List.of(plugin(new Strict("alpha", "level", "")),
            plugin(new Strict("beta", "mode", "")), plugin(new Strict("plain", null, null)));

    @Test
    void eachExtractorGetsItsOwnOptionsWithoutTheirNamespace() {
        try (Session session = open(Map.of("alpha.level", "2", "beta.mode", "fast"))) {
            assertThat(session.extractors()).extracting(Extractor::id).containsExactly("alpha", "beta", "plain");
            assertThat(session.extractors().get(0)).isEqualTo(new Strict("alpha", "level", "2"));
            assertThat(session.extractors().get(1)).isEqualTo(new Strict("beta", "mode", "fast"));
            assertThat(session.config().snapshot()).containsEntry("alpha.level", "2").containsEntry("beta.mode", "fast");
        }
    }

    @Test
    void aSecondExtractorsOptionsDoNotDisturbTheFirst() {
        try (Session session = open(Map.of("beta.mode", "fast"))) {
            assertThat(session.extractors().get(0)).isEqualTo(new Strict("alpha", "level", ""));
            assertThat(session.extractors().get(1)).isEqualTo(new Strict("beta", "mode", "fast"));
        }
    }

    @Test
    void anUnknownOptionOfAnInstalledExtractorIsAnErrorNamingIt() {
        assertThatThrownBy(() -> open(Map.of("alpha.colour", "red")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the alpha extractor has no option 'alpha.colour'; it knows only 'alpha.level'.");
        assertThatThrownBy(() -> open(Map.of("plain.x", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the plain extractor has no options; remove 'plain.x'.");
    }

    @Test
    void anOptionForAnExtractorThatIsNotInstalledIsAnError() {
        assertThatThrownBy(() -> open(Map.of("alpha.level", "1", "gamma.depth", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'gamma.depth' is for the extractor 'gamma', which is not installed; "
                        + "installed extractors: alpha, beta, plain.");
    }

    @Test
    void optionNamesNeedAnExtractorNamespaceThatIsNotTheConfigsOwn() {
        SessionConfig defaults = SessionConfig.defaults();
        assertThatThrownBy(() -> defaults.withExtractorOptions(Map.of("version", "3.12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'version' needs the form <extractor>.<name>=<value>, e.g. python.version=3.12.");
        assertThatThrownBy(() -> defaults.withExtractorOptions(Map.of("python.", "3.12")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withExtractorOptions(Map.of("memory.budget_bytes", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'memory' is a section of the session's own settings");
    }

    private static Session open(Map<String, String> options) {
        return Session.open(SessionConfig.defaults().withExtractorOptions(options), PLUGINS);
    }

    private static Plugin plugin(Extractor extractor) {
        return new Plugin() {
            @Override
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of(extractor.id() + "-plugin", "1.0", "test extractor " + extractor.id());
            }

            @Override
            public List<Extractor> extractors() {
                return List.of(extractor);
            }
        };
    }

    /**
     * An extractor with one option, {@code option}, whose value it keeps; with a null option it has
     * none and keeps the SPI's default, which refuses any.
     */
    private record Strict(String id, String option, String value) implements Extractor {
        @Override
        public Extractor withOptions(SortedMap<String, String> options) {
            if (option == null) {
                return Extractor.super.withOptions(options);
            }
            String configured = value;
            for (Map.Entry<String, String> entry : options.entrySet()) {
                if (!entry.getKey().equals(option)) {
                    throw new IllegalArgumentException("the " + id + " extractor has no option '" + id + "." + entry.getKey()
                            + "'; it knows only '" + id + "." + option + "'.");
                }
                configured = entry.getValue();
            }
            return new Strict(id, option, configured);
        }

        @Override
        public List<TableDefinition> tables() {
            return List.of();
        }

        @Override
        public ExtractionSummary extract(ExtractionRequest request, ExtractionSink sink) {
            return ExtractionSummary.of(0, 0, 0, new TreeMap<>());
        }
    }
}
