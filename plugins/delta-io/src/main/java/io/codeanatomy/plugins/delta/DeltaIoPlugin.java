package io.codeanatomy.plugins.delta;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.table.TableProvider;
import io.codeanatomy.spi.write.Materializer;
import io.delta.kernel.Meta;
import java.util.List;

/**
 * Delta Lake I/O through Delta Kernel: a table provider that opens Delta tables as Calcite tables
 * and a materializer that writes Arrow batches as Delta commits. Both share one
 * {@link KernelEngine}.
 */
public final class DeltaIoPlugin implements Plugin {
    /** Plugin id. */
    public static final String ID = "delta-io";
    /** Plugin version, recorded in the session envelope. */
    public static final String VERSION = "0.1.0";
    /** Format name of the provider and the materializer. */
    public static final String FORMAT = "delta";

    private final List<TableProvider> tableProviders;
    private final List<Materializer> materializers;

    public DeltaIoPlugin() {
        KernelEngine engine = KernelEngine.create();
        this.tableProviders = List.of(new DeltaTableProvider(engine));
        this.materializers = List.of(new DeltaMaterializer(engine));
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, VERSION,
                "Delta Lake tables through Delta Kernel " + Meta.KERNEL_VERSION + ": Calcite table provider and Arrow materializer");
    }

    @Override
    public List<TableProvider> tableProviders() {
        return tableProviders;
    }

    @Override
    public List<Materializer> materializers() {
        return materializers;
    }
}
