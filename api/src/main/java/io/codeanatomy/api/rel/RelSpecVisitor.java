package io.codeanatomy.api.rel;

/**
 * Visits one node of a {@link RelSpec} tree. {@link RelSpec} is sealed, so a visitor with every
 * method handles every tree; recursion into {@link RelSpec#inputs()} is up to the visitor.
 */
public interface RelSpecVisitor<R> {
    R visitScan(ScanRel scan);

    R visitFilter(FilterRel filter);

    R visitProject(ProjectRel project);

    R visitJoin(JoinRel join);

    R visitUnion(UnionRel union);

    R visitAggregate(AggregateRel aggregate);

    R visitSort(SortRel sort);

    R visitLimit(LimitRel limit);

    R visitAlias(AliasRel alias);

    R visitTopPerGroup(TopPerGroupRel topPerGroup);

    R visitUnionByName(UnionByNameRel union);

    R visitSetOp(SetOpRel setOp);

    R visitExists(ExistsRel exists);

    R visitScalarSubquery(ScalarSubqueryRel scalar);

    R visitUnnest(UnnestRel unnest);

    R visitWindow(WindowRel window);

    R visitRecursive(RecursiveRel recursive);

    /**
     * A default, so that visitors written before {@link SemiNaiveRel} existed still compile and
     * link; they reject the form.
     */
    default R visitSemiNaive(SemiNaiveRel semiNaive) {
        throw new UnsupportedOperationException(getClass().getName() + " does not handle semi-naive relations ('"
                + semiNaive.totalName() + "').");
    }
}
