package io.codeanatomy.runtime.tune;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the tuner proposes for the next run into an output: the settings it would run with, the
 * changes against the settings it would otherwise use, and where they came from.
 *
 * @param sizeClass the size class of the input, which the runs it read share
 * @param current the settings the run uses without {@code --tune}
 * @param target the settings it uses with {@code --tune}
 * @param changes one per setting {@code target} changes, with its measured reason
 * @param basedOn ids of the recorded runs the proposal read, newest first
 * @param baselineRunId the run whose settings and wall time a run with {@code target} is judged
 *     against by the regression guard; empty when there was none
 * @param reverts whether {@code target} goes back to the last good settings after a regression
 * @param note why nothing, or less than the rules would, is proposed; empty when nothing needs saying
 */
public record TuningProposal(String sizeClass, TunedSettings current, TunedSettings target, List<TuningChange> changes,
        List<String> basedOn, Optional<String> baselineRunId, boolean reverts, Optional<String> note) {
    public TuningProposal {
        requireNonNull(sizeClass, "sizeClass is null");
        requireNonNull(current, "current is null");
        requireNonNull(target, "target is null");
        changes = List.copyOf(requireNonNull(changes, "changes is null"));
        basedOn = List.copyOf(requireNonNull(basedOn, "basedOn is null"));
        requireNonNull(baselineRunId, "baselineRunId is null");
        requireNonNull(note, "note is null");
    }

    /** Nothing to propose, for {@code reason}. */
    static TuningProposal none(String sizeClass, TunedSettings current, String reason) {
        return new TuningProposal(sizeClass, current, current, List.of(), List.of(), Optional.empty(), false, Optional.of(reason));
    }

    /** The lines a build prints: one per change, or the note when there is none. */
    public List<String> lines(boolean applied) {
        List<String> lines = new ArrayList<>();
        String state = applied ? "applied" : "proposed, not applied (build with --tune to apply)";
        if (reverts) {
            lines.add("tuning: " + (applied ? "reverting" : "would revert") + " to the settings of run " + baselineRunId.orElseThrow()
                    + ", the last good run");
        }
        for (TuningChange change : changes) {
            lines.add("tuning: " + change.describe() + " [" + state + "]");
        }
        note.ifPresent(text -> lines.add("tuning: " + text));
        return lines;
    }

    /**
     * As the run result and envelope record it: the mode, whether applied, the settings the run
     * used, the changes proposed, the runs read, the baseline and whether it reverted.
     *
     * @param applied whether the run applied the proposal ({@code --tune}); only then does it name
     *     the baseline the regression guard later judges it against
     */
    public SortedMap<String, Object> tree(boolean applied) {
        SortedMap<String, Object> tree = new TreeMap<>();
        tree.put("mode", applied ? "tune" : "observe");
        tree.put("sizeClass", sizeClass);
        tree.put("applied", applied && !changes.isEmpty());
        tree.put("settings", (applied ? target : current).tree());
        tree.put("proposed", target.tree());
        tree.put("changes", changes.stream().map(TuningChange::tree).toList());
        tree.put("basedOn", basedOn);
        baselineRunId.ifPresent(id -> tree.put("baselineRunId", id));
        tree.put("reverts", reverts);
        note.ifPresent(text -> tree.put("note", text));
        return tree;
    }
}
