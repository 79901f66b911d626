package io.codeanatomy.api.result;

import io.codeanatomy.api.canonical.Canonical;
import io.codeanatomy.api.canonical.Sha256;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Everything that determines what a session computes, captured before planning: engine library
 * versions (JDK, Calcite, Delta Kernel, Arrow, Guice), the plugin set, the configuration, the
 * registered tables, the function registry with each function's determinism, the optimizer rules
 * with their phase, origin and state, the environment profile and the spec hash. Same envelope,
 * same plans.
 *
 * <p>All collections are normalized on construction (maps sorted by key, plugins, functions and
 * tables sorted; rules keep the planner's order, which is part of the plan), so the order in
 * which a caller gathered them never shows. {@link #canonicalJson()} holds no timestamps or
 * machine state beyond what is given here, and {@link #hash()} is its SHA-256. {@code workers}
 * and whether the profile was pinned are recorded ({@link #recordTree()}) but not hashed: they
 * change how fast a run is, never what it computes.
 *
 * @param engineVersions library name to version (e.g. {@code calcite -> 1.42.0})
 * @param plugins plugin coordinates {@code id@version}, one per plugin id
 * @param config configuration snapshot, key to value
 * @param tables registered tables, one per name
 * @param functions registered function names, each to whether it is deterministic
 * @param rules every optimizer rule the session knows, in planning order, enabled or not
 * @param profile the environment profile the run used
 * @param specHash {@link io.codeanatomy.api.spec.SemanticSpec#hash()} of the spec being run
 * @param workers extraction threads (recorded, not hashed)
 */
public record SessionEnvelope(SortedMap<String, String> engineVersions, List<String> plugins, SortedMap<String, String> config,
        List<TableRegistration> tables, SortedMap<String, Boolean> functions, List<RuleState> rules, EnvironmentProfile profile,
        String specHash, int workers) implements Canonical {

    /** Version of the canonical JSON layout; bumped when fields are added or renamed. */
    public static final int FORMAT_VERSION = 2;

    public SessionEnvelope {
        engineVersions = sortedCopy(engineVersions, "engineVersions");
        config = sortedCopy(config, "config");
        plugins = sortedUnique(plugins, "plugin");
        functions = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(functions, "functions is null")));
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        requireNonNull(profile, "profile is null");
        tables = sortedTables(tables);
        Sha256.requireHex(specHash, "specHash");
        if (workers < 1) {
            throw new IllegalArgumentException("An envelope records at least one worker, got " + workers + ".");
        }
        Set<String> ruleIds = new HashSet<>();
        for (RuleState rule : rules) {
            if (!ruleIds.add(rule.id())) {
                throw new IllegalArgumentException("The rule '" + rule.id() + "' is listed more than once.");
            }
        }
        Set<String> pluginIds = new HashSet<>();
        for (String plugin : plugins) {
            int at = plugin.indexOf('@');
            if (at <= 0 || at == plugin.length() - 1 || plugin.indexOf('@', at + 1) >= 0) {
                throw new IllegalArgumentException("The plugin coordinate '" + plugin + "' is not of the form id@version.");
            }
            if (!pluginIds.add(plugin.substring(0, at))) {
                throw new IllegalArgumentException("The plugin '" + plugin.substring(0, at) + "' appears with more than one version.");
            }
        }
    }

    /** Builds an envelope from maps in any implementation; they are copied sorted. */
    public static SessionEnvelope of(Map<String, String> engineVersions, List<String> plugins, Map<String, String> config,
            List<TableRegistration> tables, Map<String, Boolean> functions, List<RuleState> rules, EnvironmentProfile profile,
            String specHash, int workers) {
        return new SessionEnvelope(sortedCopy(engineVersions, "engineVersions"), plugins, sortedCopy(config, "config"), tables,
                new TreeMap<>(requireNonNull(functions, "functions is null")), rules, profile, specHash, workers);
    }

    private static SortedMap<String, String> sortedCopy(Map<String, String> map, String what) {
        requireNonNull(map, what + " is null");
        TreeMap<String, String> copy = new TreeMap<>();
        map.forEach((key, value) -> {
            requireNonNull(key, what + " has a null key");
            requireNonNull(value, what + " has a null value for '" + key + "'");
            copy.put(key, value);
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    private static List<String> sortedUnique(List<String> values, String what) {
        requireNonNull(values, what + " list is null");
        List<String> sorted = new ArrayList<>(values);
        sorted.forEach(value -> requireNonNull(value, what + " list has a null entry"));
        sorted.sort(Comparator.naturalOrder());
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) {
                throw new IllegalArgumentException("The " + what + " '" + sorted.get(i) + "' is listed more than once.");
            }
        }
        return List.copyOf(sorted);
    }

    private static List<TableRegistration> sortedTables(List<TableRegistration> tables) {
        requireNonNull(tables, "tables is null");
        List<TableRegistration> sorted = new ArrayList<>(tables);
        sorted.forEach(table -> requireNonNull(table, "tables has a null entry"));
        sorted.sort(Comparator.comparing(TableRegistration::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("The table '" + sorted.get(i).name() + "' is registered more than once.");
            }
        }
        return List.copyOf(sorted);
    }



    /** The hashed tree: everything but {@code workers} and whether the profile was pinned. */
    @Override
    public Map<String, Object> canonicalTree() {
        List<Object> tableTrees = new ArrayList<>(tables.size());
        tables.forEach(table -> tableTrees.add(table.canonicalTree()));
        List<Object> ruleTrees = new ArrayList<>(rules.size());
        rules.forEach(rule -> ruleTrees.add(rule.canonicalTree()));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("formatVersion", FORMAT_VERSION);
        tree.put("engineVersions", engineVersions);
        tree.put("plugins", plugins);
        tree.put("config", config);
        tree.put("tables", tableTrees);
        tree.put("functions", functions);
        tree.put("rules", ruleTrees);
        tree.put("profile", profile.canonicalTree());
        tree.put("specHash", specHash);
        // Which plugin contributed what (plugin platform) belongs here as "contributions".
        return tree;
    }

    /**
     * What a run writes to {@code session-envelope.json}: the hashed tree under {@code hashed}, its
     * hash as {@code envelopeHash}, and the unhashed facts ({@code workers}, {@code profilePinned})
     * beside it, so a reader can check the hash over exactly the bytes it was taken over.
     */
    public Map<String, Object> recordTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("envelopeHash", hash());
        tree.put("hashed", canonicalTree());
        tree.put("profilePinned", profile.pinned());
        tree.put("workers", workers);
        return tree;
    }

    /** Ids of the rules this run left out, in planning order. */
    public List<String> disabledRules() {
        return rules.stream().filter(rule -> !rule.enabled()).map(RuleState::id).toList();
    }
}
