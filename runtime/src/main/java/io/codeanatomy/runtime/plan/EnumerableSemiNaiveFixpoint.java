package io.codeanatomy.runtime.plan;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;

/**
 * Runs a semi-naive fixpoint in generated code: the seed and the step are compiled like any other
 * inputs, each branch of their unions (each rule) into a method of its own ({@link BranchMethods}), and {@link SemiNaiveEvaluation#evaluate} re-enumerates the step once per round after
 * setting the delta and total tables its {@link SpoolScan}s read. Calcite's {@code RepeatUnion}
 * cannot do this: its step sees only the previous round, never the rows so far. The code is
 * generated for a copy of the step that keeps its joins' lookups across rounds ({@link MemoRows})
 * and reads the delta and the total through indexes where a filter requires constant values
 * ({@link IndexedScan}); neither changes which rows the step gives, nor their order. It also builds
 * joins on their static side ({@link #staticSideBuilt}), which gives the same rows in another order
 * within a join's output (by probe row), the same order on every run: with group bounds, which rows
 * a group that fills keeps follows that order (the standard library's tables came out identical), and
 * leaves a join whose kept lookup is empty unread ({@link KeptLookupProbe}).
 */
public final class EnumerableSemiNaiveFixpoint extends SemiNaiveFixpoint implements EnumerableRel {

    /** The physical rule choosing this operator for a {@link LogicalSemiNaiveFixpoint}. */
    public static final RelOptRule RULE = ConverterRule.Config.INSTANCE
            .withConversion(LogicalSemiNaiveFixpoint.class, Convention.NONE, EnumerableConvention.INSTANCE, "SemiNaiveFixpointRule")
            .withRuleFactory(Rule::new)
            .toRule(ConverterRule.class);

    private static final Method EVALUATE = Types.lookupMethod(SemiNaiveEvaluation.class, "evaluate",
            Enumerable.class, Enumerable.class, SemiNaiveTables.class, int.class);

    EnumerableSemiNaiveFixpoint(RelOptCluster cluster, RelTraitSet traits, RelNode seed, RelNode step, SemiNaiveTables tables,
            int maxIterations) {
        super(cluster, traits, seed, step, tables, maxIterations);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new EnumerableSemiNaiveFixpoint(getCluster(), traitSet, inputs.get(0), inputs.get(1), tables(), maxIterations());
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = estimateRowCount(mq);
        return planner.getCostFactory().makeCost(rows, rows, 0);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        BlockBuilder builder = new BlockBuilder();
        // Each rule in a method of its own: one method for all would pass the JVM's 64 KB limit.
        BranchMethods methods = new BranchMethods(implementor);
        // The code is generated for a copy whose step keeps its joins' lookups from round to round.
        RelNode self = copy(getTraitSet(), List.of(getLeft(), generatedStep()));
        Expression seedRows = methods.rows(builder, (EnumerableRel) self, 0, (EnumerableRel) self.getInput(0));
        Expression stepRows = methods.rows(builder, (EnumerableRel) self, 1, (EnumerableRel) self.getInput(1));
        builder.add(Expressions.call(EVALUATE, seedRows, stepRows, implementor.stash(tables(), SemiNaiveTables.class),
                Expressions.constant(maxIterations())));
        // Rows are arrays even for one column, as the tables hold them.
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        return implementor.result(physType, builder.toBlock());
    }

    /** The step the code is generated for: kept lookups, indexed scans, lookups that keep the table's rows. */
    RelNode generatedStep() {
        return probed(absorbing(indexed(memoized(getRight()))));
    }

