package io.codeanatomy.runtime.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TestCpgSpec {
    @Test
    void builtInPartsAreFoundForTheTwoBuiltInSpecsOnly() {
        assertThat(CpgSpec.builtInParts(CpgSpec.spec())).map(List::size).contains(CpgSpec.parts().size());
        assertThat(CpgSpec.builtInParts(CpgSpec.assemble(CpgSpec.partsWithoutCalls()))).map(List::size)
                .contains(CpgSpec.partsWithoutCalls().size());
        List<CpgPart> fewer = CpgSpec.partsWithoutCalls().stream().filter(part -> !(part instanceof ClassHierarchy)).toList();
        assertThat(CpgSpec.builtInParts(CpgSpec.assemble(fewer))).isEmpty();
    }

    @Test
    void groupedStacksTheFileLocalPartsApartAndOwnsTheirRowsByPath() {
        SemanticSpec whole = CpgSpec.assemble(CpgSpec.parts());
        SemanticSpec grouped = CpgSpec.grouped(CpgSpec.parts());

        List<String> stored = CpgSpec.storedOutputs(CpgSpec.parts()).stream().map(OutputTarget::name).toList();
        assertThat(stored).containsExactly("stored_imp_module_symbols", "stored_imp_definers", "stored_imp_builtin_uses",
                "stored_imp_base_reads");
        List<String> expected = new ArrayList<>(whole.outputs().stream().map(OutputTarget::name).toList());
        expected.addAll(stored);
        assertThat(grouped.outputs().stream().map(OutputTarget::name)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(CpgSpec.groupedOutputs(CpgSpec.parts())).containsExactly(CpgSpec.NODES_OUTPUT, CpgSpec.EDGES_OUTPUT,
                CpgSpec.PROPS_OUTPUT, "stored_imp_module_symbols", "stored_imp_definers", "stored_imp_builtin_uses", "stored_imp_base_reads");
        for (OutputTarget output : CpgSpec.storedOutputs(CpgSpec.parts())) {
            OutputTarget target = grouped.outputs().stream().filter(o -> o.name().equals(output.name())).findFirst().orElseThrow();
            assertThat(target.schema()).isEqualTo(CpgSpec.owned(output.schema()));
            assertThat(target.path()).startsWith("cpg/stored/");
        }
        for (String output : CpgSpec.GROUPED_OUTPUTS) {
            OutputTarget target = grouped.outputs().stream().filter(o -> o.name().equals(output)).findFirst().orElseThrow();
            assertThat(target.schema().columnNames()).last().isEqualTo(CpgSpec.OWNER_PATH);
            assertThat(target.schema().columnNames().subList(0, target.schema().columns().size() - 1))
                    .isEqualTo(whole.outputs().stream().filter(o -> o.name().equals(output)).findFirst().orElseThrow().schema().columnNames());
            assertThat(grouped.view(target.view())).map(ViewDefinition::kind).contains(ViewKind.UNION);
        }
        assertThat(CpgSpec.parts()).filteredOn(CpgPart::fileLocal)
                .extracting(part -> part.getClass().getSimpleName())
                .containsExactly("DefinitionNodes", "ModuleNodes", "StructureGraph", "ScopeBindings", "DefUseEdges", "ModuleBindings");
    }

    @Test
    void crossFileStacksOnlyThePartsThatAreNotFileLocalAndLeavesAdjacencyOut() {
        SemanticSpec cross = CpgSpec.crossFile(CpgSpec.parts());

        assertThat(cross.outputs()).extracting(OutputTarget::name).contains(CpgSpec.NODES_OUTPUT, CpgSpec.EDGES_OUTPUT, CpgSpec.PROPS_OUTPUT)
                .doesNotContain(CpgSpec.EDGES_BY_SRC_OUTPUT, CpgSpec.EDGES_BY_DST_OUTPUT);
        assertThat(cross.view("nodes_file_local")).isEmpty();
        assertThat(cross.view("edges_file_local")).isEmpty();
        assertThat(cross.view("props_file_local")).isEmpty();
        assertThat(cross.view("edges_cross_file")).isPresent();
        SemanticSpec adjacency = CpgSpec.adjacency(path -> Exprs.eq(path, CpgSpec.NO_FILE));
        assertThat(adjacency.outputs()).extracting(OutputTarget::name).containsExactly(CpgSpec.EDGES_BY_SRC_OUTPUT, CpgSpec.EDGES_BY_DST_OUTPUT);
        assertThat(adjacency.outputs()).extracting(OutputTarget::schema).containsOnly(CpgSpec.owned(CpgSpec.ADJACENCY));
        assertThat(adjacency.inputs()).extracting(InputRelation::name).containsExactly(CpgSpec.LOCAL_EDGES, CpgSpec.CROSS_EDGES, CpgSpec.GROUP_NODES);
    }

    @Test
    void fileLocalReadsEveryExtractionTableThroughAFilterOnThePaths() {
        SemanticSpec local = CpgSpec.fileLocal(CpgSpec.parts(), List.of("a.py", "b/c.py"));

        assertThat(local.outputs()).extracting(OutputTarget::name).containsExactlyElementsOf(CpgSpec.groupedOutputs(CpgSpec.parts()));
        assertThat(local.outputs().subList(0, 3)).extracting(OutputTarget::schema)
                .containsExactly(CpgSpec.owned(CpgSpec.NODES), CpgSpec.owned(CpgSpec.EDGES), CpgSpec.owned(CpgSpec.PROPS));
        assertThat(local.inputs()).isNotEmpty();
        for (InputRelation input : local.inputs()) {
            assertThat(input.name()).endsWith("_all_files");
            assertThat(input.schema().columns()).anySatisfy(column -> assertThat(column.name()).isEqualTo("path"));
            String table = input.name().substring(0, input.name().length() - "_all_files".length());
            assertThat(local.view(table)).map(ViewDefinition::kind).contains(ViewKind.FILTER);
        }
        assertThat(local.inputs()).extracting(InputRelation::name).contains(CpgSpec.allFiles(CpgSpec.LINES))
                .doesNotContain(CpgSpec.allFiles("py_returns_v1"));
    }

    @Test
    void crossFileReadsTheStoredViewsFromTheirOutputsSoImportsNeedNoBindingsOfEveryFile() {
        SemanticSpec cross = CpgSpec.crossFile(CpgSpec.partsWithoutCalls());

        for (OutputTarget stored : CpgSpec.storedOutputs(CpgSpec.partsWithoutCalls())) {
            assertThat(cross.inputs()).contains(new InputRelation(stored.name(), stored.schema()));
            String view = stored.name().substring("stored_".length());
            assertThat(cross.view(view)).map(ViewDefinition::dependencies).contains(List.of(stored.name()));
        }
        assertThat(reachable(cross)).contains(ModuleBindings.DEFINERS, ImportResolution.LOOKUPS)
                .doesNotContain(DefUseEdges.BINDINGS, DefUseEdges.NAME_BINDINGS, ModuleBindings.BASE_PREFIXES);
        // The build from scratch computes them in its plans, which store them.
        assertThat(reachable(CpgSpec.grouped(CpgSpec.partsWithoutCalls()))).contains(DefUseEdges.BINDINGS, ModuleBindings.BASE_PREFIXES);
    }

    /** The views and inputs the outputs of {@code spec} read, directly or through other views. */
    private static Set<String> reachable(SemanticSpec spec) {
        Set<String> seen = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>();
        spec.outputs().forEach(output -> pending.push(output.view()));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (seen.add(name)) {
                spec.view(name).ifPresent(view -> view.dependencies().forEach(pending::push));
            }
        }
        return seen;
    }

    @Test
    void fileLocalNeedsAFileLocalPart() {
        assertThatThrownBy(() -> CpgSpec.fileLocal(List.of(new ImportResolution()), List.of("a.py")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no part of the CPG spec has file-local node views");
    }
}
