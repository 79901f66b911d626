package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.TransientTable;
import org.apache.calcite.util.ImmutableIntList;

/**
 * The scan of a {@link ProjectableFilterableTable} (a Delta table, an extraction table) in generated
 * code, with the projections and filters that push-down gave it. Calcite runs such a scan in its
 * interpreter ({@code EnumerableInterpreter} over {@code BindableTableScan}), which evaluates the
 * filters row by row in interpreted code and copies every row into a {@code Row} and out again, or,
 * without push-down, as an {@code EnumerableTableScan} that reads every column and converts each
 * field. Here the table is asked for the projected and filtered columns only (it may use the filters
 * to skip files), and the filters and projection are evaluated by a compiled {@link EnumerableCalc}
 * over the rows it returns, which are already in generated code's representation.
 *
 * <p>The table may drop filters it fully applied from the list it is given, as its contract allows;
 * the compiled condition still tests all of them, so the rows never depend on what the table skipped.
 */
public final class CompiledTableScan extends TableScan implements EnumerableRel {
    /** The physical rule choosing this scan for a scan with push-down (a {@code BindableTableScan}). */
    public static final RelOptRule RULE = ConverterRule.Config.INSTANCE
            .withConversion(Bindables.BindableTableScan.class, CompiledTableScan::canCompile, BindableConvention.INSTANCE,
                    EnumerableConvention.INSTANCE, "CompiledTableScanRule")
            .withRuleFactory(PushedDownRule::new)
            .toRule(ConverterRule.class);

    /** The physical rule choosing this scan, reading all columns, for a plain scan of such a table. */
    public static final RelOptRule PLAIN_RULE = ConverterRule.Config.INSTANCE
            .withConversion(LogicalTableScan.class, CompiledTableScan::canCompile, Convention.NONE,
                    EnumerableConvention.INSTANCE, "CompiledPlainTableScanRule")
            .withRuleFactory(PlainRule::new)
            .toRule(ConverterRule.class);

    private final ImmutableList<RexNode> filters;
    private final ImmutableIntList projects;

    CompiledTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, List<RexNode> filters, List<Integer> projects) {
        super(cluster, traits, List.of(), table);
        this.filters = ImmutableList.copyOf(requireNonNull(filters, "filters is null"));
        this.projects = ImmutableIntList.copyOf(requireNonNull(projects, "projects is null"));
    }

    /** Whether {@code scan} reads a table this operator can scan: filterable, and not a recursive query's transient table. */
    public static boolean canCompile(TableScan scan) {
        RelOptTable table = scan.getTable();
        return table.unwrap(ProjectableFilterableTable.class) != null && table.unwrap(TransientTable.class) == null
                && !SpoolScan.isSpooled(scan);
    }

    /**
     * The table's rows with the columns at {@code columns}; called by generated code. The table gets
     * a copy of the filters, since it may remove those it applied.
     */
    public static Enumerable<Object[]> rows(ProjectableFilterableTable table, DataContext root, List<RexNode> filters, int[] columns) {
        return table.scan(root, new ArrayList<>(filters), columns.clone());
    }

    @Override
    public RelDataType deriveRowType() {
        List<RelDataTypeField> fields = table.getRowType().getFieldList();
        return getCluster().getTypeFactory().createStructType(
                projects.stream().map(fields::get).toList());
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new CompiledTableScan(getCluster(), traitSet, getTable(), filters, projects);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .itemIf("filters", filters, !filters.isEmpty())
                .itemIf("projects", projects, !projects.equals(ImmutableIntList.identity(table.getRowType().getFieldCount())));
    }

    /** As the pushed-down scan Calcite would interpret estimates it: same table, same filters. */
    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return bindable().estimateRowCount(mq);
    }

    /**
     * Half what the interpreted scan costs without the interpreter above it, so the planner always
     * prefers this scan to {@code EnumerableInterpreter} over {@code BindableTableScan}, and to
     * {@code EnumerableTableScan}, which costs a row per row.
     */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return requireNonNull(bindable().computeSelfCost(planner, mq), "cost").multiplyBy(0.5);
    }

    private Bindables.BindableTableScan bindable() {
        return Bindables.BindableTableScan.create(getCluster(), getTable(), filters, projects);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        List<Integer> read = readColumns();
        Raw raw = new Raw(getCluster(), getTraitSet(), getTable(), filters, read);
        if (filters.isEmpty() && read.equals(projects)) {
            return raw.implement(implementor, pref);
        }
        return EnumerableCalc.create(raw, program(raw.getRowType(), read)).implement(implementor, pref);
    }

    /** The projected columns, then those only the filters read. */
    private List<Integer> readColumns() {
        Set<Integer> read = new LinkedHashSet<>(projects);
        for (RexNode filter : filters) {
            RelOptUtil.InputFinder.bits(filter).forEach(read::add);
        }
        return List.copyOf(read);
    }

    /** Filters over the table's columns, rewritten over the read columns; then the projection. */
    private RexProgram program(RelDataType readType, List<Integer> read) {
        RexBuilder rexBuilder = getCluster().getRexBuilder();
        RexShuttle remap = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(read.indexOf(ref.getIndex()), ref.getType());
            }
        };
        RexProgramBuilder program = new RexProgramBuilder(readType, rexBuilder);
        if (!filters.isEmpty()) {
            program.addCondition(RexUtil.composeConjunction(rexBuilder, remap.apply(filters)));
        }
        List<RelDataTypeField> fields = getRowType().getFieldList();
        for (int j = 0; j < projects.size(); j++) {
            program.addProject(j, fields.get(j).getName());
        }
        return program.getProgram();
    }

    /** The table's rows with the read columns, as the table returns them: the operator behind this scan's {@link EnumerableCalc}. */
    private static final class Raw extends TableScan implements EnumerableRel {
        private final ImmutableList<RexNode> filters;
        private final List<Integer> columns;

        Raw(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, ImmutableList<RexNode> filters, List<Integer> columns) {
            super(cluster, traits, List.of(), table);
            this.filters = filters;
            this.columns = columns;
        }

        @Override
        public RelDataType deriveRowType() {
            List<RelDataTypeField> fields = table.getRowType().getFieldList();
            return getCluster().getTypeFactory().createStructType(columns.stream().map(fields::get).toList());
        }

        @Override
        public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
            // The table returns Object[] rows even for one column, so the row type is never optimized to a bare value.
            PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
            ProjectableFilterableTable target = requireNonNull(table.unwrap(ProjectableFilterableTable.class), "table");
            Expression rows = Expressions.call(CompiledTableScan.class, "rows",
                    implementor.stash(target, ProjectableFilterableTable.class),
                    implementor.getRootExpression(),
                    implementor.stash(filters, List.class),
                    implementor.stash(columns.stream().mapToInt(Integer::intValue).toArray(), int[].class));
            return implementor.result(physType, Blocks.toBlock(rows));
        }
    }

    private static final class PushedDownRule extends ConverterRule {
        PushedDownRule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            Bindables.BindableTableScan scan = (Bindables.BindableTableScan) rel;
            return new CompiledTableScan(scan.getCluster(), scan.getTraitSet().replace(EnumerableConvention.INSTANCE),
                    scan.getTable(), scan.filters, scan.projects);
        }
    }

    private static final class PlainRule extends ConverterRule {
        PlainRule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalTableScan scan = (LogicalTableScan) rel;
            return new CompiledTableScan(scan.getCluster(), scan.getTraitSet().replace(EnumerableConvention.INSTANCE),
                    scan.getTable(), List.of(), ImmutableIntList.identity(scan.getTable().getRowType().getFieldCount()));
        }
    }
}
