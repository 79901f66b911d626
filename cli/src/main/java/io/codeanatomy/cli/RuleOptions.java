package io.codeanatomy.cli;

import io.codeanatomy.api.result.EnvironmentProfile;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * The planner's settings on every command that plans: {@code --disable-rule}, {@code --enable-rule},
 * {@code --profile} and a {@code --config} properties file with the same settings
 * ({@value #DISABLED_RULES}, {@value #ENABLED_RULES} as comma-separated ids, {@value #PROFILE}).
 * Flags add to the file; an enabled rule runs even when disabled.
 */
final class RuleOptions {
    static final String DISABLED_RULES = "planner.disabled_rules";
    static final String ENABLED_RULES = "planner.enabled_rules";
    static final String PROFILE = "profile";
    private static final Set<String> CONFIG_KEYS = Set.of(DISABLED_RULES, ENABLED_RULES, PROFILE);

    @Option(names = "--disable-rule", paramLabel = "ID", description = "Leave out an optimizer rule by its id (repeatable; see 'codeanatomy rules').")
    List<String> disabledRules = new ArrayList<>();

    @Option(names = "--enable-rule", paramLabel = "ID", description = "Run an optimizer rule the config file disables (repeatable).")
    List<String> enabledRules = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file with planner.disabled_rules, planner.enabled_rules (comma-separated ids) and profile.")
    Path configFile;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Environment profile small, medium or large (default: picked from the size of SRC).")
    String profile;

    /** Whether the flags or the config file pin the profile. */
    boolean pinsProfile() {
        return profile != null || readConfigFile().containsKey(PROFILE);
    }

    /** The default config with these rule toggles and, when pinned, the profile; a {@link UserError} (exit 2) if they are bad. */
    SessionConfig config() {
        Map<String, String> file = readConfigFile();
        Set<String> disabled = new TreeSet<>(ids(file.get(DISABLED_RULES)));
        disabled.addAll(disabledRules);
        Set<String> enabled = new TreeSet<>(ids(file.get(ENABLED_RULES)));
        enabled.addAll(enabledRules);
        SessionConfig config = SessionConfig.defaults().withDisabledRules(disabled).withEnabledRules(enabled);
        String pinned = profile != null ? profile : file.get(PROFILE);
        if (pinned == null) {
            return config;
        }
        try {
            return config.withProfile(EnvironmentProfile.pinned(pinned));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    /** The config file's settings; an unknown key is an error naming it, as a typo must not pass silently. */
    private Map<String, String> readConfigFile() {
        Map<String, String> settings = new TreeMap<>();
        if (configFile == null) {
            return settings;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UserError("cannot read the config file " + configFile + "; give a readable properties file.", 2);
        }
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!CONFIG_KEYS.contains(key)) {
                throw new UserError("the config file " + configFile + " has the unknown key '" + key + "'; known keys: "
                        + String.join(", ", new TreeSet<>(CONFIG_KEYS)) + ".", 2);
            }
            settings.put(key, properties.getProperty(key).trim());
        }
        return settings;
    }

    private static List<String> ids(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }
}
