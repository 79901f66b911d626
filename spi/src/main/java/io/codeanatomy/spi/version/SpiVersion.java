package io.codeanatomy.spi.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the spi a plugin runs against, written into a resource when the spi is built so it
 * cannot drift from the artifact's version. The runtime refuses a plugin whose
 * {@link io.codeanatomy.spi.PluginDescriptor#spi() spi range} does not contain it.
 */
public final class SpiVersion {
    /** The version of the spi on the class path. */
    public static final Version CURRENT = load();

    private SpiVersion() {
    }

    private static Version load() {
        Properties properties = new Properties();
        try (InputStream in = SpiVersion.class.getResourceAsStream("spi-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("spi-version.properties is missing from the spi jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Version.parse(properties.getProperty("version"));
    }
}
