package io.codeanatomy.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.spi.PluginDependency;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.extension.ExtensionPoint;
import io.codeanatomy.spi.extension.ExtensionPoints;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestExtensionPoints {
    private static final ExtensionPoint<String> WORDS = ExtensionPoint.many("host:words", String.class, "words to join");
    private static final ExtensionPoint<String> SENTENCE = ExtensionPoint.one("host:sentence", String.class, "the joined words");

    private static final TestingPlugins HOST = TestingPlugins.of(PluginDescriptor.of("host", "1.0.0", "declares points"))
            .declaring(WORDS, SENTENCE)
            .onBind(registry -> List.of(SENTENCE.extension("joined", String.join(" ", registry.contributions(WORDS)))));

    private static TestingPlugins contributor(String id, String word, int ranking) {
        return TestingPlugins.of(PluginDescriptor.of(id, "1.0.0", "contributes a word")
                        .withDependencies(PluginDependency.requires("host", "[1.0,2.0)")))
                .contributing(WORDS.extension(word, ranking, word));
    }

    @Test
    void aPluginDeclaredPointReceivesOtherPluginsContributionsByRankingThenId() {
        PluginCatalog catalog = PluginCatalog.of(PluginDiscovery.order(List.of(
                contributor("alpha", "hello", 0), contributor("beta", "again", 0), contributor("gamma", "first", 5), HOST)));

        assertThat(catalog.contributions(WORDS)).containsExactly("first", "hello", "again");
        assertThat(catalog.contributionsTo(WORDS.id())).extracting(Contribution::id).containsExactly("gamma:first", "alpha:hello", "beta:again");
        assertThat(catalog.contributions(SENTENCE)).containsExactly("first hello again");
        assertThat(catalog.provenance()).containsEntry("host:words/alpha:hello", "alpha@1.0.0")
                .containsEntry("host:sentence/host:joined", "host@1.0.0");
    }

    @Test
    void disablingAContributionLeavesItOutOfTheDeclarersView() {
        PluginCatalog catalog = PluginCatalog.of(PluginDiscovery.order(List.of(contributor("alpha", "hello", 0), contributor("beta", "again", 0), HOST)),
                Set.of("alpha:hello"));

        assertThat(catalog.contributions(SENTENCE)).containsExactly("again");
    }

    @Test
    void disablingAnUnknownContributionIsAnError() {
        assertThatThrownBy(() -> PluginCatalog.of(List.of(HOST), Set.of("host:nothing")))
                .isInstanceOf(PluginException.class)
                .hasMessage("no plugin contributes 'host:nothing' to disable; `codeanatomy plugins` lists the contribution ids.");
    }

    @Test
    void aSecondContributionToAOnePointNamesBothPlugins() {
        TestingPlugins intruder = TestingPlugins.of(PluginDescriptor.of("intruder", "2.0.0", "")
                        .withDependencies(PluginDependency.requires("host", "1.0")))
                .contributing(SENTENCE.extension("mine", 9, "not yours"));

        assertThatThrownBy(() -> PluginCatalog.of(PluginDiscovery.order(List.of(HOST, intruder))))
                .isInstanceOf(PluginException.class)
                .hasMessage("the extension point 'host:sentence' takes one contribution, but plugins 'host@1.0.0' and 'intruder@2.0.0' "
                        + "both contribute; disable one with --disable-contribution host:joined or intruder:mine.");
    }

    @Test
    void twoPluginsContributingOneNameToAPointAreNamed() {
        assertThatThrownBy(() -> PluginCatalog.of(PluginDiscovery.order(List.of(HOST, contributor("alpha", "same", 0), contributor("beta", "same", 1)))))
                .isInstanceOf(PluginException.class)
                .hasMessage("plugins 'alpha' and 'beta' both contribute 'same' to host:words; "
                        + "disable one with --disable-contribution alpha:same or beta:same.");
    }

    @Test
    void aContributionToAnUndeclaredPointIsAnErrorUnlessItsOwnerIsAnOptionalDependency() {
        TestingPlugins required = contributor("alpha", "hello", 0);
        assertThatThrownBy(() -> PluginCatalog.of(List.of(required)))
                .isInstanceOf(PluginException.class)
                .hasMessage("plugin 'alpha' contributes 'alpha:hello' to the extension point 'host:words', which no loaded plugin declares; "
                        + "install 'host' or disable 'alpha'.");

        TestingPlugins optional = TestingPlugins.of(PluginDescriptor.of("alpha", "1.0.0", "")
                        .withDependencies(PluginDependency.optional("host", "1.0")))
                .contributing(WORDS.extension("hello", "hello"));
        assertThat(PluginCatalog.of(PluginDiscovery.order(List.of(optional))).provenance()).isEmpty();
    }

    @Test
    void aValueThatIsNotOfThePointsContractIsNamed() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ExtensionPoint<Object> raw = (ExtensionPoint) WORDS;
        TestingPlugins wrong = TestingPlugins.of(PluginDescriptor.of("alpha", "1.0.0", "")).contributing(raw.extension("n", 42));

        assertThatThrownBy(() -> PluginCatalog.of(PluginDiscovery.order(List.of(HOST, wrong))))
                .isInstanceOf(PluginException.class)
                .hasMessage("contribution 'alpha:n' is a java.lang.Integer, not a java.lang.String as the extension point 'host:words' requires.");
    }

    @Test
    void aPluginDeclaresPointsOnlyInItsOwnNamespace() {
        TestingPlugins squatter = TestingPlugins.of(PluginDescriptor.of("alpha", "1.0.0", "")).declaring(WORDS);

        assertThatThrownBy(() -> PluginCatalog.of(List.of(squatter)))
                .isInstanceOf(PluginException.class)
                .hasMessage("plugin 'alpha' declares the extension point 'host:words'; the ids of its points must start with 'alpha:'.");
    }

    @Test
    void theRuntimesPointsAreDeclaredLikeAnyOther() {
        PluginCatalog catalog = PluginCatalog.of(List.of());

        assertThat(catalog.points()).containsKeys("codeanatomy:scalar-functions", "codeanatomy:rules.logical", "codeanatomy:rules.physical",
                "codeanatomy:table-providers", "codeanatomy:materializers", "codeanatomy:extractors", "codeanatomy:cpg-views");
        assertThat(catalog.contributions(ExtensionPoints.CPG_VIEWS)).isEmpty();
        assertThatThrownBy(() -> catalog.contributions(WORDS)).hasMessage("no loaded plugin declares the extension point 'host:words'");
    }
}
