package io.codeanatomy.api.rel;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A recursive relation evaluated semi-naively: the rows of {@code seed}, then rounds of
 * {@code step} until a round derives no new row or {@code maxIterations} rounds ran. Inside the
 * step, {@code RelSpec.scan(deltaName, alias)} reads the rows that were new in the previous round
 * (the seed's rows in the first round) and {@code RelSpec.scan(totalName, alias)} every row derived
 * so far, that round's new rows included. Unlike {@link RecursiveRel}, whose step sees only the
 * previous round, this form can evaluate non-linear rules, which join the recursive relation with
 * itself: a rule {@code R :- A, B} over the recursive relation twice becomes
 * {@code delta(A) ⋈ total(B) ∪ old(A) ⋈ delta(B)} ({@link #differentiate} writes that union), where
 * {@code old}, read as {@link #oldName()}, is every row derived before the previous round: each
 * pair of rows of which at least one is new is joined once (with {@code total} on both sides the
 * pairs of two new rows were joined twice).
 *
 * <p>Set semantics: a row is kept once, in the order first derived (the seed's rows, then each
 * round's new rows). Columns are the seed's, unqualified; the step must produce the same number of
 * columns with the same types, in order. Reaching the bound stops with the rows derived so far
 * (the run metrics say so), so choose it above the longest derivation chain the data can have.
 *
 * <p>Inside the step {@code RelSpec.scan(oldName(), alias)} reads the rows derived before the
 * previous round: the total without the delta.
 *
 * @param deltaName the name under which {@code step} reads the previous round's new rows; it
 *     shadows any relation of that name inside {@code step}
 * @param totalName the name under which {@code step} reads every row so far; it shadows any
 *     relation of that name inside {@code step}
 * @param seed the starting rows; scans neither name
 * @param step the rows derived from the previous round; scans {@code deltaName}
 * @param maxIterations the most step rounds run, at least 1
 * @param bounds at most so many rows per group of the relation's rows ({@link GroupBound}); empty for none
 */
public record SemiNaiveRel(String deltaName, String totalName, RelSpec seed, RelSpec step, int maxIterations, List<GroupBound> bounds)
        implements RelSpec {
    public SemiNaiveRel {
        bounds = List.copyOf(requireNonNull(bounds, "bounds is null"));
        RelChecks.requireName(deltaName, "delta relation name");
        RelChecks.requireName(totalName, "total relation name");
        requireNonNull(seed, "seed is null");
        requireNonNull(step, "step is null");
        if (deltaName.equals(totalName)) {
            throw new IllegalArgumentException("Semi-naive relation '" + totalName
                    + "' uses one name for its delta and its total; give the delta a name of its own.");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("Semi-naive relation '" + totalName + "' needs an iteration bound of at least 1, got "
                    + maxIterations + ".");
        }
        for (String name : List.of(deltaName, totalName, oldNameOf(totalName))) {
            if (seed.scannedRelations().contains(name)) {
                throw new IllegalArgumentException("The seed of semi-naive relation '" + totalName + "' scans '" + name
                        + "'; only the step may read the delta, the total and the old rows.");
            }
        }
        if (!RelRenderer.scansAnywhere(step, deltaName)) {
            throw new IllegalArgumentException("The step of semi-naive relation '" + totalName + "' never scans its delta '" + deltaName
                    + "', so it would derive the same rows every round; read the delta in every rule of the step.");
        }
    }

    /**
     * The name under which {@code step} reads the rows derived before the previous round (the
     * total without the delta): {@code totalName + "$old"}; it shadows any relation of that name
     * inside {@code step}.
     */
    public String oldName() {
        return oldNameOf(totalName);
    }

    /** A semi-naive relation without bounds. */
    public SemiNaiveRel(String deltaName, String totalName, RelSpec seed, RelSpec step, int maxIterations) {
        this(deltaName, totalName, seed, step, maxIterations, List.of());
    }

    /** This relation with {@code bounds} instead of its own. */
    public SemiNaiveRel bounded(List<GroupBound> bounds) {
        return new SemiNaiveRel(deltaName, totalName, seed, step, maxIterations, bounds);
    }

    /**
     * A semi-naive fixpoint whose step reads every row so far as {@code name} and the previous
     * round's new rows as {@code name + "$delta"}.
     */
    public static SemiNaiveRel fixpoint(String name, RelSpec seed, RelSpec step, int maxIterations) {
        return new SemiNaiveRel(deltaNameOf(name), name, seed, step, maxIterations);
    }

    /**
     * A semi-naive fixpoint from rules written naively, each reading the whole relation as
     * {@code name}: every rule becomes its {@link #differentiate differentiated} form, and the
     * step is their union (by position). A rule that never scans {@code name} belongs in the seed.
     *
     * @param rules at least one rule, each with the seed's columns
     */
    public static SemiNaiveRel ofRules(String name, RelSpec seed, List<RelSpec> rules, int maxIterations) {
        RelChecks.requireName(name, "semi-naive relation name");
        requireNonNull(rules, "rules is null");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("Semi-naive relation '" + name + "' has no recursive rule; it is its seed.");
        }
        List<RelSpec> steps = new ArrayList<>();
        for (RelSpec rule : rules) {
            steps.add(differentiate(rule, name, deltaNameOf(name), name, oldNameOf(name)));
        }
        RelSpec step = steps.size() == 1 ? steps.get(0) : new UnionRel(true, steps);
        return new SemiNaiveRel(deltaNameOf(name), name, seed, step, maxIterations);
    }

    /**
     * The semi-naive form of a rule that reads the recursive relation as {@code relation} one or
     * more times: the union (by position, duplicates kept; the fixpoint drops them) of one copy
     * per scan of {@code relation}, in which that scan reads {@code deltaName} and the others
     * {@code totalName}, aliases unchanged. Every row the rule derives from at least one new row
     * comes out of some copy.
     *
     * @throws IllegalArgumentException if the rule never scans {@code relation}
     */
    public static RelSpec differentiate(RelSpec rule, String relation, String deltaName, String totalName) {
        return differentiate(rule, relation, deltaName, totalName, totalName);
    }

    /**
     * As {@link #differentiate(RelSpec, String, String, String)}, but in the copy where scan
     * {@code i} reads the delta, the scans before it (in tree order) read {@code oldName}, the rows
     * derived before the previous round, so that a row the rule derives from two new rows comes out
     * of one copy, not of each ({@code delta(A) ⋈ total(B) ∪ old(A) ⋈ delta(B)}). Only when every
     * scan of {@code relation} is where more rows can only give more rows (under filters,
     * projections, unions, inner joins and the preserved side of outer, semi and anti joins);
     * otherwise they read {@code totalName}, as the four-argument form has them.
     */
    public static RelSpec differentiate(RelSpec rule, String relation, String deltaName, String totalName, String oldName) {
        requireNonNull(rule, "rule is null");
        RelChecks.requireName(relation, "relation name");
        RelChecks.requireName(deltaName, "delta relation name");
        RelChecks.requireName(totalName, "total relation name");
        RelChecks.requireName(oldName, "old relation name");
        int occurrences = countScans(rule, relation);
        if (occurrences == 0) {
            throw new IllegalArgumentException("The rule never scans '" + relation + "', so it is not recursive; put it into the seed.");
        }
        String before = monotone(rule, relation) ? oldName : totalName;
        List<RelSpec> copies = new ArrayList<>();
        for (int i = 0; i < occurrences; i++) {
            copies.add(rename(rule, relation, deltaName, totalName, before, i, new int[1]));
        }
        return copies.size() == 1 ? copies.get(0) : new UnionRel(true, copies);
    }

    /**
     * Whether every scan of {@code relation} in {@code node} sits where more rows of it can only add
     * rows to the result: under filters, projections, aliases, unions, either side of an inner join
     * and the preserved side of a left, right, semi or anti join. Anything else (aggregates, limits,
     * sub-queries, the null-filled side of an outer join, the rows an anti join excludes) is not.
     */
    private static boolean monotone(RelSpec node, String relation) {
        if (node instanceof ScanRel || countScans(node, relation) == 0) {
            return true;
        }
        if (node instanceof FilterRel || node instanceof ProjectRel || node instanceof AliasRel || node instanceof UnionRel) {
            return node.inputs().stream().allMatch(input -> monotone(input, relation));
        }
        if (node instanceof JoinRel join) {
            boolean left = switch (join.type()) {
                case INNER, LEFT, SEMI, ANTI -> monotone(join.left(), relation);
                case RIGHT, FULL -> countScans(join.left(), relation) == 0;
            };
            boolean right = switch (join.type()) {
                case INNER, RIGHT, SEMI -> monotone(join.right(), relation);
                case LEFT, FULL, ANTI -> countScans(join.right(), relation) == 0;
            };
            return left && right;
        }
        return false;
    }

    private static String oldNameOf(String totalName) {
        return totalName + "$old";
    }

    private static String deltaNameOf(String name) {
        RelChecks.requireName(name, "semi-naive relation name");
        return name + "$delta";
    }

    private static int countScans(RelSpec node, String relation) {
        int here = node instanceof ScanRel scan && scan.relation().equals(relation) ? 1 : 0;
        for (RelSpec input : node.inputs()) {
            here += countScans(input, relation);
        }
        return here;
    }

    /**
     * The tree with its scans of {@code relation} renamed: number {@code delta} (in tree order) to
     * the delta, those before it to {@code before}, those after it to the total.
     */
    private static RelSpec rename(RelSpec node, String relation, String deltaName, String totalName, String before, int delta, int[] seen) {
        if (node instanceof ScanRel scan) {
            if (!scan.relation().equals(relation)) {
                return scan;
            }
            int number = seen[0]++;
            return new ScanRel(number == delta ? deltaName : number < delta ? before : totalName, scan.alias());
        }
        if (node.inputs().isEmpty()) {
            return node;
        }
        List<RelSpec> inputs = new ArrayList<>();
        for (RelSpec input : node.inputs()) {
            inputs.add(rename(input, relation, deltaName, totalName, before, delta, seen));
        }
        return node.withInputs(inputs);
    }

    @Override
    public List<RelSpec> inputs() {
        return List.of(seed, step);
    }

    @Override
    public RelSpec withInputs(List<RelSpec> inputs) {
        RelChecks.requireInputs(inputs, 2, "semi-naive relation");
        return new SemiNaiveRel(deltaName, totalName, inputs.get(0), inputs.get(1), maxIterations, bounds);
    }

    @Override
    public <R> R accept(RelSpecVisitor<R> visitor) {
        return visitor.visitSemiNaive(this);
    }

    @Override
    public String toString() {
        return RelRenderer.render(this, false);
    }
}
