package io.codeanatomy.runtime.compile;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCorrelVariable;

/**
 * The current row of an enclosing relation, as a subquery sees it: references to its columns
 * compile to field accesses of the correlation variable.
 */
record Correlation(Scope scope, RexCorrelVariable variable, RelDataType rowType) {
    Correlation {
        requireNonNull(scope, "scope is null");
        requireNonNull(variable, "variable is null");
        requireNonNull(rowType, "rowType is null");
    }
}
