package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
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
 * differentiated copies) reaches. Every branch of the input's union (nested unions flattened,
 * row-wise projections above the union kept above it) is generated into the {@code apply} method of
 * an anonymous class of its own, and the method the plan is in only concatenates their results.
 * Duplicates the concatenation keeps where a distinct union would drop them do not matter: the
 * fixpoint keeps each row once.
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
        EnumerableRel union = unionUnderProjections(input);
        if (union == null) {
            return append(builder, implementor.visitChild(parent, ordinal, input, EnumerableRel.Prefer.ARRAY));
        }
        List<Expression> branches = new ArrayList<>();
        flatten((EnumerableUnion) union, branches);
        Expression concatenated = builder.append("branches", Expressions.call(CONCAT, Expressions.newArrayInit(Enumerable.class, branches)));
        if (union == input) {
            return concatenated;
        }
        // The projections above the union are generated as they are, over a leaf giving the branches' rows.
        RelNode above = replace(input, union, new Rows(union.getCluster(), union.getTraitSet(), union.getRowType(), concatenated));
        return append(builder, implementor.visitChild(null, 0, (EnumerableRel) above, EnumerableRel.Prefer.ARRAY));
    }

    private static Expression append(BlockBuilder builder, EnumerableRel.Result result) {
        return result.physType.convertTo(builder.append("rows", result.block), JavaRowFormat.ARRAY);
    }

    private void flatten(EnumerableUnion union, List<Expression> branches) {
        for (int i = 0; i < union.getInputs().size(); i++) {
            EnumerableRel branch = (EnumerableRel) union.getInput(i);
            if (branch instanceof EnumerableUnion nested) {
                flatten(nested, branches);
            } else {
                branches.add(inOwnMethod(implementor.visitChild(union, i, branch, EnumerableRel.Prefer.ARRAY)));
            }
        }
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

    /** The union below {@code node} through row-wise projections only, or null. */
    private static EnumerableRel unionUnderProjections(EnumerableRel node) {
        RelNode current = node;
        while (current instanceof EnumerableCalc || current instanceof EnumerableProject) {
            current = current.getInput(0);
        }
        return current instanceof EnumerableUnion union ? union : null;
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
