package io.codeanatomy.plugins.python;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.extension.ExtensionPoint;
import io.codeanatomy.spi.extension.ExtensionRegistry;
import io.codeanatomy.spi.extract.Extractor;
import java.util.List;

/**
 * Contributes the Python extractor: Python sources to the {@code py_*} extraction tables. Declares
 * {@link #FACT_COLLECTORS}, where other plugins add fact families of their own: the extractor
 * runs their collectors in the same walk and writes their tables beside its own.
 */
public final class PythonExtractionPlugin implements Plugin {
    private static final PluginDescriptor DESCRIPTOR = PluginDescriptor.of("extract-python", "0.1.0",
            "Python sources to flat extraction tables with byte spans (pure-Java, CPython-identical parser)");

    /**
     * Extra per-file fact collectors, each with the tables its rows go to. A contributor lists
     * {@code extract-python} as a dependency, whose {@link PythonFactFamily} it implements.
     */
    public static final ExtensionPoint<PythonFactFamily> FACT_COLLECTORS = ExtensionPoint.many(
            "extract-python:fact-collectors", PythonFactFamily.class,
            "Extra per-file fact collectors of the Python extraction, with the tables their rows go to");

    /** The extractor, with the contributed families' collectors and tables (checked when bound). */
    private final PythonExtractor extractor;

    public PythonExtractionPlugin() {
        this(List.of());
    }

    private PythonExtractionPlugin(List<PythonFactFamily> families) {
        this.extractor = new PythonExtractor(PythonVersion.LATEST, PythonExtractor.DEFAULT_MAX_FILE_BYTES, List.of(),
                requireNonNull(families, "families is null"));
    }

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<ExtensionPoint<?>> extensionPoints() {
        return List.of(FACT_COLLECTORS);
    }

    /** This plugin with the fact families contributed to {@link #FACT_COLLECTORS}. */
    @Override
    public Plugin bind(ExtensionRegistry registry) {
        return new PythonExtractionPlugin(registry.contributions(FACT_COLLECTORS));
    }

    @Override
    public List<Extractor> extractors() {
        return List.of(extractor);
    }
}
