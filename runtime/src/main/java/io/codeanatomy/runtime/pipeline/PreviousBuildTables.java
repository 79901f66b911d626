package io.codeanatomy.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.spi.extract.PreviousTables;
import io.codeanatomy.spi.table.OpenedTable;
import io.codeanatomy.spi.table.TableProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The extraction tables of an output's latest build, each at the version its manifest names, for
 * an extractor to compare the selection with ({@link io.codeanatomy.spi.extract.Extractor#changes}).
 */
final class PreviousBuildTables implements PreviousTables {
    private final Session session;
    private final Path root;
    private final BuildManifest manifest;

    PreviousBuildTables(Session session, Path root, BuildManifest manifest) {
        this.session = requireNonNull(session, "session is null");
        this.root = requireNonNull(root, "root is null");
        this.manifest = requireNonNull(manifest, "manifest is null");
    }

    @Override
    public List<Object[]> rows(String table, List<String> columns) {
        Optional<ManifestTable> recorded = manifest.table(table);
        if (recorded.isEmpty()) {
            return List.of();
        }
        OpenedTable opened = open(root.resolve(recorded.get().path()), recorded.get().version());
        RelDataType rowType = opened.table().getRowType(session.typeFactory());
        int[] projects = new int[columns.size()];
        for (int i = 0; i < projects.length; i++) {
            RelDataTypeField field = rowType.getField(columns.get(i), true, false);
            if (field == null) {
                throw new IllegalArgumentException("the previous build's table '" + table + "' has no column '" + columns.get(i) + "'");
            }
            projects[i] = field.getIndex();
        }
        List<Object[]> rows = new ArrayList<>();
        try (Enumerator<Object[]> enumerator = TableScans.scan(session, opened.table(), projects).enumerator()) {
            while (enumerator.moveNext()) {
                rows.add(enumerator.current());
            }
        }
        return rows;
    }

    /** The latest version of the table at {@code location}. */
    long latestVersion(Path location) {
        return provider(location).open(location).version();
    }

    private OpenedTable open(Path location, long version) {
        return provider(location).open(location, version);
    }

    private TableProvider provider(Path location) {
        for (TableProvider provider : session.plugins().tableProviders().values()) {
            if (provider.canOpen(location)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("no table provider can open " + location);
    }
}
