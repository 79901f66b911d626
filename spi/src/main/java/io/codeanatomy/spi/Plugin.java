package io.codeanatomy.spi;

import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.function.AggregateFunctionContribution;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import io.codeanatomy.spi.rule.RuleContribution;
import io.codeanatomy.spi.table.TableProvider;
import io.codeanatomy.spi.write.Materializer;

import java.util.List;

/**
 * The one entry point of a plugin, found by the runtime through {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/io.codeanatomy.spi.Plugin}). It needs a
 * public no-argument constructor.
 *
 * <p>Every contribution method defaults to an empty list, so a plugin overrides only what it
 * contributes. The runtime calls each method once per session and keeps the result; return the
 * same contributions every time, in a fixed order. Plugins never see the runtime's injector: what
 * they need arrives as arguments.
 */
public interface Plugin {
    /** Who this plugin is. */
    PluginDescriptor descriptor();

    /** Scalar functions callable from expressions by name ({@code Exprs.call}). */
    default List<ScalarFunctionContribution> scalarFunctions() {
        return List.of();
    }

    /** Aggregate functions callable by name ({@code AggregateCall.registered}). */
    default List<AggregateFunctionContribution> aggregateFunctions() {
        return List.of();
    }

    /** Optimizer rules, each with a stable id and a phase. */
    default List<RuleContribution> optimizerRules() {
        return List.of();
    }

    /** Readers of stored tables (e.g. Delta). */
    default List<TableProvider> tableProviders() {
        return List.of();
    }

    /** Writers of output tables (e.g. Delta). */
    default List<Materializer> materializers() {
        return List.of();
    }

    /** Producers of extraction tables from source trees (e.g. Python). */
    default List<Extractor> extractors() {
        return List.of();
    }
}
