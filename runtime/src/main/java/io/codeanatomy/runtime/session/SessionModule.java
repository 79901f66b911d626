package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.codeanatomy.runtime.function.FunctionRegistry;
import io.codeanatomy.runtime.plan.PlannerRule;
import io.codeanatomy.runtime.plan.QueryPlanner;
import io.codeanatomy.runtime.plugin.PluginCatalog;
import io.codeanatomy.spi.rule.RuleContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Wires one session from the discovered plugins and the run's config. Everything is a singleton of
 * the one injector a run builds: one schema, one type factory, one function registry, one planner,
 * one allocator.
 */
final class SessionModule extends AbstractModule {
    private final SessionConfig config;
    private final PluginCatalog catalog;
    private final ConfiguredExtractors extractors;
    private final PluginSettings settings;

    SessionModule(SessionConfig config, PluginCatalog catalog, ConfiguredExtractors extractors, SortedMap<String, String> settings) {
        this.settings = new PluginSettings(settings);
        this.config = requireNonNull(config, "config is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.extractors = requireNonNull(extractors, "extractors is null");
    }

    @Override
    protected void configure() {
        bind(SessionConfig.class).toInstance(config);
        bind(PluginCatalog.class).toInstance(catalog);
        bind(ConfiguredExtractors.class).toInstance(extractors);
        bind(PluginSettings.class).toInstance(settings);
    }

    @Provides
    @Singleton
    JavaTypeFactory typeFactory() {
        return new JavaTypeFactoryImpl();
    }

    /** Case-sensitive, without Calcite's built-in metadata schema: tables are exactly what was registered. */
    @Provides
    @Singleton
    CalciteSchema rootSchema() {
        return CalciteSchema.createRootSchema(false, false);
    }

    @Provides
    @Singleton
    FunctionRegistry functions(CalciteSchema schema, JavaTypeFactory typeFactory) {
        return FunctionRegistry.register(catalog.scalarFunctions(), catalog.aggregateFunctions(), schema, typeFactory);
    }

    @Provides
    @Singleton
    QueryPlanner planner() {
        List<PlannerRule> rules = new ArrayList<>();
        for (RuleContribution rule : catalog.rules()) {
            rules.add(new PlannerRule(rule.id(), rule.phase(), rule.rule()));
        }
        SessionRules.checkEnabled(catalog, config);
        return QueryPlanner.create(rules, config.effectiveDisabledRules());
    }

    @Provides
    @Singleton
    BufferAllocator allocator() {
        WaitingForMemory waiting = new WaitingForMemory();
        RootAllocator root = new RootAllocator(waiting, config.memoryBudgetBytes());
        waiting.watch(root);
        return root;
    }
}
