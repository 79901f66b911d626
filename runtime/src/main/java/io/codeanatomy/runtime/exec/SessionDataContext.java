package io.codeanatomy.runtime.exec;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.QueryProviderImpl;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.schema.SchemaPlus;

/**
 * What generated Enumerable code sees while it runs: the session's schema, the values the code
 * generator stashed, and fixed environment values. Time is the run's start time and the zone is UTC,
 * so a plan gives the same rows on every machine.
 */
final class SessionDataContext implements DataContext {
    private static final QueryProvider NO_QUERIES = new QueryProviderImpl() {
        @Override
        public <T> Enumerator<T> executeQuery(Queryable<T> queryable) {
            throw new UnsupportedOperationException("queryable tables are not supported; contribute a ScannableTable");
        }
    };

    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final Map<String, Object> parameters;
    private final long startMillis;
    private final AtomicBoolean cancel;

    SessionDataContext(SchemaPlus rootSchema, JavaTypeFactory typeFactory, Map<String, Object> parameters,
            long startMillis, AtomicBoolean cancel) {
        this.rootSchema = requireNonNull(rootSchema, "rootSchema is null");
        this.typeFactory = requireNonNull(typeFactory, "typeFactory is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.startMillis = startMillis;
        this.cancel = requireNonNull(cancel, "cancel is null");
    }

    @Override
    public SchemaPlus getRootSchema() {
        return rootSchema;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return NO_QUERIES;
    }

    @Override
    public Object get(String name) {
        if (Variable.CURRENT_TIMESTAMP.camelName.equals(name)
                || Variable.UTC_TIMESTAMP.camelName.equals(name)
                || Variable.LOCAL_TIMESTAMP.camelName.equals(name)
                || Variable.SYS_TIMESTAMP.camelName.equals(name)) {
            return startMillis;
        } else if (Variable.TIME_ZONE.camelName.equals(name)) {
            return TimeZone.getTimeZone("UTC");
        } else if (Variable.LOCALE.camelName.equals(name)) {
            return Locale.ROOT;
        } else if (Variable.CANCEL_FLAG.camelName.equals(name)) {
            return cancel;
        }
        return parameters.get(name);
    }
}
