package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.codeanatomy.api.result.RuleState;
import io.codeanatomy.runtime.plugin.PluginException;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code codeanatomy rules}: every optimizer rule with its phase, origin and state. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists every optimizer rule, built-in or from a plugin, in planning order.",
            "Each has its id (what --disable-rule takes), phase, origin plugin, default state, and its state under the given "
                    + "--config/--disable-rule/--enable-rule."
        })
public final class RulesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RuleOptions toggles;

    @Mixin
    private TextOrJsonOption format;

    @Override
    public Integer call() {
        boolean json = format.json();
        Rules rules = Rules.of(toggles.config());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonDocument.print(out, rules::json);
        } else {
            rules.text(out);
        }
        out.flush();
        return 0;
    }

    /** The rules in planning order under the defaults and under the given toggles, position by position. */
    private record Rules(List<RuleState> defaults, List<RuleState> configured) {
        static Rules of(SessionConfig config) {
            try (Session plain = Session.open(SessionConfig.defaults()); Session toggled = Session.open(config)) {
                return new Rules(plain.rules(), toggled.rules());
            } catch (PluginException | IllegalArgumentException e) {
                throw new UserError(e.getMessage(), 2);
            }
        }

        void text(PrintWriter out) {
            int width = configured.stream().mapToInt(rule -> rule.id().length()).max().orElse(2);
            int originWidth = configured.stream().mapToInt(rule -> rule.origin().length()).max().orElse(6);
            out.printf(Locale.ROOT, "%-" + width + "s  %-8s  %-" + originWidth + "s  %-7s  %s%n", "id", "phase", "origin", "default", "this run");
            for (int i = 0; i < configured.size(); i++) {
                RuleState rule = configured.get(i);
                out.printf(Locale.ROOT, "%-" + width + "s  %-8s  %-" + originWidth + "s  %-7s  %s%n", rule.id(),
                        rule.phase().name().toLowerCase(Locale.ROOT), rule.origin(), state(defaults.get(i)), state(rule));
            }
        }

        /** {@code {"rules": [{"id", "phase", "origin", "enabledByDefault", "enabled"}, ...]}}, in planning order. */
        void json(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeArrayFieldStart("rules");
            for (int i = 0; i < configured.size(); i++) {
                RuleState rule = configured.get(i);
                json.writeStartObject();
                json.writeStringField("id", rule.id());
                json.writeStringField("phase", rule.phase().name().toLowerCase(Locale.ROOT));
                json.writeStringField("origin", rule.origin());
                json.writeBooleanField("enabledByDefault", defaults.get(i).enabled());
                json.writeBooleanField("enabled", rule.enabled());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        private static String state(RuleState rule) {
            return rule.enabled() ? "on" : "off";
        }
    }
}
