package io.codeanatomy.plugins.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a commit file of a Delta log as JSON, independently of Kernel. */
final class DeltaLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeltaLog() {}

    static Path commitFile(Path table, long version) {
        return table.resolve("_delta_log").resolve(String.format("%020d.json", version));
    }

    /** The actions of one commit, one JSON object per line. */
    static List<JsonNode> actions(Path table, long version) {
        try {
            List<JsonNode> actions = new ArrayList<>();
            for (String line : Files.readAllLines(commitFile(table, version))) {
                if (!line.isBlank()) {
                    actions.add(JSON.readTree(line));
                }
            }
            return actions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code path} of every action of {@code kind} ("add", "remove") in one commit, in log order. */
    static List<String> paths(Path table, long version, String kind) {
        List<String> paths = new ArrayList<>();
        for (JsonNode action : actions(table, version)) {
            if (action.has(kind)) {
                paths.add(action.get(kind).get("path").asText());
            }
        }
        return paths;
    }

    /** The bytes of each data file added by one commit, in log order. */
    static List<byte[]> addedFiles(Path table, long version) {
        List<byte[]> contents = new ArrayList<>();
        for (String path : paths(table, version, "add")) {
            try {
                contents.add(Files.readAllBytes(table.resolve(path)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return contents;
    }
}
