package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.AggregateRel;
import io.codeanatomy.api.rel.AliasRel;
import io.codeanatomy.api.rel.ExistsRel;
import io.codeanatomy.api.rel.FilterRel;
import io.codeanatomy.api.rel.JoinRel;
import io.codeanatomy.api.rel.LimitRel;
import io.codeanatomy.api.rel.ProjectRel;
import io.codeanatomy.api.rel.RecursiveRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.rel.RelSpecVisitor;
import io.codeanatomy.api.rel.ScalarSubqueryRel;
import io.codeanatomy.api.rel.ScanRel;
import io.codeanatomy.api.rel.SemiNaiveRel;
import io.codeanatomy.api.rel.SetOpRel;
import io.codeanatomy.api.rel.SortKey;
import io.codeanatomy.api.rel.SortRel;
import io.codeanatomy.api.rel.TopPerGroupRel;
import io.codeanatomy.api.rel.UnionByNameRel;
import io.codeanatomy.api.rel.UnionRel;
import io.codeanatomy.api.rel.UnnestRel;
import io.codeanatomy.api.rel.WindowCall;
import io.codeanatomy.api.rel.WindowRel;
import io.codeanatomy.api.plan.PlanNodeKind;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.runtime.exec.RoundCountingTable;
import io.codeanatomy.runtime.function.FunctionRegistry;
import io.codeanatomy.runtime.plan.CanonicalStrings;
import io.codeanatomy.runtime.plan.GroupBounds;
import io.codeanatomy.runtime.plan.LogicalSemiNaiveFixpoint;
import io.codeanatomy.runtime.plan.SemiNaiveTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.Holder;
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
        Compilation compilation = new Compilation(spec, builder, new CanonicalStrings());
        Map<String, RelNode> outputs = new LinkedHashMap<>();
        for (OutputTarget output : spec.outputs()) {
            RelNode root = compilation.relation(output.view());
            checkContract("output '" + output.name() + "'", root.getRowType(), output.schema(), true);
            outputs.put(output.name(), root);
        }
        return new CompiledSpec(spec, outputs, compilation.views);
    }

    /**
     * Compiles {@code spec} into one DAG of fragments in which every view of
     * {@link SharedViews#of} is a spool: planned once as a fragment of its own, put into a table
     * that {@code spoolTables} creates, and scanned by every fragment that reads it, including from
     * subqueries and recursive steps.
     *
     * <p>Each fragment is built with a builder of its own from {@code builders}, so that fragments
     * on clusters of their own can be planned at the same time (a cluster's planner plans one tree
     * at a time).
     *
     * @param builders makes builders as {@link #compile} takes them; each must also resolve the
     *     names {@code spoolTables} returns
     */
    public CompiledDag compileDag(SemanticSpec spec, Supplier<RelBuilder> builders, SpoolTables spoolTables) {
        requireNonNull(spec, "spec is null");
        requireNonNull(builders, "builders is null");
        requireNonNull(spoolTables, "spoolTables is null");
        Compilation compilation = new Compilation(spec, builders.get(), spoolTables.strings());
        List<CompiledFragment> fragments = new ArrayList<>();
        for (String view : SharedViews.of(spec)) {
            compilation.startFragment(builders.get());
            RelNode root = compilation.relation(view);
            fragments.add(new CompiledFragment(view, PlanNodeKind.SPOOL, root, List.copyOf(compilation.reads)));
            compilation.spoolTables.put(view, spoolTables.create(view, root.getRowType()));
        }
        for (OutputTarget output : spec.outputs()) {
            compilation.startFragment(builders.get());
            RelNode root = compilation.relation(output.view());
            checkContract("output '" + output.name() + "'", root.getRowType(), output.schema(), true);
            fragments.add(new CompiledFragment(output.name(), PlanNodeKind.OUTPUT, root, List.copyOf(compilation.reads)));
        }
        return new CompiledDag(spec, fragments);
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

    /**
     * A recursive name visible in the step being built: the name, the table its scans read, that
     * table's row type, and the one scan of it, which every reference in the step shares (RepeatUnion
     * registers the table instance of one scan; a second instance would stay empty).
     */
    private static final class Recursion {
        final String name;
        final String tableName;
        final Table table;
        final RelDataType rowType;
        RelNode scan;

        Recursion(String name, String tableName, Table table, RelDataType rowType) {
            this.name = name;
            this.tableName = tableName;
            this.table = table;
            this.rowType = rowType;
        }
    }

    /** The state of one compilation: the memo of relations already built. */
    private final class Compilation implements RelSpecVisitor<Scope> {
        private final SemanticSpec spec;
        private RelBuilder b;
        private final Map<String, RelNode> views = new LinkedHashMap<>();
        private final Map<String, RelNode> inputs = new HashMap<>();
        /** The table of each spool made so far; a spooled view is read through it, never rebuilt. */
        private final Map<String, List<String>> spoolTables = new HashMap<>();
        /** The scan of each spool the fragment being built reads. */
        private final Map<String, RelNode> spools = new HashMap<>();
        /** Spools the fragment being built scans, in the order met. */
        private final Set<String> reads = new LinkedHashSet<>();
        /** Rows of enclosing relations visible to the subquery being built, innermost last. */
        private final List<Correlation> correlations = new ArrayList<>();
        /** Recursive relations whose step is being built, innermost last. */
        private final List<Recursion> recursions = new ArrayList<>();
        private int transientTables;
        /** Where the fixpoints' derived rows share their strings (with the spools', in a DAG). */
        private final CanonicalStrings strings;

        Compilation(SemanticSpec spec, RelBuilder b, CanonicalStrings strings) {
            this.spec = spec;
            this.b = b;
            this.strings = strings;
        }

        /**
         * Builds the next fragment with {@code builder}: the nodes built so far are on another
         * cluster, so views and inputs are built again when this fragment reaches them.
         */
        void startFragment(RelBuilder builder) {
            b = builder;
            views.clear();
            inputs.clear();
            spools.clear();
            reads.clear();
        }

        /** The one node of a view or input relation, built on first use. */
        RelNode relation(String name) {
            List<String> spoolTable = spoolTables.get(name);
            if (spoolTable != null) {
                reads.add(name);
                return spools.computeIfAbsent(name, view -> b.scan(spoolTable).build());
            }
            RelNode built = views.containsKey(name) ? views.get(name) : inputs.get(name);
            if (built != null) {
                return built;
            }
            Optional<ViewDefinition> view = spec.view(name);
            if (view.isPresent()) {
                // A view first reached from inside a subquery or a recursive step is still built on
                // its own: the enclosing rows and recursive names are not visible to its body.
                List<Correlation> enclosingRows = List.copyOf(correlations);
                List<Recursion> enclosingRecursions = List.copyOf(recursions);
                correlations.clear();
                recursions.clear();
                try {
                    view.get().body().accept(this);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("view '" + name + "': " + e.getMessage(), e);
                } finally {
                    correlations.addAll(enclosingRows);
                    recursions.addAll(enclosingRecursions);
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
            for (int i = recursions.size() - 1; i >= 0; i--) {
                Recursion recursion = recursions.get(i);
                if (recursion.name.equals(scan.relation())) {
                    if (recursion.scan == null) {
                        RelOptTable table = RelOptTableImpl.create(b.getRelOptSchema(), recursion.rowType, recursion.table,
                                ImmutableList.of(recursion.tableName));
                        recursion.scan = LogicalTableScan.create(b.getCluster(), table, List.of());
                    }
                    b.push(recursion.scan);
                    return Scope.qualified(scan.alias(), recursion.rowType.getFieldNames());
                }
            }
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
            Scope first = pushAll(union.inputs());
            b.union(union.all(), union.inputs().size());
            return Scope.unqualified(first.names());
        }

        /** Builds each input onto the stack, left to right; the first input's scope names the result. */
        private Scope pushAll(List<RelSpec> inputs) {
            Scope first = null;
            for (RelSpec input : inputs) {
                Scope scope = input.accept(this);
                first = first == null ? scope : first;
            }
            return requireNonNull(first, "set operation input");
        }

        @Override
        public Scope visitAggregate(AggregateRel aggregate) {
            Scope scope = aggregate.input().accept(this);
            RexTranslator translator = translator(scope);
            // Calcite puts the group keys in input-column order, not the order given: each key is
            // aliased and projected back into its declared place.
            List<RexNode> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> aliases = new ArrayList<>();
            for (NamedField<?> key : aggregate.groupKeys()) {
                String alias = "$key" + keys.size();
                keys.add(b.alias(translator.translate(key.field()), alias));
                aliases.add(alias);
                names.add(key.name());
            }
            List<RelBuilder.AggCall> calls = new ArrayList<>();
            for (AggregateCall call : aggregate.calls()) {
                calls.add(aggCall(call, translator));
                names.add(call.name());
            }
            b.aggregate(b.groupKey(keys), calls);
            List<RexNode> ordered = new ArrayList<>();
            aliases.forEach(alias -> ordered.add(b.field(alias)));
            for (int i = 0; i < calls.size(); i++) {
                ordered.add(b.field(keys.size() + i));
            }
            b.project(ordered, names, true);
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
            return new RexTranslator(b.getRexBuilder(), scope, b.peek().getRowType(), functions, correlations);
        }

        /**
         * Stacks inputs by column name: each input is built, then re-projected onto the union of all
         * names with NULLs of the column's type where it lacks one.
         */
        @Override
        public Scope visitUnionByName(UnionByNameRel union) {
            List<RelNode> built = new ArrayList<>();
            Map<String, RelDataType> columns = new LinkedHashMap<>();
            for (RelSpec input : union.inputs()) {
                input.accept(this);
                RelNode node = b.build();
                built.add(node);
                for (RelDataTypeField field : node.getRowType().getFieldList()) {
                    RelDataType previous = columns.get(field.getName());
                    if (previous != null && !TypeMapping.toApi(previous).equals(TypeMapping.toApi(field.getType()))) {
                        throw new IllegalArgumentException("union by name: column '" + field.getName() + "' is "
                                + describe(previous) + " in one input and " + describe(field.getType())
                                + " in another; cast one of them");
                    }
                    boolean nullable = previous == null ? field.getType().isNullable() : previous.isNullable() || field.getType().isNullable();
                    columns.put(field.getName(), b.getTypeFactory().createTypeWithNullability(field.getType(), nullable));
                }
            }
            List<String> names = List.copyOf(columns.keySet());
            for (RelNode node : built) {
                b.push(node);
                List<RexNode> fields = new ArrayList<>();
                for (String name : names) {
                    RelDataTypeField field = node.getRowType().getField(name, true, false);
                    RelDataType type = b.getTypeFactory().createTypeWithNullability(columns.get(name), true);
                    fields.add(field == null ? b.getRexBuilder().makeNullLiteral(type) : b.field(field.getIndex()));
                }
                b.project(fields, names, true);
            }
            b.union(union.all(), built.size());
            return Scope.unqualified(names);
        }

        @Override
        public Scope visitSetOp(SetOpRel setOp) {
            Scope first = pushAll(setOp.inputs());
            switch (setOp.op()) {
                case INTERSECT -> b.intersect(setOp.all(), setOp.inputs().size());
                case EXCEPT -> b.minus(setOp.all(), setOp.inputs().size());
            }
            return Scope.unqualified(first.names());
        }

        /**
         * {@code EXISTS} as a sub-query expression over a correlation variable of the input row; the
         * planner turns it into a (semi/anti) join before anything runs.
         */
        @Override
        public Scope visitExists(ExistsRel exists) {
            Scope scope = exists.input().accept(this);
            Holder<RexCorrelVariable> row = Holder.empty();
            b.variable(row);
            RexNode test = b.exists(inner -> subquery(exists.subquery(), scope, row.get()));
            b.filter(List.of(row.get().id), exists.negated() ? b.not(test) : test);
            return scope;
        }

        @Override
        public Scope visitScalarSubquery(ScalarSubqueryRel scalar) {
            Scope scope = scalar.input().accept(this);
            Holder<RexCorrelVariable> row = Holder.empty();
            b.variable(row);
            int width = b.peek().getRowType().getFieldCount();
            RexNode value = b.scalarQuery(inner -> {
                RelNode query = subquery(scalar.subquery(), scope, row.get());
                if (query.getRowType().getFieldCount() != 1) {
                    throw new IllegalArgumentException("scalar subquery '" + scalar.name() + "' produces "
                            + query.getRowType().getFieldNames() + "; it must produce exactly one column");
                }
                return query;
            });
            List<RexNode> fields = new ArrayList<>(b.fields(ImmutableBitSet.range(width)));
            fields.add(value);
            List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
            names.add(scalar.name());
            b.project(fields, names, true, List.of(row.get().id));
            return scope.plus(List.of(scalar.name()));
        }

        /** Builds a subquery body that may reference {@code outer}'s columns through {@code row}. */
        private RelNode subquery(RelSpec body, Scope outer, RexCorrelVariable row) {
            correlations.add(new Correlation(outer, row, row.getType()));
            try {
                body.accept(this);
                return b.build();
            } finally {
                correlations.remove(correlations.size() - 1);
            }
        }

        /**
         * {@code input CROSS JOIN UNNEST(list)}: a correlate whose right side uncollects the list of
         * the current left row.
         */
        @Override
        public Scope visitUnnest(UnnestRel unnest) {
            Scope scope = unnest.input().accept(this);
            RexNode list = translator(scope).translate(unnest.list());
            // A NULL list has no elements; Enumerable's uncollect cannot take one, so such rows go first.
            b.filter(b.isNotNull(list));
            Holder<RexCorrelVariable> row = Holder.empty();
            b.variable(row);
            RexNode perRow = list.accept(new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    return b.getRexBuilder().makeFieldAccess(row.get(), ref.getIndex());
                }
            });
            b.values(new String[] {"one"}, 1);
            b.project(List.of(perRow), List.of(unnest.element()), true);
            RelDataType element = requireNonNull(list.getType().getComponentType(), "list component type");
            // Calcite's uncollect flattens a struct element into one column per member (naming the
            // element makes the logical and Enumerable row types disagree); they are packed again.
            b.uncollect(element.isStruct() ? List.of() : List.of(unnest.element()), unnest.ordinality().isPresent());
            int members = b.peek().getRowType().getFieldCount() - (unnest.ordinality().isPresent() ? 1 : 0);
            List<RexNode> right = new ArrayList<>();
            right.add(members == 1 ? b.field(0)
                    : b.getRexBuilder().makeCall(element, SqlStdOperatorTable.ROW, b.fields(ImmutableBitSet.range(members))));
            List<String> added = new ArrayList<>(List.of(unnest.element()));
            unnest.ordinality().ifPresent(name -> {
                right.add(b.field(members));
                added.add(name);
            });
            b.project(right, added, true);
            Set<Integer> used = RelOptUtil.InputFinder.bits(list).asSet();
            List<RexNode> required = new ArrayList<>();
            for (int index : new TreeSet<>(used)) {
                required.add(b.field(2, 0, index));
            }
            b.correlate(JoinRelType.INNER, row.get().id, required);
            return scope.plus(added);
        }

        @Override
        public Scope visitWindow(WindowRel window) {
            Scope scope = window.input().accept(this);
            RexTranslator translator = translator(scope);
            List<RexNode> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (WindowCall call : window.calls()) {
                columns.add(windowCall(call, translator));
                names.add(call.name());
            }
            b.projectPlus(columns);
            return scope.plus(names);
        }

        private RexNode windowCall(WindowCall call, RexTranslator translator) {
            SqlAggFunction function = switch (call.function()) {
                case ROW_NUMBER -> SqlStdOperatorTable.ROW_NUMBER;
                case RANK -> SqlStdOperatorTable.RANK;
                case DENSE_RANK -> SqlStdOperatorTable.DENSE_RANK;
                case COUNT -> SqlStdOperatorTable.COUNT;
                case SUM -> SqlStdOperatorTable.SUM;
                case MIN -> SqlStdOperatorTable.MIN;
                case MAX -> SqlStdOperatorTable.MAX;
            };
            List<RexNode> arguments = call.argument().map(argument -> List.of(translator.translate(argument))).orElse(List.of());
            List<RexNode> partition = new ArrayList<>();
            for (Field<?> key : call.partitionBy()) {
                partition.add(translator.translate(key));
            }
            RelBuilder.OverCall over = b.aggregateCall(function, arguments).over()
                    .partitionBy(partition)
                    .orderBy(sortKeys(call.orderBy(), translator));
            // Both frames count rows, so ties in the order never widen them; RelBuilder's default
            // frame would be a range, and Enumerable's ranking functions need the explicit one.
            over = switch (call.frame()) {
                case RUNNING -> over.rowsBetween(RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.CURRENT_ROW);
                case PARTITION -> over.rowsBetween(RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.UNBOUNDED_FOLLOWING);
            };
            RexNode rex = over.as(call.name());
            Optional<DataType<?>> actual = TypeMapping.toApi(rex.getType());
            if (actual.isEmpty() || !actual.get().equals(call.type())) {
                throw new IllegalArgumentException("window column '" + call.name() + "' is declared " + call.type()
                        + " but computes " + describe(rex.getType()));
            }
            return rex;
        }

        /**
         * A {@code RepeatUnion} over table spools: the step reads the previous round through a
         * transient table named after the recursive relation and its position in this compilation,
         * so two recursive relations of one plan never share a table. Both sides are cast to the
         * seed's column types made nullable, the one row type the transient table can promise.
         */
        @Override
        public Scope visitRecursive(RecursiveRel recursive) {
            Scope seed = recursive.seed().accept(this);
            RelDataType rowType = nullable(b.peek().getRowType());
            b.convert(rowType, false);
            String table = recursive.name() + "$" + transientTables++;
            recursions.add(new Recursion(recursive.name(), table, new RoundCountingTable(table, rowType), rowType));
            try {
                recursive.step().accept(this);
            } finally {
                recursions.remove(recursions.size() - 1);
            }
            checkStep("recursive relation '" + recursive.name() + "'", rowType);
            b.convert(rowType, true);
            b.repeatUnion(table, recursive.all(), recursive.maxIterations());
            return Scope.unqualified(seed.names());
        }

        /**
         * A {@link LogicalSemiNaiveFixpoint} whose step reads the delta and the total from two
         * tables of their own, named like a recursive query's ({@code <name>$<n>}, n counting in
         * this compilation) so no two fixpoints of one DAG share one. The row type is the seed's made
         * nullable, as for {@link #visitRecursive}.
         */
        @Override
        public Scope visitSemiNaive(SemiNaiveRel semiNaive) {
            Scope seed = semiNaive.seed().accept(this);
            RelDataType rowType = varying(nullable(b.peek().getRowType()));
            b.convert(rowType, false);
            int n = transientTables++;
            SemiNaiveTables tables = new SemiNaiveTables(semiNaive.totalName() + "$" + n, semiNaive.deltaName() + "$" + n, rowType,
                    GroupBounds.of(semiNaive.totalName(), semiNaive.bounds(), rowType.getFieldNames()), strings);
            recursions.add(new Recursion(semiNaive.deltaName(), tables.delta().name(), tables.delta(), rowType));
            recursions.add(new Recursion(semiNaive.totalName(), tables.total().name(), tables.total(), rowType));
            recursions.add(new Recursion(semiNaive.oldName(), tables.old().name(), tables.old(), rowType));
            try {
                DeltaFirst.rewrite(semiNaive.step(), semiNaive.deltaName()).accept(this);
            } finally {
                recursions.remove(recursions.size() - 1);
                recursions.remove(recursions.size() - 1);
                recursions.remove(recursions.size() - 1);
            }
            checkStep("semi-naive relation '" + semiNaive.totalName() + "'", rowType);
            b.convert(rowType, true);
            RelNode step = b.build();
            RelNode seedRows = b.build();
            b.push(LogicalSemiNaiveFixpoint.create(seedRows, step, tables, semiNaive.maxIterations()));
            return Scope.unqualified(seed.names());
        }

        /** Checks that the step on top of the stack has the columns of {@code rowType}, by type and in order. */
        private void checkStep(String what, RelDataType rowType) {
            RelDataType step = b.peek().getRowType();
            List<RelDataTypeField> expected = rowType.getFieldList();
            if (step.getFieldCount() != expected.size()) {
                throw new IllegalArgumentException("the step of " + what + " produces "
                        + step.getFieldNames() + " but its seed produces " + rowType.getFieldNames());
            }
            for (int i = 0; i < expected.size(); i++) {
                RelDataType actual = step.getFieldList().get(i).getType();
                if (!TypeMapping.toApi(actual).equals(TypeMapping.toApi(expected.get(i).getType()))) {
                    throw new IllegalArgumentException("the step of " + what + " gives column "
                            + (i + 1) + " type " + describe(actual) + " but the seed's '" + expected.get(i).getName()
                            + "' is " + describe(expected.get(i).getType()));
                }
            }
        }

        /**
         * Fixed-length strings made varying: a string literal in the seed is {@code CHAR(n)}, and a
         * step row cast to it would be cut to n characters (a discriminator 'field' to 'fie').
         */
        private RelDataType varying(RelDataType rowType) {
            RelDataTypeFactory types = b.getTypeFactory();
            RelDataTypeFactory.Builder builder = types.builder();
            for (RelDataTypeField field : rowType.getFieldList()) {
                RelDataType type = field.getType();
                if (type.getSqlTypeName() == SqlTypeName.CHAR) {
                    type = types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), type.isNullable());
                }
                builder.add(field.getName(), type);
            }
            return builder.build();
        }

        private RelDataType nullable(RelDataType rowType) {
            RelDataTypeFactory.Builder builder = b.getTypeFactory().builder();
            for (RelDataTypeField field : rowType.getFieldList()) {
                builder.add(field.getName(), b.getTypeFactory().createTypeWithNullability(field.getType(), true));
            }
            return builder.build();
        }

        private static String describe(RelDataType type) {
            return TypeMapping.toApi(type).map(Object::toString).orElse(type.getFullTypeString());
        }
    }
}
