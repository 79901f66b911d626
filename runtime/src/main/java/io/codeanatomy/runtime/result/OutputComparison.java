package io.codeanatomy.runtime.result;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.session.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Compares the tables two runs wrote, row by row: for each output, the rows of one run that the
 * other lacks, counted with multiplicity both ways ({@code EXCEPT ALL}), so equal tables in any
 * file layout or row order compare equal and one duplicated row does not.
 */
public final class OutputComparison {
    private OutputComparison() {
    }

    /**
     * @param session a session with a table provider for the outputs' format; both runs' tables are
     *     registered in it as {@code a_<name>} and {@code b_<name>}
     * @return output name to the number of rows in one run and not the other (0 when identical)
     */
    public static SortedMap<String, Long> compare(Session session, Path outA, Path outB, List<OutputResult> outputs) {
        requireNonNull(session, "session is null");
        requireNonNull(outA, "outA is null");
        requireNonNull(outB, "outB is null");
        SortedMap<String, Long> differing = new TreeMap<>();
        for (OutputResult output : outputs) {
            String a = "a_" + output.name();
            String b = "b_" + output.name();
            session.registerTable(a, outA.resolve(output.path()), output.path());
            session.registerTable(b, outB.resolve(output.path()), output.path());
            // Calcite cannot generate code that scans lists of structs (the adjacency tables): those
            // columns are left out here; they hold cpg_edges' rows, which are compared whole.
            List<String> columns = new ArrayList<>();
            for (RelDataTypeField field : session.planSql("SELECT * FROM " + a).query().optimized().getRowType().getFieldList()) {
                RelDataType element = field.getType().getComponentType();
                if (!field.getType().isStruct() && (element == null || !element.isStruct())) {
                    columns.add("\"" + field.getName() + "\"");
                }
            }
            String select = "SELECT " + String.join(", ", columns) + " FROM ";
            PlannedSql except = session.planSql("SELECT COUNT(*) FROM ((" + select + a + " EXCEPT ALL " + select + b
                    + ") UNION ALL (" + select + b + " EXCEPT ALL " + select + a + "))");
            try (Enumerator<?> rows = session.executor().rows(except.query().physical())) {
                rows.moveNext();
                differing.put(output.name(), ((Number) rows.current()).longValue());
            }
        }
        return differing;
    }
}
