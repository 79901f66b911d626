package io.codeanatomy.runtime.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The engine library versions recorded in session envelopes, written into a resource at build time
 * (jar manifests do not survive shading into one runnable jar).
 */
final class EngineVersions {
    private EngineVersions() {
    }

    static SortedMap<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = EngineVersions.class.getResourceAsStream("engine-versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("engine-versions.properties is missing from the runtime jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SortedMap<String, String> versions = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> versions.put(name, properties.getProperty(name)));
        return versions;
    }
}
