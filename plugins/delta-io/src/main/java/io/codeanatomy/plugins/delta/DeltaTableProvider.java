package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.table.OpenedTable;
import io.codeanatomy.spi.table.TableProvider;
import io.delta.kernel.engine.Engine;
import java.nio.file.Path;

/** Opens Delta tables as Calcite tables at their latest version. */
public final class DeltaTableProvider implements TableProvider {
    private final Engine engine;

    public DeltaTableProvider(Engine engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @Override
    public String format() {
        return DeltaIoPlugin.FORMAT;
    }

    @Override
    public boolean canOpen(Path location) {
        return location != null && DeltaTableReader.isDeltaTable(location);
    }

    @Override
    public OpenedTable open(Path location) {
        DeltaTableReader reader = DeltaTableReader.open(engine, location);
        return new OpenedTable(new DeltaCalciteTable(reader), reader.version(), reader.schemaFingerprint());
    }
}
