package io.codeanatomy.runtime.pipeline;

import io.codeanatomy.runtime.session.Session;
import java.util.ArrayList;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;

/**
 * Reads a provider's table through its own scan, outside any plan: for reading tables whole or a
 * few columns of them (SQL's generated code cannot return some nested columns as rows).
 */
final class TableScans {
    private TableScans() {}

    /** The rows of {@code table}: the columns {@code projects} names in that order, or every column when null. */
    static Enumerable<Object[]> scan(Session session, Table table, int[] projects) {
        DataContext context = new DataContext() {
            @Override
            public SchemaPlus getRootSchema() {
                return session.schema().plus();
            }

            @Override
            public JavaTypeFactory getTypeFactory() {
                return session.typeFactory();
            }

            @Override
            public QueryProvider getQueryProvider() {
                return null;
            }

            @Override
            public Object get(String name) {
                return null;
            }
        };
        if (table instanceof ProjectableFilterableTable projectable) {
            return projectable.scan(context, new ArrayList<>(), projects);
        }
        if (projects == null && table instanceof ScannableTable scannable) {
            return scannable.scan(context);
        }
        throw new IllegalArgumentException("its provider's table cannot be scanned");
    }
}
