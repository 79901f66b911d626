package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.exec.ArrowTypes;
import io.codeanatomy.runtime.plan.PlannedSql;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.spi.arrow.ArrowContracts;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.extract.TableDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.schema.Table;

/**
 * {@code codeanatomy check}: verifies one build of an output directory. For every table the build's
 * manifest names: the version opens, its schema is the contract's (the spec's output contracts and
 * the extractors' table definitions), every row of every data file reads, and the rows read are the
 * rows the manifest recorded. Then every edge's endpoints are nodes. Problems are collected, not
 * thrown, so one run names them all.
 */
public final class OutputCheck {
    static final String NODES = "cpg_nodes";
    static final String EDGES = "cpg_edges";

    private OutputCheck() {}

    /**
     * Checks the build {@code selector} picks, in a fresh {@code session} whose extractors and
     * {@code spec} give the contracts.
     *
     * @throws InvalidInputException if {@code out} is not an output directory or has no such build
     */
    public static CheckReport check(Session session, SemanticSpec spec, Path out, BuildSelector selector) {
        requireNonNull(session, "session is null");
        requireNonNull(spec, "spec is null");
        if (!OutputDirectory.isOurs(out)) {
            throw new InvalidInputException(out + " is not a codeanatomy output directory (it has no " + OutputDirectory.MARKER
                    + " file); give the --out directory of a build.");
        }
        BuildManifest manifest = BuildManifests.select(out, selector);
        Map<String, SchemaContract> contracts = contracts(session, spec);
        List<String> problems = new ArrayList<>();
        long rowsRead = 0;
        List<String> readable = new ArrayList<>();
        for (ManifestTable table : manifest.tables()) {
            String where = "table " + table.name() + " (" + out.resolve(table.path()) + ", version " + table.version() + ")";
            try {
                session.registerTable(table.name(), out.resolve(table.path()), table.path(), OptionalLong.of(table.version()));
            } catch (RuntimeException e) {
                problems.add(where + " cannot be opened: " + OutputTables.firstLine(e) + "; rebuild the output.");
                continue;
            }
            SchemaContract contract = contracts.get(table.name());
            if (contract == null) {
                problems.add(where + " has no contract in this session (no extractor or output declares it); check with the plugins it was built with.");
            } else {
                try {
                    Table registered = session.schema().plus().getTable(table.name());
                    ArrowContracts.requireMatches(contract, ArrowTypes.schema(registered.getRowType(session.typeFactory())), where);
                } catch (IllegalArgumentException e) {
                    problems.add(OutputTables.firstLine(e) + " Rebuild the output with this version of codeanatomy.");
                }
            }
            try {
                long rows = count(session, session.schema().plus().getTable(table.name()));
                rowsRead += rows;
                if (rows != table.rows()) {
                    problems.add(where + " has " + rows + " rows but its build recorded " + table.rows() + "; rebuild the output with --full.");
                }
                readable.add(table.name());
            } catch (RuntimeException e) {
                String reason = OutputTables.firstLine(e);
                problems.add(where + " cannot be read: " + reason + (OutputTables.damagedLog(reason)
                        ? "; every build reads a table's log: build into a new output directory." : "; rebuild the output with --full."));
            }
        }
        if (readable.contains(NODES) && readable.contains(EDGES)) {
            long dangling = scalar(session, "SELECT COUNT(*) FROM cpg_edges e"
                    + " LEFT JOIN cpg_nodes s ON e.src_node_id = s.node_id LEFT JOIN cpg_nodes d ON e.dst_node_id = d.node_id"
                    + " WHERE s.node_id IS NULL OR d.node_id IS NULL");
            if (dangling > 0) {
                problems.add(dangling + " edges of cpg_edges have an endpoint that is not a row of cpg_nodes; rebuild the output,"
                        + " and report it if a fresh build shows it too.");
            }
        }
        return new CheckReport(manifest, rowsRead, problems);
    }

    private static Map<String, SchemaContract> contracts(Session session, SemanticSpec spec) {
        Map<String, SchemaContract> contracts = new TreeMap<>();
        for (Extractor extractor : session.extractors()) {
            for (TableDefinition table : extractor.tables()) {
                contracts.put(table.name(), table.contract());
            }
        }
        for (OutputTarget output : spec.outputs()) {
            contracts.put(output.name(), output.schema());
        }
        // A grouped build stores these beside the graph (docs/incremental.md).
        CpgSpec.builtInParts(spec).ifPresent(parts -> CpgSpec.storedOutputs(parts).forEach(output -> contracts.put(output.name(), output.schema())));
        return contracts;
    }

    /**
     * Reads every row of every column of {@code table} through its own scan (SQL's generated code
     * cannot return some nested columns as rows); the number of rows.
     */
    private static long count(Session session, Table table) {
        Enumerable<Object[]> rows = TableScans.scan(session, table, null);
        long count = 0;
        try (Enumerator<Object[]> enumerator = rows.enumerator()) {
            while (enumerator.moveNext()) {
                enumerator.current();
                count++;
            }
        }
        return count;
    }

    private static long scalar(Session session, String sql) {
        PlannedSql planned = session.planSql(sql);
        try (Enumerator<?> enumerator = session.executor().rows(planned.query().physical())) {
            if (!enumerator.moveNext()) {
                return 0;
            }
            Object value = enumerator.current();
            return ((Number) (value instanceof Object[] row ? row[0] : value)).longValue();
        }
    }
}
