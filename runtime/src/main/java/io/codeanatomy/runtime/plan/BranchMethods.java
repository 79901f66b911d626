package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.function.Function0;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Implements an input of a fixpoint so that the generated code does not grow with its rule count in
 * one method: Calcite writes a whole plan into one {@code bind} method, and Janino refuses a method
 * beyond the JVM's 64 KB, which a points-to step of a few dozen rules (each a union of its
 * differentiated copies) reaches. Every branch of the input's {@code UNION ALL} (nested ones
 * flattened, operators above a union, such as the cast projection and the metering nodes, kept
 * above it) is generated into the {@code apply} method of an anonymous class of its own, and the
 * method the plan is in only concatenates their results.
 */
final class BranchMethods {
    private static final Method CONCAT = Types.lookupMethod(SemiNaiveEvaluation.class, "concat", Enumerable[].class);

    private final EnumerableRelImplementor implementor;

    BranchMethods(EnumerableRelImplementor implementor) {
        this.implementor = requireNonNull(implementor, "implementor is null");
    }

    /**
     * The rows of {@code input}, the {@code ordinal}th input of {@code parent}, as an expression of
     * an {@code Enumerable} of arrays; what computes it is appended to {@code builder}. Only the
     * union's branches get methods of their own: Janino passes an anonymous class every local
     * variable of the enclosing method that it or a class nested in it reads (the plan's stashed
     * operator counters among them), so one class around all branches would take thousands of
     * constructor parameters, past the JVM's 255.
     */
    Expression rows(BlockBuilder builder, EnumerableRel parent, int ordinal, EnumerableRel input) {
        if (unionBelow(input) == null) {
            return append(builder, implementor.visitChild(parent, ordinal, input, EnumerableRel.Prefer.ARRAY));
        }
        return split(builder, input);
    }

    /**
     * The rows of a {@code UNION ALL}, or of a chain of single-input operators over one (the cast
     * projection, the per-operator metering nodes): each branch in a method of its own (a branch
     * that is such a chain itself split in turn), the branches concatenated in order, which is
     * what the union gives, and the operators above generated as they are over a leaf giving the
     * concatenation.
     */
    private Expression split(BlockBuilder builder, EnumerableRel node) {
        EnumerableUnion union = unionBelow(node);
        List<Expression> branches = new ArrayList<>();
        for (int i = 0; i < union.getInputs().size(); i++) {
            EnumerableRel branch = (EnumerableRel) union.getInput(i);
            branches.add(unionBelow(branch) != null
                    ? split(builder, branch)
                    : inOwnMethod(implementor.visitChild(union, i, branch, EnumerableRel.Prefer.ARRAY)));
        }
        Expression concatenated = builder.append("branches", Expressions.call(CONCAT, Expressions.newArrayInit(Enumerable.class, branches)));
        if (union == node) {
            return concatenated;
        }
        RelNode above = replace(node, union, new Rows(union.getCluster(), union.getTraitSet(), union.getRowType(), concatenated));
        return append(builder, implementor.visitChild(null, 0, (EnumerableRel) above, EnumerableRel.Prefer.ARRAY));
    }

    private static Expression append(BlockBuilder builder, EnumerableRel.Result result) {
        return result.physType.convertTo(builder.append("rows", result.block), JavaRowFormat.ARRAY);
    }

    /** {@code (Enumerable) new Function0() { public Object apply() { <result's block>; return rows; } }.apply()}. */
    private static Expression inOwnMethod(EnumerableRel.Result result) {
        BlockBuilder body = new BlockBuilder();
        Expression rows = result.physType.convertTo(body.append("rows", result.block), JavaRowFormat.ARRAY);
        body.add(Expressions.return_(null, rows));
        Expression function = Expressions.new_(Function0.class, List.of(),
                List.of(Expressions.methodDecl(Modifier.PUBLIC, Object.class, "apply", List.of(), body.toBlock())));
        return Expressions.convert_(Expressions.call(function, "apply"), Enumerable.class);
    }

    /**
     * The {@code UNION ALL} that {@code node} is or stands on through single-input operators, or
     * null. Only a union that keeps duplicates: its rows are exactly the concatenation, so any
     * operator above sees what it saw before.
     */
    private static EnumerableUnion unionBelow(RelNode node) {
        RelNode current = node;
        while (!(current instanceof EnumerableUnion) && current.getInputs().size() == 1) {
            current = current.getInput(0);
        }
        return current instanceof EnumerableUnion union && union.all ? union : null;
    }

    private static RelNode replace(RelNode node, RelNode target, RelNode replacement) {
        if (node == target) {
            return replacement;
        }
        return node.copy(node.getTraitSet(), List.of(replace(node.getInput(0), target, replacement)));
    }

    /** A leaf whose rows an expression computed before it gives, in the array format. */
    private static final class Rows extends AbstractRelNode implements EnumerableRel {
        private final Expression rows;

        Rows(RelOptCluster cluster, RelTraitSet traits, RelDataType rowType, Expression rows) {
            super(cluster, traits.replace(EnumerableConvention.INSTANCE));
            this.rowType = rowType;
            this.rows = rows;
        }

        @Override
        public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
            PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
            return implementor.result(physType, Blocks.toBlock(rows));
        }

        @Override
        public RelWriter explainTerms(RelWriter pw) {
            return super.explainTerms(pw).item("rows", "branches");
        }
    }
}
