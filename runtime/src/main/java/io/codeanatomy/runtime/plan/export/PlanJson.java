package io.codeanatomy.runtime.plan.export;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.externalize.RelJsonWriter;

/**
 * A plan as Calcite's RelJson ({@link RelJsonWriter}), which {@code RelJsonReader} reads back
 * against the same schema. Scans with pushed-down filters and projections are written as plain
 * scans under that filter and projection ({@link ScanExpansion}): Calcite's Bindable scan has no
 * JSON form to read back. Operators are numbered by the writer in visiting order, so equal plans
 * give equal text.
 */
public final class PlanJson {
    private PlanJson() {
    }

    public static Unparsed of(RelNode plan) {
        requireNonNull(plan, "plan is null");
        try {
            RelJsonWriter writer = new RelJsonWriter();
            ScanExpansion.expand(plan).explain(writer);
            return Unparsed.written(writer.asString() + "\n");
        } catch (RuntimeException e) {
            // A plugin operator without a JSON form; the bundle says which.
            return Unparsed.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
