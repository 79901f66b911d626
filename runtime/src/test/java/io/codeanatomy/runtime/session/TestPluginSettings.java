package io.codeanatomy.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.canonical.Sha256;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.plugin.PreparedPlugins;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDependency;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.config.ConfigKey;
import io.codeanatomy.spi.config.ConfigType;
import io.codeanatomy.spi.config.PluginConfig;
import io.codeanatomy.spi.extension.ExtensionPoint;
import io.codeanatomy.spi.extension.Extension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestPluginSettings {
    private static final ExtensionPoint<String> NOTES = ExtensionPoint.many("tuned:notes", String.class, "what the settings were");

    /** Declares two keys and contributes one note telling what it was configured with. */
    private record Tuned(PluginConfig config) implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of("tuned", "1.2.0", "has settings");
        }

        @Override
        public List<ConfigKey> configKeys() {
            return List.of(new ConfigKey("depth", ConfigType.INTEGER, "3", "how deep"),
                    new ConfigKey("strict", ConfigType.BOOLEAN, "false", "whether to be strict"));
        }

        @Override
        public List<ExtensionPoint<?>> extensionPoints() {
            return List.of(NOTES);
        }

        @Override
        public List<Extension<?>> extensions() {
            return config == null ? List.of() : List.of(NOTES.extension("note", "depth " + config.getInt("depth") + " strict " + config.getBoolean("strict")));
        }

        @Override
        public Plugin configure(PluginConfig settings) {
            return new Tuned(settings);
        }
    }

    private static final Plugin PLAIN = () -> PluginDescriptor.of("plain", "0.1.0", "no settings");

    private static PreparedPlugins prepare(Map<String, String> options) {
        return PreparedPlugins.prepare(List.of(new Tuned(null), PLAIN), Set.of(), Set.of(), new TreeMap<>(options));
    }

    @Test
    void settingsReachThePluginWithDefaultsFilledIn() {
        PreparedPlugins prepared = prepare(Map.of("tuned.depth", "7"));

        assertThat(prepared.catalog().contributions(NOTES)).containsExactly("depth 7 strict false");
        assertThat(prepared.settings()).containsExactly(Map.entry("tuned.depth", "7"), Map.entry("tuned.strict", "false"));
        assertThat(prepared.extractorOptions()).isEmpty();
    }

    @Test
    void anUnknownKeyIsRejectedNamingIt() {
        assertThatThrownBy(() -> prepare(Map.of("tuned.dept", "7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the plugin 'tuned' has no config key 'dept'; remove 'tuned.dept' or use one of [depth, strict].");
        assertThatThrownBy(() -> prepare(Map.of("plain.colour", "red")))
                .hasMessage("the plugin 'plain' has no config key 'colour'; remove 'plain.colour'.");
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedNamingIt() {
        assertThatThrownBy(() -> prepare(Map.of("tuned.strict", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'tuned.strict': 'yes' is not a boolean (true or false).");
    }

    @Test
    void aKeyForAnAbsentPluginIsRejectedWhenTheSessionOpens() {
        SessionConfig config = SessionConfig.defaults().withExtractorOptions(Map.of("ghost.level", "1"));

        assertThatThrownBy(() -> Session.open(config, List.of(new Tuned(null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option 'ghost.level' is for the extractor 'ghost', which is not installed");
    }

    @Test
    void theEnvelopeRecordsSettingsDisabledPluginsAndWhoContributedWhat() {
        Plugin extra = () -> PluginDescriptor.of("extra", "9.9.9", "left out");
        SessionConfig config = SessionConfig.defaults().withExtractorOptions(Map.of("tuned.strict", "true"))
                .withDisabledPlugins(Set.of("extra"));
        try (Session session = Session.open(config, List.of(new Tuned(null), extra))) {
            SortedMap<String, String> recorded = session.envelope(Sha256.hex("spec")).config();

            assertThat(recorded).containsEntry("tuned.depth", "3").containsEntry("tuned.strict", "true")
                    .containsEntry("plugins.disabled", "extra")
                    .containsEntry("plugins.disabled_contributions", "")
                    .containsEntry("contributed.tuned:notes/tuned:note", "tuned@1.2.0");
            assertThat(session.envelope(Sha256.hex("spec")).plugins()).containsExactly("tuned@1.2.0");
        }
    }

    @Test
    void disablingAPluginOthersNeedOrOneNotInstalledIsAnError() {
        Plugin user = () -> PluginDescriptor.of("user", "1.0.0", "").withDependencies(PluginDependency.requires("tuned", "1"));

        assertThatThrownBy(() -> PreparedPlugins.prepare(List.of(new Tuned(null), user), Set.of("tuned"), Set.of(), new TreeMap<>()))
                .isInstanceOf(PluginException.class)
                .hasMessage("plugin 'user' needs plugin 'tuned', which this run disables; disable 'user' too.");
        assertThatThrownBy(() -> PreparedPlugins.prepare(List.of(user), Set.of("nobody"), Set.of(), new TreeMap<>()))
                .hasMessage("--disable-plugin nobody names no installed plugin; installed: user.");
    }
}
