package io.codeanatomy.plugins.delta;

import io.codeanatomy.spi.table.ScanCounts;
import java.util.concurrent.atomic.LongAdder;

/** The running counts of a table's scans, added to by scans on any thread. */
final class ScanTally {
    private final LongAdder scans = new LongAdder();
    private final LongAdder filesRead = new LongAdder();
    private final LongAdder filesSkipped = new LongAdder();
    private final LongAdder rowGroupsRead = new LongAdder();
    private final LongAdder rowGroupsSkipped = new LongAdder();

    void scan() {
        scans.increment();
    }

    void files(long read, long skipped) {
        filesRead.add(read);
        filesSkipped.add(skipped);
    }

    void rowGroups(long read, long skipped) {
        rowGroupsRead.add(read);
        rowGroupsSkipped.add(skipped);
    }

    ScanCounts counts() {
        return new ScanCounts(scans.sum(), filesRead.sum(), filesSkipped.sum(), rowGroupsRead.sum(), rowGroupsSkipped.sum());
    }
}
