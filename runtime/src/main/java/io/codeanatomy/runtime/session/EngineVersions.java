package io.codeanatomy.runtime.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The engine library versions recorded in session envelopes, written into a resource at build time
 * (jar manifests do not survive shading into one runnable jar), plus the running JDK's. Delta
 * Kernel is the delta-io plugin's library; the project pins one version of it for every module.
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
        // The JVM that runs the plan, not the one that built the jar: its version is the runtime's.
        versions.put("jdk", Runtime.version().toString());
        return versions;
    }
}
