package io.codeanatomy.api.rel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Skips {@code offset} rows of {@code input}, then keeps at most {@code fetch}; put it over a {@link SortRel} for a deterministic result. */
public record LimitRel(RelSpec input, long offset, long fetch) implements RelSpec {
    public LimitRel {
        requireNonNull(input, "input is null");
        if (offset < 0 || fetch < 0) {
            throw new IllegalArgumentException("A limit needs a non-negative offset and fetch, got offset " + offset + " and fetch " + fetch + ".");
        }
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 1, "limit");
        return new LimitRel(inputs.get(0), offset, fetch);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitLimit(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
