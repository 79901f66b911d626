package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.AggregateRel;
import io.codeanatomy.api.rel.AliasRel;
import io.codeanatomy.api.rel.FilterRel;
import io.codeanatomy.api.rel.JoinRel;
import io.codeanatomy.api.rel.LimitRel;
import io.codeanatomy.api.rel.ProjectRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.RelSpecVisitor;
import io.codeanatomy.api.rel.ScanRel;
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.rel.SortRel;
import io.codeanatomy.api.rel.TopPerGroupRel;
import io.codeanatomy.api.rel.UnionRel;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.runtime.function.FunctionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Compiles a {@link SemanticSpec} into one RelNode DAG with {@link RelBuilder}. Every view and every
 * input relation becomes exactly one node, whatever the number of places that scan it, so a shared
 * view is computed by one subtree. Input relations are checked against their schema contracts and
 * outputs against theirs; a mismatch is an {@link IllegalArgumentException} naming the column.
 */
public final class SpecCompiler {
    private final FunctionRegistry functions;

    public SpecCompiler(FunctionRegistry functions) {
        this.functions = requireNonNull(functions, "functions is null");
    }

    /**
     * @param builder a builder whose schema has a table for each input relation of the spec, under
     *     the relation's name
     */
    public CompiledSpec compile(SemanticSpec spec, RelBuilder builder) {
        requireNonNull(spec, "spec is null");
        requireNonNull(builder, "builder is null");
        Compilation compilation = new Compilation(spec, builder);
        Map<String, RelNode> outputs = new LinkedHashMap<>();
        for (OutputTarget output : spec.outputs()) {
            RelNode root = compilation.relation(output.view());
            checkContract("output '" + output.name() + "'", root.getRowType(), output.schema(), true);
            outputs.put(output.name(), root);
        }
        return new CompiledSpec(spec, outputs, compilation.views);
    }

    /**
     * Checks a row type against a contract: every contract column present with its type, and, when
     * {@code exact}, no other columns and the contract's order. Nullability is the materializer's to
     * enforce on the actual rows, since Calcite's nullability inference is conservative.
     */
    static void checkContract(String what, RelDataType rowType, SchemaContract contract, boolean exact) {
        List<String> actualNames = rowType.getFieldNames();
        if (exact && !actualNames.equals(contract.columnNames())) {
            throw new IllegalArgumentException(what + " has columns " + actualNames + " but its contract declares "
                    + contract.columnNames());
        }
        for (ColumnContract column : contract.columns()) {
            RelDataTypeField field = rowType.getField(column.name(), true, false);
            if (field == null) {
                throw new IllegalArgumentException(what + " has no column '" + column.name() + "' (it has " + actualNames + ")");
            }
            Optional<?> actual = TypeMapping.toApi(field.getType());
            if (actual.isEmpty() || !actual.get().equals(column.type())) {
                throw new IllegalArgumentException(what + " column '" + column.name() + "' is "
                        + actual.map(Object::toString).orElse(field.getType().getFullTypeString())
                        + " but its contract declares " + column.type());
            }
        }
    }

    /** The state of one compilation: the memo of relations already built. */
    private final class Compilation implements RelSpecVisitor<Scope> {
        private final SemanticSpec spec;
        private final RelBuilder b;
        private final Map<String, RelNode> views = new LinkedHashMap<>();
        private final Map<String, RelNode> inputs = new HashMap<>();

        Compilation(SemanticSpec spec, RelBuilder b) {
            this.spec = spec;
            this.b = b;
        }

        /** The one node of a view or input relation, built on first use. */
        RelNode relation(String name) {
            RelNode built = views.containsKey(name) ? views.get(name) : inputs.get(name);
            if (built != null) {
                return built;
            }
            Optional<ViewDefinition> view = spec.view(name);
            if (view.isPresent()) {
                try {
                    view.get().body().accept(this);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("view '" + name + "': " + e.getMessage(), e);
                }
                RelNode node = b.build();
                views.put(name, node);
                return node;
            }
            InputRelation input = spec.input(name).orElseThrow(() -> new IllegalArgumentException(
                    "'" + name + "' is neither a view nor an input relation of spec '" + spec.name() + "'"));
            RelNode node;
            try {
                node = b.scan(name).build();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("input relation '" + name + "' is not registered in the session", e);
            }
            checkContract("input relation '" + name + "'", node.getRowType(), input.schema(), false);
            inputs.put(name, node);
            return node;
        }

        @Override
        public Scope visitScan(ScanRel scan) {
            RelNode node = relation(scan.relation());
            b.push(node);
            return Scope.qualified(scan.alias(), node.getRowType().getFieldNames());
        }

        @Override
        public Scope visitFilter(FilterRel filter) {
            Scope scope = filter.input().accept(this);
            b.filter(translator(scope).translate(filter.condition()));
            return scope;
        }

        @Override
        public Scope visitProject(ProjectRel project) {
            Scope scope = project.input().accept(this);
            RexTranslator translator = translator(scope);
            List<RexNode> nodes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (NamedField<?> field : project.fields()) {
                nodes.add(translator.translate(field.field()));
                names.add(field.name());
            }
            b.project(nodes, names, true);
            return Scope.unqualified(names);
        }

