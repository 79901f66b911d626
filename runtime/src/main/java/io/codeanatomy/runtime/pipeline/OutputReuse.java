package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.canonical.CanonicalJson;
import io.codeanatomy.api.plan.PlanNodeKind;
import io.codeanatomy.api.result.SessionEnvelope;
import io.codeanatomy.api.result.TableRegistration;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.plan.PlannedDag;
import io.codeanatomy.runtime.plan.PlannedFragment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which outputs a build ran and which it kept at the previous build's version because everything
 * they are computed from is what that build computed them from (docs/incremental.md, skipped
 * subplans).
 *
 * @param skipped outputs kept at the previous build's version, in the spec's order
 * @param recomputed outputs this build ran, in the spec's order
 * @param changedFilesOnly of the recomputed outputs, those of which only the rows of the changed files
 *     (and the rows of no file) were computed, the rows of the other files kept
 * @param changedGroupsOnly of the recomputed outputs, those of which only the rows of
 *     {@code groupsRecomputed} of the {@code groups} groups of source files were computed (the
 *     adjacency outputs: the groups holding a node whose edges changed), the other groups kept
 */
public record OutputReuse(List<String> skipped, List<String> recomputed, List<String> changedFilesOnly, List<String> changedGroupsOnly,
        int groupsRecomputed, int groups) {
    public OutputReuse {
        skipped = List.copyOf(requireNonNull(skipped, "skipped is null"));
        recomputed = List.copyOf(requireNonNull(recomputed, "recomputed is null"));
        changedFilesOnly = List.copyOf(requireNonNull(changedFilesOnly, "changedFilesOnly is null"));
        changedGroupsOnly = List.copyOf(requireNonNull(changedGroupsOnly, "changedGroupsOnly is null"));
        if (!recomputed.containsAll(changedFilesOnly) || !recomputed.containsAll(changedGroupsOnly)) {
            throw new IllegalArgumentException("outputs recomputed for the changed files or groups only must be recomputed: "
                    + changedFilesOnly + ", " + changedGroupsOnly);
        }
        if (groupsRecomputed < 0 || groupsRecomputed > groups) {
            throw new IllegalArgumentException("groups recomputed must be between 0 and the " + groups + " groups, not " + groupsRecomputed);
        }
    }

    /** Outputs of which no group was recomputed alone. */
    public OutputReuse(List<String> skipped, List<String> recomputed, List<String> changedFilesOnly) {
        this(skipped, recomputed, changedFilesOnly, List.of(), 0, 0);
    }

    /**
     * The inputs key of each output fragment of {@code dag}: the SHA-256 of the output's name and
     * the session envelope's hash, which covers engine and plugin versions, configuration, spec,
     * rules, functions, profile and every registered table at its Delta version. An envelope
     * determines the plans and the plans over the same table versions the rows, so an equal key
     * means equal rows.
     *
     * <p>Every registered table is in every key, not only the tables an output's plans scan: each
     * grouped extraction commit touches every extraction table, so narrowing would skip nothing more
     * today, and a scan missed (inside a sub-query, say) would keep a stale output. The plan texts
     * are not hashed: they name spool and transient tables by counters of the process, so two equal
     * builds in one JVM (the embedded API, the tests) would differ.
     */
    static SortedMap<String, String> keys(PlannedDag dag, SessionEnvelope envelope) {
        requireNonNull(envelope, "envelope is null");
        SortedMap<String, String> outputs = new TreeMap<>();
        for (PlannedFragment fragment : requireNonNull(dag, "dag is null").fragments(PlanNodeKind.OUTPUT)) {
            outputs.put(fragment.name(), key(fragment.name(), envelope));
        }
        return outputs;
    }

    /**
     * {@code envelope} without the tables of stored views ({@link CpgSpec#isStoredOutput}), which
     * the keys are taken from: an incremental build registers them once it has written them, a
     * build from scratch computes them in its plans, and either way they are functions of the
     * extraction tables the envelope holds, so whether a build read them does not change its keys.
     */
    static SessionEnvelope withoutStored(SessionEnvelope envelope) {
        List<TableRegistration> tables = envelope.tables().stream().filter(table -> !CpgSpec.isStoredOutput(table.name())).toList();
        return new SessionEnvelope(envelope.engineVersions(), envelope.plugins(), envelope.config(), tables, envelope.functions(),
                envelope.rules(), envelope.profile(), envelope.specHash(), envelope.workers());
    }

    /** The {@linkplain #keys inputs key} of output {@code output}. */
    static String key(String output, SessionEnvelope envelope) {
        SortedMap<String, Object> key = new TreeMap<>();
        key.put("envelope", requireNonNull(envelope, "envelope is null").hash());
        key.put("output", requireNonNull(output, "output is null"));
        return CanonicalJson.sha256(key);
    }

    /**
     * {@code dag} without the outputs named in {@code skipped}, and without the spools that only
     * they read (directly or through other spools); the order of the rest is kept.
     */
    public static PlannedDag without(PlannedDag dag, Set<String> skipped) {
        requireNonNull(skipped, "skipped is null");
        List<PlannedFragment> fragments = dag.fragments();
        Set<String> needed = new HashSet<>();
        boolean[] keep = new boolean[fragments.size()];
        for (int i = fragments.size() - 1; i >= 0; i--) {
            PlannedFragment fragment = fragments.get(i);
            keep[i] = fragment.kind() == PlanNodeKind.SPOOL ? needed.contains(fragment.name()) : !skipped.contains(fragment.name());
            if (keep[i]) {
                needed.addAll(fragment.reads());
            }
        }
        List<PlannedFragment> kept = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            if (keep[i]) {
                kept.add(fragments.get(i));
            }
        }
        return new PlannedDag(kept);
    }

    /** The run record's {@code reuse} entry. */
    public SortedMap<String, Object> tree() {
        SortedMap<String, Object> tree = new TreeMap<>();
        tree.put("recomputed", recomputed);
        tree.put("skipped", skipped);
        tree.put("changedFilesOnly", changedFilesOnly);
        if (!changedGroupsOnly.isEmpty()) {
            tree.put("changedGroupsOnly", changedGroupsOnly);
            tree.put("groupsRecomputed", groupsRecomputed);
            tree.put("groups", groups);
        }
        return tree;
    }

    /**
     * One line for people: {@code 12 recomputed}, {@code 0 recomputed, 12 skipped (their inputs did not
     * change)} or {@code 6 recomputed (cpg_nodes for the changed files only; cpg_edges_by_src for 2 of
     * 9 groups; cpg_mro and the cross-file rows for every file)}. When some outputs were recomputed
     * for the changed files or groups only, it names what was still computed for every file: the
     * other recomputed outputs, and the rows of cross-file edges (imports, classes, calls) of the
     * graph's tables, which are recomputed whole (docs/incremental.md), so that a rebuild that takes
     * nearly as long as a build from scratch says why.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!changedFilesOnly.isEmpty()) {
            parts.add(String.join(", ", changedFilesOnly) + " for the changed files only");
        }
        if (!changedGroupsOnly.isEmpty()) {
            parts.add(String.join(", ", changedGroupsOnly) + " for " + groupsRecomputed + " of " + groups + " groups");
        }
        if (!parts.isEmpty()) {
            List<String> whole = new ArrayList<>(recomputed);
            whole.removeAll(changedFilesOnly);
            whole.removeAll(changedGroupsOnly);
            boolean crossFileRows = changedFilesOnly.stream().anyMatch(CpgSpec.GROUPED_OUTPUTS::contains);
            if (crossFileRows) {
                whole.add("the cross-file rows");
            }
            if (!whole.isEmpty()) {
                parts.add(joinedWithAnd(whole) + " for every file");
            }
        }
        return recomputed.size() + " recomputed"
                + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")")
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped (their inputs did not change)");
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String joinedWithAnd(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
