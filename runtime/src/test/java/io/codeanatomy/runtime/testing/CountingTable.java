package io.codeanatomy.runtime.testing;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A table that counts how often plans scan it: how many times the work over it was computed. */
public final class CountingTable extends AbstractTable implements ScannableTable {
    private final MemoryTable rows;
    private final AtomicInteger scans = new AtomicInteger();

    public CountingTable(MemoryTable rows) {
        this.rows = requireNonNull(rows, "rows is null");
    }

    public int scans() {
        return scans.get();
    }

    public void reset() {
        scans.set(0);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rows.getRowType(typeFactory);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        scans.incrementAndGet();
        return rows.scan(root);
    }
}