    /**
     * The step with the probe side of each inner hash join whose build side is a kept lookup read
     * through a {@link KeptLookupProbe}, which leaves it unread while the lookup is empty.
     */
    private static RelNode probed(RelNode node) {
        List<RelNode> inputs = new ArrayList<>(node.getInputs());
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            RelNode input = inputs.get(i);
            RelNode rewritten = probed(input);
            if (i == 0 && node instanceof EnumerableHashJoin join && join.getJoinType() == JoinRelType.INNER && !join.isSemiJoin()
                    && join.getRight() instanceof MemoRows) {
                rewritten = KeptLookupProbe.of(rewritten);
            }
            changed |= rewritten != input;
            inputs.set(i, rewritten);
        }
        return changed ? node.copy(node.getTraitSet(), inputs) : node;
    }

    /**
     * The step with the build side of each inner or left hash join kept across rounds
     * ({@link MemoRows}): a right input that reads neither table of the fixpoint is built once; on
     * the delta's path, one that reads the total (or the old rows) once is extended by that table's
     * new rows each round, and its own static build sides are kept too. Right inputs that read the
     * delta, or the total twice, are rebuilt each round as before.
     */
    private RelNode memoized(RelNode node) {
        return memoized(node, scans(node, tables().delta()));
    }

    private RelNode memoized(RelNode node, boolean deltaPath) {
        node = staticSideBuilt(node);
        List<RelNode> inputs = new ArrayList<>(node.getInputs());
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            RelNode input = inputs.get(i);
            RelNode rewritten;
            boolean buildSide = i == 1 && node instanceof EnumerableHashJoin join
                    && (join.getJoinType() == JoinRelType.INNER || join.getJoinType() == JoinRelType.LEFT);
            int totals = count(input, tables().total());
            int olds = count(input, tables().old());
            if (buildSide && !scans(input, tables().delta()) && totals + olds == 0) {
                rewritten = new MemoRows(input.getCluster(), input.getTraitSet(), input, tables().memo(null, shape((EnumerableHashJoin) node)));
            } else if (buildSide && deltaPath && !scans(input, tables().delta()) && totals + olds == 1) {
                rewritten = new MemoRows(input.getCluster(), input.getTraitSet(), memoized(input, false),
                        tables().memo(totals == 1 ? tables().total() : tables().old(), shape((EnumerableHashJoin) node)));
            } else {
                rewritten = memoized(input, deltaPath && scans(input, tables().delta()));
            }
            changed |= rewritten != input;
            inputs.set(i, rewritten);
        }
        return changed ? node.copy(node.getTraitSet(), inputs) : node;
    }

    /**
     * {@code node} with its inputs swapped under a projection that restores its columns when it is
     * an inner hash join whose probe (left) side reads neither table of the fixpoint and whose build
     * (right) side reads one of them; else {@code node}. Probed by the static side, such a join reads
     * all of it in every round (a spool of 166,000 implicit calls, 93 rounds, on the standard
     * library) against a table built of the fixpoint's rows; swapped, the static side is the build
     * side, kept across rounds ({@link #memoized}), and only the fixpoint's rows probe it.
     */
    private RelNode staticSideBuilt(RelNode node) {
        if (!(node instanceof EnumerableHashJoin join) || join.getJoinType() != JoinRelType.INNER || join.isSemiJoin()) {
            return node;
        }
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        if (readsFixpoint(left) || !readsFixpoint(right)) {
            return node;
        }
        int leftCount = left.getRowType().getFieldCount();
        int rightCount = right.getRowType().getFieldCount();
        RexNode condition = join.getCondition().accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int index = ref.getIndex();
                return new RexInputRef(index < leftCount ? rightCount + index : index - leftCount, ref.getType());
            }
        });
        EnumerableHashJoin swapped = EnumerableHashJoin.create(right, left, condition, join.getVariablesSet(), JoinRelType.INNER);
        List<RexNode> columns = new ArrayList<>();
        List<RelDataTypeField> fields = swapped.getRowType().getFieldList();
        for (int i = 0; i < leftCount + rightCount; i++) {
            int index = i < leftCount ? rightCount + i : i - leftCount;
            columns.add(new RexInputRef(index, fields.get(index).getType()));
        }
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        return EnumerableCalc.create(swapped, RexProgram.create(swapped.getRowType(), columns, null, join.getRowType(), rexBuilder));
    }

    private boolean readsFixpoint(RelNode node) {
        return scans(node, tables().delta()) || scans(node, tables().total()) || scans(node, tables().old());
    }

    /**
     * The step with each filter over the delta or the total that requires constant values in some
     * columns (a conjunct {@code column = 'literal'} or {@code column IN (...)} over text) reading
     * only the rows with those values ({@link IndexedScan}): each rule filters the delta by the
     * fact's tag and kind, and dozens of rules each scanned the whole delta every round.
     */
    private RelNode indexed(RelNode node) {
        return SelectedSpools.select(node, table -> table == tables().delta() || table == tables().total() || table == tables().old(), true);
    }

    /**
     * The step with each kept lookup over a calculation on a table's rows doing that calculation
     * itself ({@link MemoRows#absorbing}), so that it keeps the table's rows, not copies. After
     * {@link #indexed}: the scan under the calculation already reads through its index. The build
     * sides of hash joins that read the same scan through the same filter and look its rows up by
     * the same key expressions keep one lookup ({@link #absorbedShape}), whatever each projects.
     */
    private RelNode absorbing(RelNode node) {
        List<RelNode> inputs = new ArrayList<>(node.getInputs());
        boolean changed = false;
        for (int i = 0; i < inputs.size(); i++) {
            RelNode input = inputs.get(i);
            RelNode rewritten = input;
            if (input instanceof MemoRows memo) {
                List<Integer> keys = i == 1 && node instanceof EnumerableHashJoin join ? join.analyzeCondition().rightKeys : null;
                rewritten = memo.absorbing(keys == null ? null
                        : (scan, program) -> tables().memo(memo.memo().grows(), absorbedShape(scan, program, keys)));
            }
            rewritten = absorbing(rewritten);
            changed |= rewritten != input;
            inputs.set(i, rewritten);
        }
        return changed ? node.copy(node.getTraitSet(), inputs) : node;
    }

    /**
     * What an absorbing kept lookup holds: the rows of {@code scan} that the calculation's filter
     * keeps, by the values of its key columns, each as an expression of the scanned row (the
     * projections the join reads are left out: the lookup keeps the scanned rows themselves).
     */
    private static String absorbedShape(RelNode scan, RexProgram program, List<Integer> keys) {
        List<String> keyExpressions = new ArrayList<>();
        for (int key : keys) {
            keyExpressions.add(program.expandLocalRef(program.getProjectList().get(key)).toString());
        }
        String condition = program.getCondition() == null ? "TRUE" : program.expandLocalRef(program.getCondition()).toString();
        return "absorbed " + RelOptUtil.toString(scan) + " where " + condition + " by " + keyExpressions;
    }

    /** What a join's build side holds: its input's whole plan and the key columns it is looked up by. */
    private static String shape(EnumerableHashJoin join) {
        return RelOptUtil.toString(join.getRight()) + " by " + join.analyzeCondition().rightKeys;
    }

    private static boolean scans(RelNode node, FixpointTable table) {
        return count(node, table) > 0;
    }

    private static int count(RelNode node, FixpointTable table) {
        int n = node instanceof SpoolScan scan && scan.getTable().unwrap(SpooledRows.class) == table ? 1 : 0;
        for (RelNode input : node.getInputs()) {
            n += count(input, table);
        }
        return n;
    }

    private static final class Rule extends ConverterRule {
        Rule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalSemiNaiveFixpoint fixpoint = (LogicalSemiNaiveFixpoint) rel;
            RelTraitSet traits = fixpoint.getTraitSet().replace(EnumerableConvention.INSTANCE);
            return new EnumerableSemiNaiveFixpoint(fixpoint.getCluster(), traits,
                    convert(fixpoint.seed(), fixpoint.seed().getTraitSet().replace(EnumerableConvention.INSTANCE)),
                    convert(fixpoint.step(), fixpoint.step().getTraitSet().replace(EnumerableConvention.INSTANCE)),
                    fixpoint.tables(), fixpoint.maxIterations());
        }
    }
}