        @Override
        public Scope visitJoin(JoinRel join) {
            Scope left = join.left().accept(this);
            Scope right = join.right().accept(this);
            Scope both = left.join(right);
            RelDataType rowType = b.getTypeFactory().builder()
                    .addAll(b.peek(1).getRowType().getFieldList())
                    .addAll(b.peek(0).getRowType().getFieldList())
                    .uniquify()
                    .build();
            RexNode condition = new RexTranslator(b.getRexBuilder(), both, rowType, functions).translate(join.condition());
            JoinRelType type = switch (join.type()) {
                case INNER -> JoinRelType.INNER;
                case LEFT -> JoinRelType.LEFT;
                case RIGHT -> JoinRelType.RIGHT;
                case FULL -> JoinRelType.FULL;
                case SEMI -> JoinRelType.SEMI;
                case ANTI -> JoinRelType.ANTI;
            };
            b.join(type, condition);
            return type.projectsRight() ? both : left;
        }

        @Override
        public Scope visitUnion(UnionRel union) {
            Scope first = null;
            for (RelSpec input : union.inputs()) {
                Scope scope = input.accept(this);
                first = first == null ? scope : first;
            }
            b.union(union.all(), union.inputs().size());
            return Scope.unqualified(requireNonNull(first, "union input").names());
        }

        @Override
        public Scope visitAggregate(AggregateRel aggregate) {
            Scope scope = aggregate.input().accept(this);
            RexTranslator translator = translator(scope);
            List<RexNode> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (NamedField<?> key : aggregate.groupKeys()) {
                keys.add(translator.translate(key.field()));
                names.add(key.name());
            }
            List<RelBuilder.AggCall> calls = new ArrayList<>();
            for (AggregateCall call : aggregate.calls()) {
                calls.add(aggCall(call, translator));
                names.add(call.name());
            }
            b.aggregate(b.groupKey(keys), calls);
            b.rename(names);
            return Scope.unqualified(names);
        }

        private RelBuilder.AggCall aggCall(AggregateCall call, RexTranslator translator) {
            List<RexNode> args = new ArrayList<>();
            for (Field<?> argument : call.arguments()) {
                args.add(translator.translate(argument));
            }
            List<RexNode> order = sortKeys(call.orderBy(), translator);
            RelBuilder.AggCall agg = switch (call.kind()) {
                case COUNT -> b.count(call.distinct(), call.name(), args);
                case SUM -> b.sum(call.distinct(), call.name(), args.get(0));
                case MIN -> b.min(call.name(), args.get(0));
                case MAX -> b.max(call.name(), args.get(0));
                case COLLECT -> b.aggregateCall(SqlLibraryOperators.ARRAY_AGG, args).distinct(call.distinct()).as(call.name());
                case REGISTERED -> {
                    String name = call.function().orElseThrow();
                    SqlAggFunction function = functions.aggregate(name).orElseThrow(() -> new IllegalArgumentException(
                            "no aggregate function '" + name + "' is registered; registered: " + functions.aggregates().keySet()));
                    yield b.aggregateCall(function, args).distinct(call.distinct()).as(call.name());
                }
            };
            return order.isEmpty() ? agg : agg.sort(order);
        }

        @Override
        public Scope visitSort(SortRel sort) {
            Scope scope = sort.input().accept(this);
            b.sort(sortKeys(sort.keys(), translator(scope)));
            return scope;
        }

        @Override
        public Scope visitLimit(LimitRel limit) {
            Scope scope = limit.input().accept(this);
            b.limit(Math.toIntExact(limit.offset()), Math.toIntExact(limit.fetch()));
            return scope;
        }

        /** {@code ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..) <= count}, the rank column dropped again. */
        @Override
        public Scope visitTopPerGroup(TopPerGroupRel top) {
            Scope scope = top.input().accept(this);
            RexTranslator translator = translator(scope);
            List<RexNode> partition = new ArrayList<>();
            for (Field<?> key : top.partitionBy()) {
                partition.add(translator.translate(key));
            }
            int width = b.peek().getRowType().getFieldCount();
            RexNode rank = b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over()
                    .partitionBy(partition)
                    .orderBy(sortKeys(top.orderBy(), translator))
                    // RelBuilder's default frame runs to UNBOUNDED FOLLOWING; under it Enumerable's
                    // ROW_NUMBER let every row pass the rank filter.
                    .rowsTo(RexWindowBounds.CURRENT_ROW)
                    .toRex();
            b.projectPlus(rank);
            b.filter(b.lessThanOrEqual(b.field(width), b.literal(top.count())));
            b.project(b.fields(ImmutableBitSet.range(width)));
            return scope;
        }

        @Override
        public Scope visitAlias(AliasRel alias) {
            return alias.input().accept(this).alias(alias.alias());
        }

        private List<RexNode> sortKeys(List<SortKey> keys, RexTranslator translator) {
            List<RexNode> nodes = new ArrayList<>();
            for (SortKey key : keys) {
                RexNode node = translator.translate(key.field());
                node = key.descending() ? b.desc(node) : node;
                nodes.add(key.nullsFirst() ? b.nullsFirst(node) : b.nullsLast(node));
            }
            return nodes;
        }

        private RexTranslator translator(Scope scope) {
            return new RexTranslator(b.getRexBuilder(), scope, b.peek().getRowType(), functions);
        }
    }
}
