package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.Field;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the first {@code count} rows of each group of {@code input} (rows with equal
 * {@code partitionBy} values) in {@code orderBy} order; columns and qualifiers pass through.
 * This is "the innermost enclosing scope" (order by span length) and "the best-ranked candidate"
 * (order by score). Compiles to {@code ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) <= count}.
 * End {@code orderBy} with a unique key: with ties the kept row is otherwise engine-dependent.
 *
 * @param input rows to rank
 * @param partitionBy group keys; empty means one group
 * @param orderBy ranking order, at least one key
 * @param count rows kept per group, at least 1
 */
public record TopPerGroupRel(RelSpec input, List<Field<?>> partitionBy, List<SortKey> orderBy, long count) implements RelSpec {
    public TopPerGroupRel {
        requireNonNull(input, "input is null");
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        if (orderBy.isEmpty()) {
            throw new IllegalArgumentException("Keeping the top rows per group needs at least one ordering key.");
        }
        if (count < 1) {
            throw new IllegalArgumentException("Keeping the top rows per group needs a count of at least 1, got " + count + ".");
        }
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(input);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 1, "top-per-group");
        return new TopPerGroupRel(inputs.get(0), partitionBy, orderBy, count);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitTopPerGroup(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
