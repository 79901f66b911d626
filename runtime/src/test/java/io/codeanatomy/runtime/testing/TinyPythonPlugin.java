package io.codeanatomy.runtime.testing;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.extract.Extractor;
import java.util.List;

/** Contributes {@link TinyPythonExtractor}. */
public final class TinyPythonPlugin implements Plugin {
    /** The parts of the built-in spec whose tables the tiny extractor writes. */
    public static final java.util.List<io.codeanatomy.runtime.builtin.CpgPart> PARTS = java.util.List.of(
            new io.codeanatomy.runtime.builtin.DefinitionNodes(), new io.codeanatomy.runtime.builtin.ModuleNodes());

    /** The built-in spec of those parts. */
    public static io.codeanatomy.api.spec.SemanticSpec spec() {
        return io.codeanatomy.runtime.builtin.CpgSpec.assemble(PARTS);
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("tiny-python", "1.0", "test extractor");
    }

    @Override
    public List<Extractor> extractors() {
        return List.of(new TinyPythonExtractor());
    }
}
