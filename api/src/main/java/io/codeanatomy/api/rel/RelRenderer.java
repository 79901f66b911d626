package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders {@link RelSpec} trees as indented text, one operator per line, like Calcite's EXPLAIN. */
final class RelRenderer implements RelSpecVisitor<String> {
    private final boolean typed;

    private RelRenderer(boolean typed) {
        this.typed = typed;
    }

    static String render(RelSpec root, boolean typed) {
        StringBuilder out = new StringBuilder();
        append(out, root, 0, new RelRenderer(typed));
        return out.toString();
    }

    static void collectScans(RelSpec node, Set<String> names) {
        if (node instanceof ScanRel) {
            names.add(((ScanRel) node).relation());
        }
        for (RelSpec input : node.inputs()) {
            collectScans(input, names);
        }
    }

    private static void append(StringBuilder out, RelSpec node, int depth, RelRenderer renderer) {
        out.append("  ".repeat(depth)).append(node.accept(renderer)).append('\n');
        for (RelSpec input : node.inputs()) {
            append(out, input, depth + 1, renderer);
        }
    }

    private String expr(Field<?> field) {
        return typed ? Exprs.canonical(field) : field.toString();
    }

    private String named(List<NamedField<?>> fields) {
        return join(fields, f -> expr(f.field()) + " AS " + f.name());
    }

    private static <T> String join(List<T> items, Function<T, String> text) {
        return items.stream().map(text).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String visitScan(ScanRel scan) {
        return "Scan(relation=" + scan.relation() + ", alias=" + scan.alias() + ")";
    }

    @Override
    public String visitFilter(FilterRel filter) {
        return "Filter(condition=" + expr(filter.condition()) + ")";
    }

    @Override
    public String visitProject(ProjectRel project) {
        return "Project(fields=" + named(project.fields()) + ")";
    }

    @Override
    public String visitJoin(JoinRel join) {
        return "Join(type=" + join.type() + ", condition=" + expr(join.condition()) + ")";
    }

    @Override
    public String visitUnion(UnionRel union) {
        return "Union(all=" + union.all() + ")";
    }

    @Override
    public String visitAggregate(AggregateRel aggregate) {
        return "Aggregate(groupKeys=" + named(aggregate.groupKeys()) + ", calls="
                + join(aggregate.calls(), c -> typed ? c.canonical() : c.toString()) + ")";
    }

    @Override
    public String visitSort(SortRel sort) {
        return "Sort(keys=" + join(sort.keys(), k -> typed ? k.canonical() : k.toString()) + ")";
    }

    @Override
    public String visitLimit(LimitRel limit) {
        return "Limit(offset=" + limit.offset() + ", fetch=" + limit.fetch() + ")";
    }

    @Override
    public String visitAlias(AliasRel alias) {
        return "Alias(alias=" + alias.alias() + ")";
    }

    @Override
    public String visitTopPerGroup(TopPerGroupRel top) {
        return "TopPerGroup(partitionBy=" + join(top.partitionBy(), this::expr) + ", orderBy="
                + join(top.orderBy(), k -> typed ? k.canonical() : k.toString()) + ", count=" + top.count() + ")";
    }
}
