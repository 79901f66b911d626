package io.codeanatomy.api.rel;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Appends one column per {@link WindowCall} to every row of {@code input} ({@code ROW_NUMBER},
 * {@code RANK}, running and per-partition aggregates). The input's columns keep their qualifiers;
 * the new columns are unqualified. Row count and order are unchanged.
 */
public record WindowRel(RelSpec input, List<WindowCall> calls) implements RelSpec {
    public WindowRel {
        requireNonNull(input, "input is null");
        calls = List.copyOf(requireNonNull(calls, "calls is null"));
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("A window needs at least one window column.");
        }
        RelChecks.requireUnique(calls.stream().map(WindowCall::name).collect(Collectors.toList()), "window");
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 1, "window");
        return new WindowRel(inputs.get(0), calls);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitWindow(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
