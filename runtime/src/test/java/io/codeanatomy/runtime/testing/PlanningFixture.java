package io.codeanatomy.runtime.testing;

import io.codeanatomy.runtime.plan.PlanningCluster;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.schema.Table;
import org.apache.calcite.tools.RelBuilder;

/** A schema of in-memory tables and a {@link RelBuilder} on a planning cluster over it. */
public final class PlanningFixture {
    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl();
    private final CalciteSchema root = CalciteSchema.createRootSchema(false, false);

    public PlanningFixture add(String name, Table table) {
        root.add(name, table);
        return this;
    }

    public JavaTypeFactory typeFactory() {
        return typeFactory;
    }

    public CalciteSchema root() {
        return root;
    }

    /** A builder on a fresh cluster: every plan gets its own planner. */
    public RelBuilder builder() {
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(), typeFactory,
                new CalciteConnectionConfigImpl(new Properties()));
        return RelBuilder.proto(Contexts.empty()).create(PlanningCluster.create(typeFactory), reader);
    }
}
