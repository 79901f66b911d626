package io.codeanatomy.runtime.compile;

import io.codeanatomy.runtime.plan.CanonicalStrings;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** Where the compiler puts the table of a spool, so that the fragments reading it can scan it. */
@FunctionalInterface
public interface SpoolTables {
    /**
     * Creates the table that will hold the rows of the view {@code view}, whose plan has row type
     * {@code rowType}, and returns its qualified name in the schema the compiler's builder reads.
     */
    List<String> create(String view, RelDataType rowType);

    /**
     * The table in which the spools' rows and the fixpoints' derived rows share their strings;
     * by default one of the compilation's own, for its fixpoints.
     */
    default CanonicalStrings strings() {
        return new CanonicalStrings();
    }
}
