package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.codeanatomy.runtime.plugin.PluginCatalog;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.plugin.PluginSummary;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.spi.config.ConfigKey;
import io.codeanatomy.spi.extension.ExtensionPoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code codeanatomy plugins}: what is installed, in the order sessions use, and what each contributes. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the plugins in load order: version, spi range, dependencies, the extension points each declares, "
                + "its contributions by point (ids to use with --disable-contribution) and its config keys with defaults.")
public final class PluginsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginOptions pluginOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        boolean json = TextOrJsonOption.json(format);
        PrintWriter out = spec.commandLine().getOut();
        try (PluginOptions.Loaded loaded = pluginOptions.load()) {
            PluginCatalog catalog;
            try {
                catalog = Session.prepare(pluginOptions.apply(SessionConfig.defaults()), loaded.plugins()).catalog();
            } catch (PluginException | IllegalArgumentException e) {
                throw new UserError(e.getMessage(), 2);
            }
            if (json) {
                json(catalog, out);
            } else {
                text(catalog, out);
            }
        }
        out.flush();
        return 0;
    }

    private static void text(PluginCatalog catalog, PrintWriter out) {
        for (PluginSummary plugin : catalog.summaries()) {
            out.println(plugin.id() + " " + plugin.version() + "  " + plugin.description());
            out.println("  spi " + plugin.spi());
            plugin.dependencies().forEach(dependency -> out.println("  depends on " + dependency));
            for (String point : plugin.points()) {
                ExtensionPoint<?> declared = catalog.points().get(point);
                out.println("  declares " + point + " (" + declared.cardinality().name().toLowerCase(Locale.ROOT) + " "
                        + declared.contract().getSimpleName() + "): " + declared.description());
            }
            plugin.contributions().forEach((point, ids) -> ids.forEach(id -> out.println("  " + point + "  " + id)));
            for (ConfigKey key : plugin.configKeys()) {
                out.println("  config " + plugin.id() + "." + key.name() + " (" + key.type().name().toLowerCase(Locale.ROOT)
                        + ", default " + key.defaultValue() + "): " + key.description());
            }
        }
    }

    private static void json(PluginCatalog catalog, Writer out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter())) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartArray();
            for (PluginSummary plugin : catalog.summaries()) {
                json.writeStartObject();
                json.writeStringField("id", plugin.id());
                json.writeStringField("version", plugin.version());
                json.writeStringField("description", plugin.description());
                json.writeStringField("spi", plugin.spi());
                json.writeArrayFieldStart("dependencies");
                for (String dependency : plugin.dependencies()) {
                    json.writeString(dependency);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("extensionPoints");
                for (String point : plugin.points()) {
                    ExtensionPoint<?> declared = catalog.points().get(point);
                    json.writeStartObject();
                    json.writeStringField("id", point);
                    json.writeStringField("contract", declared.contract().getName());
                    json.writeStringField("cardinality", declared.cardinality().name().toLowerCase(Locale.ROOT));
                    json.writeStringField("description", declared.description());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeObjectFieldStart("contributions");
                for (Map.Entry<String, List<String>> entry : plugin.contributions().entrySet()) {
                    json.writeArrayFieldStart(entry.getKey());
                    for (String id : entry.getValue()) {
                        json.writeString(id);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
                json.writeArrayFieldStart("config");
                for (ConfigKey key : plugin.configKeys()) {
                    json.writeStartObject();
                    json.writeStringField("name", plugin.id() + "." + key.name());
                    json.writeStringField("type", key.type().name().toLowerCase(Locale.ROOT));
                    json.writeStringField("default", key.defaultValue());
                    json.writeStringField("description", key.description());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.flush();
            out.write(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
