package io.codeanatomy.plugins.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.table.OpenedTable;
import io.codeanatomy.spi.table.TableProvider;
import io.codeanatomy.spi.write.MaterializeResult;
import io.codeanatomy.spi.write.Materializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TestDeltaIoPlugin {
    @TempDir
    Path dir;

    @RegisterExtension
    final TableFixture fixture = new TableFixture();
    private final Plugin plugin = ServiceLoader.load(Plugin.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(candidate -> candidate.descriptor().id().equals(DeltaIoPlugin.ID))
            .findFirst()
            .orElseThrow();
    private final Materializer materializer = plugin.materializers().get(0);
    private final TableProvider provider = plugin.tableProviders().get(0);

    @Test
    void theServiceLoaderFindsOneDeltaProviderAndMaterializer() {
        assertThat(plugin).isInstanceOf(DeltaIoPlugin.class);
        assertThat(plugin.descriptor().coordinate()).isEqualTo("delta-io@" + DeltaIoPlugin.VERSION);
        assertThat(plugin.tableProviders()).extracting(TableProvider::format).containsExactly("delta");
        assertThat(plugin.materializers()).extracting(Materializer::format).containsExactly("delta");
        assertThat(plugin.materializers()).isSameAs(plugin.materializers());
    }

    @Test
    void whatTheMaterializerWritesTheProviderOpens() {
        Path table = dir.resolve("t");

        MaterializeResult created = write(table, WriteMode.CREATE, 0, 700);
        MaterializeResult appended = write(table, WriteMode.APPEND, 700, 1_000);
        OpenedTable opened = provider.open(table);

        assertThat(created).isEqualTo(new MaterializeResult(700, 0));
        assertThat(appended).isEqualTo(new MaterializeResult(300, 1));
        assertThat(provider.canOpen(table)).isTrue();
        assertThat(opened.version()).isEqualTo(1);
        assertThat(opened.schemaFingerprint()).isEqualTo(SchemaFingerprint.sha256(ArrowSchemas.toKernel(SampleBatches.SCHEMA)));
        assertThat(opened.table()).isInstanceOf(DeltaCalciteTable.class);
        assertThat(((DeltaCalciteTable) opened.table()).reader().dataFiles(Optional.empty())).hasSize(2);
    }

    @Test
    void userErrorsAreIllegalArgumentExceptionsNamingTheLocation() throws Exception {
        Path table = dir.resolve("t");
        Path plain = Files.createDirectory(dir.resolve("plain"));
        write(table, WriteMode.CREATE, 0, 10);
        Schema other = new Schema(List.of(Field.nullable("x", ArrowType.Utf8.INSTANCE)));

        assertThat(provider.canOpen(dir.resolve("missing"))).isFalse();
        assertThat(provider.canOpen(plain)).isFalse();
        assertThatThrownBy(() -> provider.open(plain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(plain.toString());
        assertThatThrownBy(() -> write(table, WriteMode.CREATE, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(table.toString());
        assertThatThrownBy(() -> materializer.write(table, WriteMode.APPEND, other, List.<VectorSchemaRoot>of().iterator()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(table.toString());
        assertThat(provider.open(table).version()).isZero();
    }

    private MaterializeResult write(Path table, WriteMode mode, long start, long end) {
        return materializer.write(table, mode, SampleBatches.SCHEMA, SampleBatches.batches(fixture.root, start, end, 256));
    }
}
