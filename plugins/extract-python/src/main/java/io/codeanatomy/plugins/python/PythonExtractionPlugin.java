package io.codeanatomy.plugins.python;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.extract.Extractor;
import java.util.List;

/** Contributes the Python extractor: Python sources to the {@code py_*} extraction tables. */
public final class PythonExtractionPlugin implements Plugin {
    private static final PluginDescriptor DESCRIPTOR = PluginDescriptor.of("extract-python", "0.1.0",
            "Python sources to flat extraction tables with byte spans (pure-Java, CPython-identical parser)");

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Extractor> extractors() {
        return List.of(new PythonExtractor());
    }
}
