package io.codeanatomy.spi;

import io.codeanatomy.spi.config.ConfigKey;
import io.codeanatomy.spi.config.PluginConfig;
import io.codeanatomy.spi.extension.Extension;
import io.codeanatomy.spi.extension.ExtensionPoint;
import io.codeanatomy.spi.extension.ExtensionRegistry;
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
 *
 * <p>Each typed method contributes to one of the runtime's extension points
 * ({@link io.codeanatomy.spi.extension.ExtensionPoints}); {@link #extensions()} contributes to any
 * point, the runtime's or one another plugin declares in {@link #extensionPoints()}.
 *
 * <p>A session prepares a plugin in this order: {@link #configure} with the run's settings of the
 * keys in {@link #configKeys()}, then {@link #bind} with the contributions to the points it
 * declares, then the contribution methods are asked once each.
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

    /** Extension points this plugin declares for others to contribute to; ids start with this plugin's id and {@code :}. */
    default List<ExtensionPoint<?>> extensionPoints() {
        return List.of();
    }

    /**
     * Contributions to any extension point, by point id. Asked before {@link #bind}, so they must not
     * depend on what other plugins contribute.
     */
    default List<Extension<?>> extensions() {
        return List.of();
    }

    /** The settings this plugin accepts, set by a run as {@code <plugin id>.<name>=<value>}. */
    default List<ConfigKey> configKeys() {
        return List.of();
    }

    /**
     * This plugin with the run's settings applied (every declared key, defaults filled in, types
     * checked). Returns a plugin with the same descriptor; the default ignores the settings.
     */
    default Plugin configure(PluginConfig config) {
        return this;
    }

    /**
     * This plugin bound to the contributions made to the points it declares ({@link
     * ExtensionRegistry#contributions}); asked only of plugins that declare points. Returns a plugin
     * with the same descriptor whose contribution methods may use them.
     */
    default Plugin bind(ExtensionRegistry registry) {
        return this;
    }
}
