package io.codeanatomy.runtime.tune;

import static java.util.Objects.requireNonNull;

import java.util.SortedMap;

/**
 * What a build records of the tuner: its proposal and whether the build applied it
 * ({@code --tune}) or only observed.
 */
public record TuningRecord(TuningProposal proposal, boolean applied) {
    public TuningRecord {
        requireNonNull(proposal, "proposal is null");
    }

    /** The {@code tuning} section of the run result and envelope record: {@link TuningProposal#tree}. */
    public SortedMap<String, Object> tree() {
        return proposal.tree(applied);
    }
}
