package io.codeanatomy.runtime.function;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.TypeKind;
import io.codeanatomy.runtime.compile.TypeMapping;
import io.codeanatomy.spi.function.AggregateFunctionContribution;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * The session's plugin functions by registered name. Each function is added to the session schema
 * (so SQL finds it) and its Calcite operator is the one SQL validation would resolve, so compiled
 * specs and SQL queries call the same thing. Names are kept sorted: the registry prints and hashes
 * the same on every run.
 */
public final class FunctionRegistry {
    private final SortedMap<String, SqlFunction> scalars;
    private final SortedMap<String, SqlAggFunction> aggregates;

    private FunctionRegistry(SortedMap<String, SqlFunction> scalars, SortedMap<String, SqlAggFunction> aggregates) {
        this.scalars = Collections.unmodifiableSortedMap(scalars);
        this.aggregates = Collections.unmodifiableSortedMap(aggregates);
    }

    public static FunctionRegistry empty() {
        return new FunctionRegistry(new TreeMap<>(), new TreeMap<>());
    }

    /**
     * Registers the contributions in {@code schema} and resolves their operators.
     *
     * @throws IllegalArgumentException if a function's signature has no SQL mapping
     */
    public static FunctionRegistry register(Map<String, ScalarFunctionContribution> scalarContributions,
            Map<String, AggregateFunctionContribution> aggregateContributions, CalciteSchema schema, RelDataTypeFactory typeFactory) {
        requireNonNull(scalarContributions, "scalarContributions is null");
        requireNonNull(aggregateContributions, "aggregateContributions is null");
        requireNonNull(schema, "schema is null");
        for (ScalarFunctionContribution function : new TreeMap<>(scalarContributions).values()) {
            ScalarFunction implementation = IsolatedScalarFunction.of(function.method());
            List<DataType<?>> declared = function.signature().parameterTypes();
            if (declared.stream().anyMatch(type -> type.kind() == TypeKind.LIST)) {
                List<RelDataType> types = declared.stream().map(type -> TypeMapping.toCalcite(type, true, typeFactory)).toList();
                schema.plus().add(function.name(), new DeclaredParameterScalar(implementation, types));
            } else {
                schema.plus().add(function.name(), implementation);
            }
        }
        for (AggregateFunctionContribution function : new TreeMap<>(aggregateContributions).values()) {
            AggregateFunctionImpl implementation = AggregateFunctionImpl.create(function.implementation());
            if (implementation == null) {
                throw new IllegalArgumentException("aggregate function '" + function.name() + "': "
                        + function.implementation().getName() + " does not follow Calcite's init/add/result convention");
            }
            DataType<?> declared = function.signature().returnType();
            schema.plus().add(function.name(), declared.kind() == TypeKind.STRUCT
                    ? new DeclaredResultAggregate(implementation, TypeMapping.toCalcite(declared, true, typeFactory))
                    : implementation);
        }
        CalciteCatalogReader reader = new CalciteCatalogReader(schema, List.of(), typeFactory,
                new CalciteConnectionConfigImpl(new Properties()));
        SortedMap<String, SqlFunction> scalars = new TreeMap<>();
        scalarContributions.forEach((name, contribution) -> {
            SqlUserDefinedFunction op = (SqlUserDefinedFunction) lookup(reader, name);
            scalars.put(name, contribution.deterministic() ? op : new NonDeterministicFunction(op));
        });
        SortedMap<String, SqlAggFunction> aggregates = new TreeMap<>();
        aggregateContributions.keySet().forEach(name -> aggregates.put(name, (SqlAggFunction) lookup(reader, name)));
        return new FunctionRegistry(scalars, aggregates);
    }

    private static SqlOperator lookup(CalciteCatalogReader reader, String name) {
        List<SqlOperator> found = new ArrayList<>();
        reader.lookupOperatorOverloads(new SqlIdentifier(name, SqlParserPos.ZERO), SqlFunctionCategory.USER_DEFINED_FUNCTION,
                SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(true));
        if (found.size() != 1) {
            throw new IllegalStateException("function '" + name + "' resolved to " + found.size() + " operators");
        }
        return found.get(0);
    }

    public Optional<SqlFunction> scalar(String name) {
        return Optional.ofNullable(scalars.get(requireNonNull(name, "name is null")));
    }

    public Optional<SqlAggFunction> aggregate(String name) {
        return Optional.ofNullable(aggregates.get(requireNonNull(name, "name is null")));
    }

    public SortedMap<String, SqlFunction> scalars() {
        return scalars;
    }

    public SortedMap<String, SqlAggFunction> aggregates() {
        return aggregates;
    }

    /** Every registered name, sorted, as recorded in the session envelope. */
    public List<String> names() {
        List<String> names = new ArrayList<>(scalars.keySet());
        names.addAll(aggregates.keySet());
        Collections.sort(names);
        return List.copyOf(names);
    }
}
