package io.codeanatomy.cli;

import io.codeanatomy.runtime.plugin.PluginCatalog;
import io.codeanatomy.runtime.plugin.PluginDiscovery;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.plugin.PluginSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code codeanatomy plugins}: what was discovered, in the order sessions use. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the discovered plugins in load order, with id, version and what each contributes.")
public final class PluginsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PluginCatalog catalog;
        try {
            catalog = PluginCatalog.of(PluginDiscovery.discover(PluginsCommand.class.getClassLoader()));
        } catch (PluginException e) {
            throw new UserError(e.getMessage(), 1);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (PluginSummary plugin : catalog.summaries()) {
            out.println(plugin.id() + " " + plugin.version() + "  " + plugin.description());
            if (!plugin.dependsOn().isEmpty()) {
                out.println("  depends on " + String.join(", ", plugin.dependsOn()));
            }
            plugin.contributions().forEach(contribution -> out.println("  " + contribution));
        }
        out.flush();
        return 0;
    }
}
