package io.codeanatomy.runtime.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.util.BuiltInMethod;

/**
 * The scan of a {@link SpooledRows} table (a spool: a shared view computed once per run) in
 * generated code. Calcite's own choices both cost a copy per row: {@code EnumerableTableScan}
 * converts every field (and generates uncompilable code for lists of structs), and the Bindable
 * scan runs in the interpreter, which wraps each row into a {@code Row} and out again — measured at
 * a tenth of the standard library's CPG execution. The spool's rows already are what generated code
 * reads, so this scan hands the table's list on as it is; projections and filters above it compile
 * into the usual {@code EnumerableCalc}.
 */
public final class SpoolScan extends TableScan implements EnumerableRel {
    /** The physical rule choosing this scan for a {@link LogicalTableScan} of spooled rows. */
    public static final RelOptRule RULE = ConverterRule.Config.INSTANCE
            .withConversion(LogicalTableScan.class, SpoolScan::isSpooled, Convention.NONE,
                    EnumerableConvention.INSTANCE, "SpoolScanRule")
            .withRuleFactory(Rule::new)
            .toRule(ConverterRule.class);

    SpoolScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table) {
        super(cluster, traits, List.of(), table);
    }

    /** Whether {@code scan} reads spooled rows (and so is this operator's to run). */
    public static boolean isSpooled(TableScan scan) {
        return scan.getTable().unwrap(SpooledRows.class) != null;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SpoolScan(getCluster(), traitSet, getTable());
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        // Never optimized to a bare value: one-column rows are spooled as arrays too.
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        // For a scannable table of a schema Calcite's expression already is the scan:
        // table.scan(root). A table in no schema (a fixpoint's delta or total) is stashed in the plan.
        Expression scan = getTable().getExpression(ScannableTable.class);
        if (scan == null) {
            SpooledRows table = requireNonNull(getTable().unwrap(SpooledRows.class), "spooled rows");
            scan = Expressions.call(implementor.stash(table, SpooledRows.class), BuiltInMethod.SCANNABLE_TABLE_SCAN.method,
                    implementor.getRootExpression());
        }
        Expression rows = Expressions.convert_(scan, Enumerable.class);
        return implementor.result(physType, Blocks.toBlock(rows));
    }

    private static final class Rule extends ConverterRule {
        Rule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            LogicalTableScan scan = (LogicalTableScan) rel;
            return new SpoolScan(scan.getCluster(), scan.getTraitSet().replace(EnumerableConvention.INSTANCE), scan.getTable());
        }
    }
}
