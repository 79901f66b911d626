package io.codeanatomy.plugins.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.extract.Extractor;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TestPythonExtractionPlugin {
    @Test
    void serviceLoaderFindsThePluginAndItsPythonExtractor() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof PythonExtractionPlugin).toList();
        assertThat(plugins).hasSize(1);
        Plugin plugin = plugins.get(0);
        assertThat(plugin.descriptor().coordinate()).startsWith("extract-python@");
        assertThat(plugin.extractors()).extracting(Extractor::id).containsExactly("python");
        assertThat(plugin.extractors().get(0).tables()).extracting(t -> t.name()).containsExactly(
                "py_files_v1", "py_lines_v2", "py_defs_v1", "py_params_v1", "py_names_v1", "py_calls_v1",
                "py_imports_v1", "py_decorators_v2", "py_comprehensions_v1", "py_scope_decls_v1", "py_errors_v1",
                "py_semantic_errors_v1", "py_class_bases_v1", "py_exprs_v1", "py_expr_operands_v1",
                "py_assignments_v1", "py_container_elements_v1", "py_returns_v1", "py_call_args_v1",
                "py_iterations_v1", "py_annotations_v1", "py_operator_operands_v1",
                "py_param_defaults_v1", "py_type_scopes_v1", "py_branches_v1");
    }
}
