package io.codeanatomy.api.rel;

import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * Adds the relations {@code node} scans; inside the step of a {@link RecursiveRel} its own name
     * is the previous round, not a relation, and is left out, as are the delta and total names
     * inside the step of a {@link SemiNaiveRel}.
     */
    static void collectScans(RelSpec node, Set<String> names) {
        if (node instanceof ScanRel scan) {
            names.add(scan.relation());
        }
        if (node instanceof RecursiveRel recursive) {
            collectScans(recursive.seed(), names);
            Set<String> inStep = new TreeSet<>();
            collectScans(recursive.step(), inStep);
            inStep.remove(recursive.name());
            names.addAll(inStep);
            return;
        }
        if (node instanceof SemiNaiveRel semiNaive) {
            collectScans(semiNaive.seed(), names);
            Set<String> inStep = new TreeSet<>();
            collectScans(semiNaive.step(), inStep);
            inStep.remove(semiNaive.deltaName());
            inStep.remove(semiNaive.totalName());
            inStep.remove(semiNaive.oldName());
            names.addAll(inStep);
            return;
        }
        for (RelSpec input : node.inputs()) {
            collectScans(input, names);
        }
    }

    /** Whether any scan in the tree reads {@code relation}, recursive names included. */
    static boolean scansAnywhere(RelSpec node, String relation) {
        if (node instanceof ScanRel scan && scan.relation().equals(relation)) {
            return true;
        }
        return node.inputs().stream().anyMatch(input -> scansAnywhere(input, relation));
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

    @Override
    public String visitUnionByName(UnionByNameRel union) {
        return "UnionByName(all=" + union.all() + ")";
    }

    @Override
    public String visitSetOp(SetOpRel setOp) {
        return "SetOp(op=" + setOp.op() + ", all=" + setOp.all() + ")";
    }

    @Override
    public String visitExists(ExistsRel exists) {
        return "Exists(negated=" + exists.negated() + ")";
    }

    @Override
    public String visitScalarSubquery(ScalarSubqueryRel scalar) {
        return "ScalarSubquery(name=" + scalar.name() + ")";
    }

    @Override
    public String visitUnnest(UnnestRel unnest) {
        return "Unnest(list=" + expr(unnest.list()) + ", element=" + unnest.element()
                + unnest.ordinality().map(o -> ", ordinality=" + o).orElse("") + ")";
    }

    @Override
    public String visitWindow(WindowRel window) {
        return "Window(calls=" + join(window.calls(), c -> typed ? c.canonical() : c.toString()) + ")";
    }

    @Override
    public String visitRecursive(RecursiveRel recursive) {
        return "Recursive(name=" + recursive.name() + ", all=" + recursive.all() + ", maxIterations=" + recursive.maxIterations() + ")";
    }

    @Override
    public String visitSemiNaive(SemiNaiveRel semiNaive) {
        return "SemiNaive(delta=" + semiNaive.deltaName() + ", total=" + semiNaive.totalName() + ", maxIterations="
                + semiNaive.maxIterations() + (semiNaive.bounds().isEmpty() ? "" : ", bounds=" + semiNaive.bounds()) + ")";
    }
}
