package io.codeanatomy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.codeanatomy.api.result.OutputResult;
import io.codeanatomy.api.result.Timing;
import io.codeanatomy.runtime.pipeline.BuildOutcome;
import io.codeanatomy.runtime.pipeline.OutputReuse;
import io.codeanatomy.runtime.result.RunDiff;
import io.codeanatomy.runtime.result.RunRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code build --format json}: what the text summary says, for programs. */
final class BuildSummary {
    private BuildSummary() {
    }

    /**
     * The summary; with a {@code baseline} run, {@code "baseline"} names it and {@code "diff"} holds the
     * comparison as {@code diff --format json} prints it (both null without one).
     */
    static void json(Path out, BuildOutcome outcome, List<BuildProgress.Problem> problems, List<String> tuning, Path baseline, RunDiff diff,
            PrintWriter stdout) {
        JsonDocument.print(stdout, json -> {
            json.writeStartObject();
            json.writeStringField("out", out.toString());
            json.writeNumberField("files", outcome.extraction().files());
            json.writeNumberField("bytes", outcome.extraction().bytes());
            json.writeNumberField("millis", outcome.result().totalMillis());
            json.writeArrayFieldStart("outputs");
            for (OutputResult output : outcome.result().outputs()) {
                json.writeStartObject();
                json.writeStringField("path", output.path());
                json.writeNumberField("rows", output.rowCount());
                json.writeEndObject();
            }
            json.writeEndArray();
            phases(outcome.result().timings(), json);
            if (outcome.changes().isPresent()) {
                json.writeObjectFieldStart("changes");
                for (Map.Entry<String, Object> entry : outcome.changes().get().tree().entrySet()) {
                    if (entry.getValue() instanceof Number number) {
                        json.writeNumberField(entry.getKey(), number.longValue());
                    } else {
                        json.writeStringField(entry.getKey(), String.valueOf(entry.getValue()));
                    }
                }
                json.writeEndObject();
            }
            if (outcome.reuse().isPresent()) {
                json.writeObjectFieldStart("reuse");
                for (String kind : List.of("skipped", "recomputed", "changedFilesOnly")) {
                    json.writeArrayFieldStart(kind);
                    OutputReuse reuse = outcome.reuse().get();
                    for (String output : switch (kind) {
                        case "skipped" -> reuse.skipped();
                        case "recomputed" -> reuse.recomputed();
                        default -> reuse.changedFilesOnly();
                    }) {
                        json.writeString(output);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeArrayFieldStart("problems");
            for (BuildProgress.Problem problem : problems) {
                json.writeStartObject();
                json.writeStringField("path", problem.path());
                json.writeStringField("message", problem.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("tuning");
            for (String line : tuning) {
                json.writeString(line);
            }
            json.writeEndArray();
            json.writeStringField("runRecord", outcome.runDirectory().resolve(RunRecords.RUN_RESULT).toString());
            json.writeFieldName("baseline");
            json.writeString(baseline == null ? null : baseline.toString());
            json.writeFieldName("diff");
            if (diff == null) {
                json.writeNull();
            } else {
                RunDiffJson.write(diff, json);
            }
            json.writeEndObject();
        });
    }

    /** The field {@code "phases": [{"phase", "millis"}, ...]}, in the order the build ran them; {@code ab} gives each side's too. */
    static void phases(List<Timing> timings, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("phases");
        for (Timing timing : timings) {
            json.writeStartObject();
            json.writeStringField("phase", timing.phase());
            json.writeNumberField("millis", timing.millis());
            if (timing.cpuMillis().isPresent()) {
                json.writeNumberField("cpuMillis", timing.cpuMillis().getAsLong());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
