package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.Condition;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An immutable relational operator tree: the body of a view, which the runtime compiles with
 * Calcite's {@code RelBuilder}. Leaves are {@link ScanRel}s of input relations or other views.
 *
 * <p>Column references ({@code Exprs.col(relation, name, type)}) resolve by qualifier: a scan
 * makes its columns visible under its alias; filters, sorts and limits keep qualifiers; a join
 * exposes both sides' qualifiers; a project, aggregate or union produces new unqualified columns,
 * which an {@link AliasRel} can name again. Unqualified references resolve by column name.
 *
 * <pre>{@code
 * RelSpec body = RelSpec.scan("defs", "d")
 *     .join(RelSpec.scan("scopes", "s"), JoinType.INNER, Spans.contains("s", "d"))
 *     .project(Exprs.col("d", "name", DataType.STRING).as("name"),
 *              Exprs.col("s", "scope_id", DataType.INT64).as("scope_id"));
 * }</pre>
 */
public sealed interface RelSpec permits ScanRel, FilterRel, ProjectRel, JoinRel, UnionRel, AggregateRel, SortRel, LimitRel, AliasRel, TopPerGroupRel,
        UnionByNameRel, SetOpRel, ExistsRel, ScalarSubqueryRel, UnnestRel, WindowRel, RecursiveRel,
        SemiNaiveRel {

    /** Direct inputs, left to right. */
    List<RelSpec> inputs();

    /** A node of the same kind and parameters over {@code inputs} (same count). */
    RelSpec withInputs(List<RelSpec> inputs);

    <R> R accept(RelSpecVisitor<R> visitor);

    /** Reads all rows of an input relation or view, visible under its own name. */
    static ScanRel scan(String relation) {
        return new ScanRel(relation, relation);
    }

    /** Reads all rows of an input relation or view, visible under {@code alias}. */
    static ScanRel scan(String relation, String alias) {
        return new ScanRel(relation, alias);
    }

    /** {@code UNION ALL} (duplicates kept) of inputs with the same column names and types. */
    static UnionRel unionAll(RelSpec... inputs) {
        return new UnionRel(true, Arrays.asList(inputs));
    }

    /** {@code UNION} (duplicates removed) of inputs with the same column names and types. */
    static UnionRel unionDistinct(RelSpec... inputs) {
        return new UnionRel(false, Arrays.asList(inputs));
    }

    /** {@code UNION ALL} by column name: missing columns are NULL (see {@link UnionByNameRel}). */
    static UnionByNameRel unionAllByName(RelSpec... inputs) {
        return new UnionByNameRel(true, Arrays.asList(inputs));
    }

    /** {@code UNION} (duplicates removed) by column name: missing columns are NULL. */
    static UnionByNameRel unionDistinctByName(RelSpec... inputs) {
        return new UnionByNameRel(false, Arrays.asList(inputs));
    }

    /** {@code INTERSECT} (a set) of inputs with the same column names and types. */
    static SetOpRel intersect(RelSpec... inputs) {
        return new SetOpRel(SetOpKind.INTERSECT, false, Arrays.asList(inputs));
    }

    /** {@code EXCEPT} (a set): rows of the first input in none of the others. */
    static SetOpRel except(RelSpec... inputs) {
        return new SetOpRel(SetOpKind.EXCEPT, false, Arrays.asList(inputs));
    }

    default FilterRel filter(Condition condition) {
        return new FilterRel(this, condition);
    }

    default ProjectRel project(NamedField<?>... fields) {
        return new ProjectRel(this, Arrays.asList(fields));
    }

    default ProjectRel project(List<? extends NamedField<?>> fields) {
        return new ProjectRel(this, List.copyOf(fields));
    }

    default JoinRel join(RelSpec right, JoinType type, Condition condition) {
        return new JoinRel(this, right, type, condition);
    }

    default AggregateRel aggregate(List<? extends NamedField<?>> groupKeys, List<AggregateCall> calls) {
        return new AggregateRel(this, List.copyOf(groupKeys), calls);
    }

    default SortRel sort(SortKey... keys) {
        return new SortRel(this, Arrays.asList(keys));
    }

    default LimitRel limit(long fetch) {
        return new LimitRel(this, 0, fetch);
    }

    default LimitRel limit(long offset, long fetch) {
        return new LimitRel(this, offset, fetch);
    }

    /** Keeps the first {@code count} rows per group of {@code partitionBy}, in {@code orderBy} order. */
    default TopPerGroupRel topPerGroup(List<? extends Field<?>> partitionBy, long count, SortKey... orderBy) {
        return new TopPerGroupRel(this, List.copyOf(partitionBy), Arrays.asList(orderBy), count);
    }

    /** Keeps the rows for which {@code subquery} (possibly correlated) returns a row. */
    default ExistsRel whereExists(RelSpec subquery) {
        return new ExistsRel(this, subquery, false);
    }

    /** Keeps the rows for which {@code subquery} (possibly correlated) returns no row. */
    default ExistsRel whereNotExists(RelSpec subquery) {
        return new ExistsRel(this, subquery, true);
    }

    /** Appends the value of a one-column, at-most-one-row {@code subquery} as column {@code name}. */
    default ScalarSubqueryRel withScalar(String name, RelSpec subquery) {
        return new ScalarSubqueryRel(this, subquery, name);
    }

    /** One row per element of {@code list}, the element in column {@code element}. */
    default UnnestRel unnest(Field<?> list, String element) {
        return new UnnestRel(this, list, element, Optional.empty());
    }

    /** One row per element of {@code list}, with the element's 1-based position in {@code ordinality}. */
    default UnnestRel unnestWithOrdinality(Field<?> list, String element, String ordinality) {
        return new UnnestRel(this, list, element, Optional.of(ordinality));
    }

    /** Appends window function columns. */
    default WindowRel window(WindowCall... calls) {
        return new WindowRel(this, Arrays.asList(calls));
    }

    default AliasRel as(String alias) {
        return new AliasRel(this, alias);
    }

    /** Names of every relation or view scanned anywhere in this tree, sorted. */
    default SortedSet<String> scannedRelations() {
        SortedSet<String> names = new TreeSet<>();
        RelRenderer.collectScans(this, names);
        return names;
    }

    /**
     * Canonical multi-line text of the tree (one operator per line, inputs indented, every
     * expression typed); equal trees give equal text on every JVM. Used for spec hashing.
     */
    default String canonical() {
        return RelRenderer.render(this, true);
    }
}
