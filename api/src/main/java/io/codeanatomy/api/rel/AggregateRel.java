package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.NamedField;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Groups {@code input} by the group keys and computes the aggregate calls per group. Output
 * columns are the keys, then the calls, by name. No calls means {@code SELECT DISTINCT keys};
 * no keys means one row over the whole input.
 */
public record AggregateRel(RelSpec input, List<NamedField<?>> groupKeys, List<AggregateCall> calls) implements RelSpec {
    public AggregateRel {
        requireNonNull(input, "input is null");
        groupKeys = List.copyOf(requireNonNull(groupKeys, "groupKeys is null"));
        calls = List.copyOf(requireNonNull(calls, "calls is null"));
        if (groupKeys.isEmpty() && calls.isEmpty()) {
            throw new IllegalArgumentException("An aggregate needs at least one group key or aggregate call.");
        }
        List<String> names = new ArrayList<>();
        groupKeys.forEach(key -> names.add(key.name()));
        calls.forEach(call -> names.add(call.name()));
        RelChecks.requireUnique(names, "aggregate");
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 1, "aggregate");
        return new AggregateRel(inputs.get(0), groupKeys, calls);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitAggregate(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
