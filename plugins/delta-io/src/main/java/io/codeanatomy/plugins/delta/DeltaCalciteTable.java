package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.table.CountsScans;
import io.codeanatomy.spi.table.ScanCounts;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A Calcite table over one snapshot of a Delta table.
 *
 * <p>Projections are pushed into the Kernel scan, so only the projected columns are read from
 * Parquet. Filters are translated where possible (see {@code KernelPredicates}) and handed to
 * Kernel to skip data files and row groups by their statistics, but they stay in Calcite's filter
 * list: Calcite still evaluates every condition on the rows that are read, so the result does not
 * depend on what could be skipped.
 */
public final class DeltaCalciteTable extends AbstractTable implements ProjectableFilterableTable, CountsScans {
    private final DeltaTableReader reader;
    private final ScanTally tally = new ScanTally();

    public DeltaCalciteTable(DeltaTableReader reader) {
        this.reader = requireNonNull(reader, "reader is null");
    }

    /** The snapshot this table reads. */
    public DeltaTableReader reader() {
        return reader;
    }

    @Override
    public ScanCounts scanCounts() {
        return tally.counts();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return CalciteTypes.rowType(reader.schema(), typeFactory);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        int[] columns = projects != null ? projects.clone() : IntStream.range(0, reader.schema().length()).toArray();
        Optional<Predicate> filter =
                KernelPredicates.fromCalcite(filters, reader.schema(), new RexBuilder(root.getTypeFactory()));
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return new RowEnumerator(reader.rows(columns, filter, tally));
            }
        };
    }

    private static final class RowEnumerator implements Enumerator<Object[]> {
        private final CloseableIterator<Object[]> rows;
        private Object[] current;

        RowEnumerator(CloseableIterator<Object[]> rows) {
            this.rows = rows;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            if (!rows.hasNext()) {
                return false;
            }
            current = rows.next();
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("A Delta scan cannot be rewound; enumerate the table again");
        }

        @Override
        public void close() {
            try {
                rows.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
