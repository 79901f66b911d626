package io.codeanatomy.runtime.pipeline;

import io.codeanatomy.plugins.delta.DeltaIoPlugin;
import io.codeanatomy.plugins.spans.SpansPlugin;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.testing.TinyPythonPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Builds of the tiny Python extractor's spec, for the tests of versioned outputs. */
final class TinyBuilds {
    private TinyBuilds() {}

    static Session session() {
        return Session.open(SessionConfig.defaults(), List.of(new DeltaIoPlugin(), new SpansPlugin(), new TinyPythonPlugin()));
    }

    static BuildPipeline pipeline() {
        return new BuildPipeline(SessionConfig.defaults().withWorkers(1),
                config -> Session.open(config, List.of(new DeltaIoPlugin(), new SpansPlugin(), new TinyPythonPlugin())), TinyPythonPlugin.spec());
    }

    static Path write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return root;
    }

    /** The Parquet data files below a table directory, its log left out. */
    static List<Path> dataFiles(Path table) throws IOException {
        try (Stream<Path> files = Files.walk(table)) {
            return files.filter(f -> f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log")).sorted().toList();
        }
    }
}
