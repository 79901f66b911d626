package io.codeanatomy.runtime.session;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.extract.Extractor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The session's extractors with the run's options applied: each option {@code <id>.<name>} goes,
 * as {@code name}, to the extractor with that id, which checks it ({@link Extractor#withOptions});
 * an option for an extractor that is not installed is an error naming it. Done once, when the
 * session opens, so a bad option fails the run before anything is written.
 *
 * @param extractors the configured extractors, in plugin order
 */
record ConfiguredExtractors(List<Extractor> extractors) {
    ConfiguredExtractors {
        extractors = List.copyOf(extractors);
    }

    static ConfiguredExtractors configure(Collection<Extractor> installed, SortedMap<String, String> options) {
        requireNonNull(installed, "installed is null");
        requireNonNull(options, "options is null");
        Map<String, SortedMap<String, String>> byExtractor = new TreeMap<>();
        for (Extractor extractor : installed) {
            byExtractor.put(extractor.id(), new TreeMap<>());
        }
        for (Map.Entry<String, String> option : options.entrySet()) {
            String id = SessionConfig.extractorOf(option.getKey());
            SortedMap<String, String> own = byExtractor.get(id);
            if (own == null) {
                throw new IllegalArgumentException("option '" + option.getKey() + "' is for the extractor '" + id
                        + "', which is not installed; installed extractors: "
                        + (byExtractor.isEmpty() ? "none" : String.join(", ", new TreeSet<>(byExtractor.keySet()))) + ".");
            }
            own.put(option.getKey().substring(id.length() + 1), option.getValue());
        }
        List<Extractor> configured = new ArrayList<>();
        for (Extractor extractor : installed) {
            Extractor withOptions = extractor.withOptions(byExtractor.get(extractor.id()));
            if (withOptions == null || !withOptions.id().equals(extractor.id())) {
                throw new IllegalStateException("the extractor '" + extractor.id()
                        + "' returned no extractor of its own id from withOptions");
            }
            configured.add(withOptions);
        }
        return new ConfiguredExtractors(configured);
    }
}
