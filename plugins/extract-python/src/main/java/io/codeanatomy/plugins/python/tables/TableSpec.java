package io.codeanatomy.plugins.python.tables;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.facts.Row;
import io.codeanatomy.spi.arrow.ArrowContracts;
import io.codeanatomy.spi.extract.TableDefinition;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One extraction table: its versioned name, its columns and where its rows come from in a
 * file's facts. The contract version is the table name's {@code _vN} suffix.
 */
public final class TableSpec<R> {
    private final String name;
    private final List<Column<R>> columns;
    private final Function<FileFacts, List<R>> rows;
    private final TableDefinition definition;

    @SafeVarargs
    TableSpec(String name, Function<FileFacts, List<R>> rows, Column<R>... columns) {
        this.name = requireNonNull(name, "name is null");
        this.rows = requireNonNull(rows, "rows is null");
        List<Column<R>> list = new ArrayList<>(columns.length);
        List<ColumnContract> contracts = new ArrayList<>(columns.length);
        for (Column<R> c : columns) {
            list.add(c);
            contracts.add(c.contract());
        }
        this.columns = List.copyOf(list);
        int version = Integer.parseInt(name.substring(name.lastIndexOf("_v") + 2));
        SchemaContract contract = new SchemaContract(version, contracts);
        // Id columns (not file_id) are hashes in no order: their statistics would skip no data file.
        List<Field> fields = new ArrayList<>(ArrowContracts.toArrowSchema(contract).getFields());
        for (int i = 0; i < fields.size(); i++) {
            if (!list.get(i).keepsStatistics()) {
                fields.set(i, ArrowContracts.withoutStatistics(fields.get(i)));
            }
        }
        this.definition = new TableDefinition(name, contract, new Schema(fields));
    }

    /**
     * A table whose rows are a file's rows of type {@code rowType} (what its collector emitted), in
     * source order. Its first columns should be the row's id, {@link Column#fileId()},
     * {@link Column#path()}, {@code bstart} and {@code bend}, as every extraction table's are.
     */
    @SafeVarargs
    public static <R extends Row> TableSpec<R> of(String name, Class<R> rowType, Column<R>... columns) {
        requireNonNull(rowType, "rowType is null");
        return new TableSpec<>(name, f -> f.rows(rowType), columns);
    }

    public String name() {
        return name;
    }

    public TableDefinition definition() {
        return definition;
    }

    List<Column<R>> columns() {
        return columns;
    }

    /** This table's rows of one file. */
    public List<R> rowsOf(FileFacts facts) {
        return rows.apply(facts);
    }
}
