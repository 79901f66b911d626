package io.codeanatomy.plugins.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.plugins.python.facts.FactCollector;
import io.codeanatomy.plugins.python.facts.Row;
import io.codeanatomy.plugins.python.facts.WalkContext;
import io.codeanatomy.plugins.python.tables.Column;
import io.codeanatomy.plugins.python.tables.TableSpec;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.extension.Extension;
import io.codeanatomy.spi.extension.ExtensionPoint;
import io.codeanatomy.spi.extension.ExtensionRegistry;
import io.codeanatomy.spi.extract.ExtractionRequest;
import io.codeanatomy.spi.extract.Extractor;
import io.codeanatomy.spi.extract.ProgressListener;
import io.codeanatomy.spi.extract.TableDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * extract-python declares the extension point {@code extract-python:fact-collectors}; a plugin that
 * contributes a fact family there gets its table declared and written by the Python extractor,
 * from the same walk as the built-in tables.
 */
class TestFactCollectorExtension {
    /** A string constant and the scope that evaluates it: the contributed family's row. */
    record StringConstantRow(String id, long bstart, long bend, String scopeId, String value) implements Row {
    }

    /** The contributed family: one row per str constant, in table {@code strings_v1}. */
    static final class StringConstants implements PythonFactFamily {
        static final TableSpec<StringConstantRow> TABLE = TableSpec.of("strings_v1", StringConstantRow.class,
                Column.string("string_id", StringConstantRow::id), Column.fileId(), Column.path(),
                Column.int64("bstart", Row::bstart), Column.int64("bend", Row::bend),
                Column.string("scope_id", StringConstantRow::scopeId), Column.string("value", StringConstantRow::value));

        @Override
        public List<TableSpec<?>> tables() {
            return List.of(TABLE);
        }

        @Override
        public FactCollector newCollector() {
            return new FactCollector() {
                @Override
                public void expression(expr e, WalkContext context) {
                    if (e instanceof Constant c && c.value() instanceof String s) {
                        context.emit(new StringConstantRow(context.id("test_string", e.bstart(), e.bend()), e.bstart(),
                                e.bend(), context.scope().id(), s));
                    }
                }
            };
        }
    }

    /** A plugin contributing the family, as another plugin would. */
    static final class ContributingPlugin implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of("strings", "1.0.0", "string constants, for the test");
        }

        @Override
        public List<Extension<?>> extensions() {
            return List.of(PythonExtractionPlugin.FACT_COLLECTORS.extension("string-constants", new StringConstants()));
        }
    }

    /** What the runtime's catalog hands a declaring plugin: the contributions to its points. */
    private static ExtensionRegistry registryOf(List<Plugin> contributors) {
        return new ExtensionRegistry() {
            @Override
            public <T> List<T> contributions(ExtensionPoint<T> point) {
                return contributors.stream().flatMap(p -> p.extensions().stream())
                        .filter(e -> e.point().equals(point.id()))
                        .map(e -> point.contract().cast(e.value()))
                        .toList();
            }
        };
    }

    @TempDir
    Path root;

    @Test
    void thePluginDeclaresThePointForExtraFactCollectors() {
        List<ExtensionPoint<?>> points = new PythonExtractionPlugin().extensionPoints();
        assertThat(points).containsExactly(PythonExtractionPlugin.FACT_COLLECTORS);
        assertThat(points.get(0).id()).isEqualTo("extract-python:fact-collectors");
        assertThat(points.get(0).owner()).isEqualTo(new PythonExtractionPlugin().descriptor().id());
    }

    @Test
    void aContributedCollectorsTableIsDeclaredAndWritten() throws Exception {
        Files.writeString(root.resolve("m.py"), """
                X = "top"
                def f():
                    return "inner" + str(1)
                """);
        Plugin bound = new PythonExtractionPlugin().bind(registryOf(List.of(new ContributingPlugin())));
        Extractor extractor = bound.extractors().get(0);
        List<String> names = extractor.tables().stream().map(TableDefinition::name).toList();
        assertThat(names).endsWith("strings_v1").contains("py_exprs_v1");
        try (RecordingSink sink = new RecordingSink(extractor.tables())) {
            extractor.extract(new ExtractionRequest(root, List.of(), List.of(), 2, ProgressListener.NONE), sink);
            List<Map<String, Object>> rows = sink.rows("strings_v1");
            assertThat(rows).extracting(r -> r.get("value")).containsExactly("top", "inner");
            String functionScope = (String) sink.rows("py_defs_v1").get(0).get("def_id");
            assertThat(rows.get(1).get("scope_id")).isEqualTo(functionScope);
            assertThat(rows).allSatisfy(r -> assertThat(r.get("path")).isEqualTo("m.py"));
        }
        // Options keep the contributed families.
        Extractor configured = extractor.withOptions(new java.util.TreeMap<>(Map.of("version", "3.11")));
        assertThat(configured.tables()).extracting(TableDefinition::name).endsWith("strings_v1");
    }

    @Test
    void withoutContributionsOnlyTheBuiltInTablesAreWritten() {
        Plugin bound = new PythonExtractionPlugin().bind(registryOf(List.of()));
        assertThat(bound.extractors().get(0).tables()).extracting(TableDefinition::name)
                .doesNotContain("strings_v1").contains("py_files_v1");
    }

    @Test
    void aFamilyTableNamedLikeABuiltInOneIsRefusedWithItsNameWhenBound() {
        PythonFactFamily clash = new PythonFactFamily() {
            @Override
            public List<TableSpec<?>> tables() {
                return List.of(TableSpec.of("py_names_v1", StringConstantRow.class,
                        Column.string("name_id", StringConstantRow::id)));
            }

            @Override
            public FactCollector newCollector() {
                return new FactCollector() {
                };
            }
        };
        Plugin clashing = new Plugin() {
            @Override
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of("clash", "1.0.0", "a table name clash, for the test");
            }

            @Override
            public List<Extension<?>> extensions() {
                return List.of(PythonExtractionPlugin.FACT_COLLECTORS.extension("names", clash));
            }
        };
        PythonExtractionPlugin plugin = new PythonExtractionPlugin();
        assertThatThrownBy(() -> plugin.bind(registryOf(List.of(clashing)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'py_names_v1'").hasMessageContaining("another name");
    }
}
