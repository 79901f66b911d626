package io.codeanatomy.runtime.exec;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.impl.ListTransientTable;

/**
 * The transient table of a recursive query, counting what each round writes into it. A table
 * spool replaces the table's contents once per round (the seed, then every step round), so the
 * number of replacements is the number of rounds and their sizes are the rows per round, counted
 * as the step produced them, before the repeat-union drops rows it has already seen.
 */
public final class RoundCountingTable extends ListTransientTable {
    private final String name;
    private final List<Long> rowsPerRound = new ArrayList<>();

    public RoundCountingTable(String name, RelDataType rowType) {
        super(name, rowType);
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Rows written per round so far: the seed's first, then one entry per step round run. */
    public synchronized List<Long> rowsPerRound() {
        return List.copyOf(rowsPerRound);
    }

    private synchronized void recordRound(long rows) {
        rowsPerRound.add(rows);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    @Override
    public Collection getModifiableCollection() {
        Collection rows = super.getModifiableCollection();
        return new AbstractCollection<Object>() {
            @Override
            public Iterator<Object> iterator() {
                return rows.iterator();
            }

            @Override
            public int size() {
                return rows.size();
            }

            @Override
            public boolean add(Object row) {
                return rows.add(row);
            }

            @Override
            public boolean addAll(Collection<?> round) {
                // The spool's flush: clear(), then addAll(everything the round produced).
                recordRound(round.size());
                return rows.addAll(round);
            }

            @Override
            public void clear() {
                rows.clear();
            }
        };
    }
}
