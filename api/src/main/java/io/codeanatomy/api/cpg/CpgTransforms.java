package io.codeanatomy.api.cpg;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.NamedField;
import io.codeanatomy.api.rel.ProjectRel;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * View transforms (the design's {@code cpg_transforms}): functions from a view body to a projection
 * of it, written once so that every view namespaces, identifies, conforms and nests its columns the
 * same way. A body does not know its columns until it is compiled, so each transform takes them as
 * a {@link SchemaContract} ({@code columns}); references are by column name, which is how a
 * projection over a project, aggregate or union sees its input. A column the body lacks is
 * reported by the compiler, naming the view and column.
 */
public final class CpgTransforms {
    /** The separator between a namespace and a column name: {@code ast__node_id}. */
    public static final String NAMESPACE_SEPARATOR = "__";

    private CpgTransforms() {
    }

    /** Every column {@code c} of {@code input} renamed to {@code prefix__c}, in order: for joins of relations with clashing names. */
    public static ProjectRel namespaceColumns(RelSpec input, SchemaContract columns, String prefix) {
        requireNonNull(prefix, "prefix is null");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("A column namespace must not be blank.");
        }
        List<NamedField<?>> fields = new ArrayList<>();
        for (ColumnContract column : columns.columns()) {
            fields.add(reference(column).as(prefix + NAMESPACE_SEPARATOR + column.name()));
        }
        return requireNonNull(input, "input is null").project(fields);
    }

    /**
     * The columns of {@code input} followed by {@code idColumn}, the {@link CpgExprs#stableId} of
     * {@code kind} over the input's {@code path}, {@code bstart} and {@code bend} columns.
     *
     * @throws IllegalArgumentException if {@code columns} lacks one of them or already has {@code idColumn}
     */
    public static ProjectRel addStableId(RelSpec input, SchemaContract columns, String idColumn, Field<String> kind) {
        requireNonNull(idColumn, "idColumn is null");
        requireNonNull(kind, "kind is null");
        if (columns.column(idColumn).isPresent()) {
            throw new IllegalArgumentException("The relation already has a column '" + idColumn + "'; choose another name for the stable id.");
        }
        Field<String> id = CpgExprs.stableId(column(columns, "path", DataType.STRING), column(columns, Spans.BSTART, DataType.INT64),
                column(columns, Spans.BEND, DataType.INT64), kind);
        List<NamedField<?>> fields = all(columns);
        fields.add(id.as(idColumn));
        return requireNonNull(input, "input is null").project(fields);
    }

    /**
     * The columns of {@code contract}, in its order, taken from {@code input} (whose columns are
     * {@code actual}); columns outside the contract are dropped. {@link ContractMode#STRICT}
     * requires every contract column with the contract's type; {@link ContractMode#COERCE} casts
     * columns of another type and fills missing nullable columns with NULL. A required column that
     * is missing is an error in both modes.
     *
     * @throws IllegalArgumentException naming the column and what to change
     */
    public static ProjectRel enforceContract(RelSpec input, SchemaContract actual, SchemaContract contract, ContractMode mode) {
        requireNonNull(actual, "actual is null");
        requireNonNull(contract, "contract is null");
        requireNonNull(mode, "mode is null");
        List<NamedField<?>> fields = new ArrayList<>();
        for (ColumnContract wanted : contract.columns()) {
            Optional<ColumnContract> found = actual.column(wanted.name());
            if (found.isEmpty()) {
                if (mode == ContractMode.STRICT || !wanted.nullable()) {
                    throw new IllegalArgumentException("The contract column '" + wanted.name() + "' (" + wanted.type()
                            + ") is missing from the relation; add it" + (wanted.nullable() ? " or enforce with COERCE." : "."));
                }
                fields.add(Exprs.nullOf(wanted.type()).as(wanted.name()));
            } else if (found.get().type().equals(wanted.type())) {
                fields.add(reference(found.get()).as(wanted.name()));
            } else if (mode == ContractMode.STRICT) {
                throw new IllegalArgumentException("The column '" + wanted.name() + "' is " + found.get().type() + " but the contract says "
                        + wanted.type() + "; cast it, or enforce with COERCE.");
            } else {
                fields.add(Exprs.cast(reference(found.get()), wanted.type()).as(wanted.name()));
            }
        }
        return requireNonNull(input, "input is null").project(fields);
    }

    /** The columns of {@code input} followed by {@code name}, a struct of {@code members} (a nested payload). */
    public static ProjectRel attachStruct(RelSpec input, SchemaContract columns, String name, List<? extends NamedField<?>> members) {
        requireNonNull(name, "name is null");
        if (columns.column(name).isPresent()) {
            throw new IllegalArgumentException("The relation already has a column '" + name + "'; choose another name for the struct.");
        }
        List<NamedField<?>> fields = all(columns);
        fields.add(Exprs.struct(members).as(name));
        return requireNonNull(input, "input is null").project(fields);
    }

    private static List<NamedField<?>> all(SchemaContract columns) {
        List<NamedField<?>> fields = new ArrayList<>();
        for (ColumnContract column : columns.columns()) {
            fields.add(reference(column).as(column.name()));
        }
        return fields;
    }

    private static Field<?> reference(ColumnContract column) {
        return Exprs.col(column.name(), column.type());
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> column(SchemaContract columns, String name, DataType<T> type) {
        ColumnContract column = columns.column(name).orElseThrow(() -> new IllegalArgumentException(
                "The relation has no column '" + name + "' (" + type + "), which the stable id needs."));
        if (!column.type().equals(type)) {
            throw new IllegalArgumentException("The column '" + name + "' is " + column.type() + " but the stable id needs " + type + ".");
        }
        return Exprs.col(name, (DataType<T>) column.type());
    }
}
