package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.codeanatomy.runtime.result.RunDiff;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** A {@link RunDiff} as {@code diff --format json} prints it, and the changed plans {@code ab --format json} lists. */
final class RunDiffJson {
    private RunDiffJson() {
    }

    /**
     * {@code {"verdict": ..., "exitCode": ..., "changedKeys": [...], "changedPlans": [...]}}; the verdict
     * is {@code identical}, {@code expected_change} or {@code unexpected_regression}.
     */
    static void write(RunDiff diff, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("verdict", diff.verdict().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("exitCode", diff.verdict().exitCode());
        json.writeArrayFieldStart("changedKeys");
        for (String key : diff.changedKeys()) {
            json.writeString(key);
        }
        json.writeEndArray();
        changedPlans(diff, json);
        json.writeEndObject();
    }

    /**
     * The field {@code "changedPlans": [{"name": unit, "firstDifferingRule": step or null, "diff": unified P1 diff}, ...]},
     * units by name; the first differing rule is the first step of the rule traces whose plan differs.
     */
    static void changedPlans(RunDiff diff, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("changedPlans");
        for (Map.Entry<String, String> plan : diff.changedPlans().entrySet()) {
            json.writeStartObject();
            json.writeStringField("name", plan.getKey());
            json.writeStringField("firstDifferingRule", diff.firstDivergence().get(plan.getKey()));
            json.writeStringField("diff", plan.getValue());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
