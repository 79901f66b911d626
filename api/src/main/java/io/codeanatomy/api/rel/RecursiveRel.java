package io.codeanatomy.api.rel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A recursive query ({@code WITH RECURSIVE}): the rows of {@code seed}, then repeatedly the rows of
 * {@code step}, in which {@code RelSpec.scan(name, alias)} reads the rows the previous round
 * produced (the seed's rows in the first round). Columns are the seed's, unqualified; the step must
 * produce the same number of columns with the same types, in order.
 *
 * <p>Without {@code all} (the form to use) it is a set fixpoint: a row already produced is dropped,
 * and the iteration stops after the first round that produces no new row, so a closure over a
 * finite graph terminates, cycles included. With {@code all} every row is kept and only a step
 * that eventually produces nothing terminates. {@code maxIterations} bounds the number of step
 * rounds either way; reaching it stops the iteration with the rows produced so far, so choose a
 * bound above the longest chain the data can have (a scope chain is as deep as the nesting).
 *
 * @param name the name under which {@code step} reads the previous round; it shadows any relation
 *     of that name inside {@code step} and must not be scanned by {@code seed}
 * @param seed the starting rows
 * @param step the rows derived from the previous round
 * @param all keep duplicates (no termination by set saturation)
 * @param maxIterations the most step rounds run, at least 1
 */
public record RecursiveRel(String name, RelSpec seed, RelSpec step, boolean all, int maxIterations) implements RelSpec {
    public RecursiveRel {
        RelChecks.requireName(name, "recursive relation name");
        requireNonNull(seed, "seed is null");
        requireNonNull(step, "step is null");
        if (maxIterations < 1) {
            throw new IllegalArgumentException("Recursive relation '" + name + "' needs an iteration bound of at least 1, got "
                    + maxIterations + ".");
        }
        if (seed.scannedRelations().contains(name)) {
            throw new IllegalArgumentException("The seed of recursive relation '" + name + "' scans '" + name
                    + "'; only the step may read the previous round.");
        }
        if (!RelRenderer.scansAnywhere(step, name)) {
            throw new IllegalArgumentException("The step of recursive relation '" + name + "' never scans '" + name
                    + "', so it does not recurse; use a union instead.");
        }
    }

    /** A set fixpoint (duplicates removed), the terminating form. */
    public static RecursiveRel fixpoint(String name, RelSpec seed, RelSpec step, int maxIterations) {
        return new RecursiveRel(name, seed, step, false, maxIterations);
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(seed, step);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 2, "recursive relation");
        return new RecursiveRel(name, inputs.get(0), inputs.get(1), all, maxIterations);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitRecursive(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
