package io.codeanatomy.runtime.testing;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.extract.Extractor;
import java.util.List;

/** Contributes {@link TinyPythonExtractor}. */
public final class TinyPythonPlugin implements Plugin {
    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("tiny-python", "1.0", "test extractor");
    }

    @Override
    public List<Extractor> extractors() {
        return List.of(new TinyPythonExtractor());
    }
}
