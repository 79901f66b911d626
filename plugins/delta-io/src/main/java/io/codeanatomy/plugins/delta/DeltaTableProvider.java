package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.spi.table.OpenedTable;
import io.codeanatomy.spi.table.TableProvider;
import io.delta.kernel.engine.Engine;
import java.nio.file.Path;
import java.util.SortedSet;

/** Opens Delta tables as Calcite tables at their latest version or at a given one. */
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
        return opened(DeltaTableReader.open(engine, location));
    }

    @Override
    public OpenedTable open(Path location, long version) {
        return opened(DeltaTableReader.open(engine, location, version));
    }

    @Override
    public OpenedTable open(Path location, long version, SortedSet<String> dataFiles) {
        return opened(DeltaTableReader.open(engine, location, version, dataFiles));
    }

    private static OpenedTable opened(DeltaTableReader reader) {
        return new OpenedTable(new DeltaCalciteTable(reader), reader.version(), reader.schemaFingerprint());
    }
}
