package io.codeanatomy.api.rel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Orders {@code input} by one or more keys. */
public record SortRel(RelSpec input, List<SortKey> keys) implements RelSpec {
    public SortRel {
        requireNonNull(input, "input is null");
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A sort needs at least one key.");
        }
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 1, "sort");
        return new SortRel(inputs.get(0), keys);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitSort(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
