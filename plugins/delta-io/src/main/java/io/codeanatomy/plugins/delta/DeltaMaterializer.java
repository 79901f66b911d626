package io.codeanatomy.plugins.delta;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.spi.write.GroupWrite;
import io.codeanatomy.spi.write.GroupedWriteResult;
import io.codeanatomy.spi.write.MaterializeResult;
import io.codeanatomy.spi.write.Materializer;
import io.codeanatomy.spi.write.TableChanges;
import io.codeanatomy.spi.write.VacuumResult;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.SortedSet;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Writes Arrow batches as one Delta commit; see {@link DeltaTableWriter} for what each mode does. */
public final class DeltaMaterializer implements Materializer {
    private final KernelEngine engine;
    private final DeltaTableWriter writer;

    public DeltaMaterializer(KernelEngine engine) {
        this.engine = requireNonNull(engine, "engine is null");
        this.writer = new DeltaTableWriter(engine);
    }

    @Override
    public String format() {
        return DeltaIoPlugin.FORMAT;
    }

    @Override
    public MaterializeResult write(Path location, WriteMode mode, Schema schema, Iterator<VectorSchemaRoot> batches) {
        requireNonNull(mode, "mode is null");
        requireNonNull(schema, "schema is null");
        DeltaCommit commit = switch (mode) {
            case CREATE -> writer.create(location, schema, batches);
            case OVERWRITE -> writer.overwrite(location, schema, batches);
            case APPEND -> writer.append(location, schema, batches);
        };
        return new MaterializeResult(commit.rowsWritten(), commit.version());
    }

    /** See {@link DeltaTableWriter#writeGroups}. */
    @Override
    public GroupedWriteResult writeGroups(Path location, Schema schema, boolean replaceAll, String keyColumn,
            Iterator<GroupWrite> groups) {
        return writer.writeGroups(location, schema, replaceAll, keyColumn, groups);
    }

    @Override
    public boolean writesGroups() {
        return true;
    }

    /** See {@link DeltaVacuum}. */
    @Override
    public VacuumResult vacuum(Path location, SortedSet<Long> keep) {
        return DeltaVacuum.vacuum(engine, location, keep);
    }

    @Override
    public Optional<TableChanges> changes(Path location, long from, long to) {
        return KernelInternals.changes(engine, DeltaTableWriter.tablePath(location), from, to);
    }
}
