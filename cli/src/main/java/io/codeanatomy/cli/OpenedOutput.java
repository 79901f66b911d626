package io.codeanatomy.cli;

import io.codeanatomy.api.result.TableRegistration;
import io.codeanatomy.runtime.pipeline.BuildSelector;
import io.codeanatomy.runtime.pipeline.DamagedOutputException;
import io.codeanatomy.runtime.pipeline.InvalidInputException;
import io.codeanatomy.runtime.pipeline.OutputTables;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.session.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * A session over every table of a build's output directory, with the plugins that open them; what
 * {@code query}, {@code ask}, {@code shell}, {@code tables}, {@code describe} and {@code export}
 * read from, opened through their {@link OutputOptions}.
 */
final class OpenedOutput implements AutoCloseable {
    private final PluginOptions.Loaded plugins;
    private final Session session;
    private final List<TableRegistration> tables;

    private OpenedOutput(PluginOptions.Loaded plugins, Session session, List<TableRegistration> tables) {
        this.plugins = plugins;
        this.session = session;
        this.tables = List.copyOf(tables);
    }

    /**
     * The tables of the build {@code selector} picks ({@code --as-of-*}), only those {@code wanted}
     * accepts.
     *
     * @throws UserError exit 2 for bad plugin options or a directory that is not a build's output,
     *     exit 1 for a damaged output (named, with what to do)
     */
    static OpenedOutput open(Path out, PluginOptions pluginOptions, RuleOptions rules, BuildSelector selector, Predicate<String> wanted) {
        PluginOptions.Loaded plugins = pluginOptions.load();
        Session session;
        try {
            session = Session.open(pluginOptions.apply(rules.config()), plugins.plugins());
        } catch (PluginException | IllegalArgumentException e) {
            // Plugins or rule toggles: the user's to fix.
            plugins.close();
            throw new UserError(e.getMessage(), 2);
        }
        try {
            return new OpenedOutput(plugins, session, OutputTables.register(session, out, selector, wanted));
        } catch (InvalidInputException | PluginException e) {
            session.close();
            plugins.close();
            throw new UserError(e.getMessage(), 2);
        } catch (DamagedOutputException e) {
            session.close();
            plugins.close();
            throw new UserError(e.getMessage(), 1);
        } catch (RuntimeException e) {
            session.close();
            plugins.close();
            throw e;
        }
    }

    Session session() {
        return session;
    }

    /** The output's tables in registration order (sorted by tree, then name). */
    List<TableRegistration> tables() {
        return tables;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            plugins.close();
        }
    }
}
