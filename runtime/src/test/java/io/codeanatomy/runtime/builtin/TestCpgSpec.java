package io.codeanatomy.runtime.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import java.util.List;
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

        assertThat(grouped.outputs().stream().map(OutputTarget::name)).containsExactlyInAnyOrderElementsOf(
                whole.outputs().stream().map(OutputTarget::name).toList());
        for (String output : CpgSpec.GROUPED_OUTPUTS) {
            OutputTarget target = grouped.outputs().stream().filter(o -> o.name().equals(output)).findFirst().orElseThrow();
            assertThat(target.schema().columnNames()).last().isEqualTo(CpgSpec.OWNER_PATH);
            assertThat(target.schema().columnNames().subList(0, target.schema().columns().size() - 1))
                    .isEqualTo(whole.outputs().stream().filter(o -> o.name().equals(output)).findFirst().orElseThrow().schema().columnNames());
            assertThat(grouped.view(target.view())).map(ViewDefinition::kind).contains(ViewKind.UNION);
        }
        assertThat(CpgSpec.parts()).filteredOn(CpgPart::fileLocal)
                .extracting(part -> part.getClass().getSimpleName())
                .containsExactly("DefinitionNodes", "ModuleNodes", "StructureGraph", "ScopeBindings", "DefUseEdges");
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
        assertThat(CpgSpec.adjacency().outputs()).extracting(OutputTarget::name)
                .containsExactly(CpgSpec.EDGES_BY_SRC_OUTPUT, CpgSpec.EDGES_BY_DST_OUTPUT);
        assertThat(CpgSpec.adjacency().inputs()).extracting(InputRelation::name).containsExactly(CpgSpec.EDGES_OUTPUT);
    }

    @Test
    void fileLocalReadsEveryExtractionTableThroughAFilterOnThePaths() {
        SemanticSpec local = CpgSpec.fileLocal(CpgSpec.parts(), List.of("a.py", "b/c.py"));

        assertThat(local.outputs()).extracting(OutputTarget::name)
                .containsExactly(CpgSpec.NODES_OUTPUT, CpgSpec.EDGES_OUTPUT, CpgSpec.PROPS_OUTPUT);
        assertThat(local.outputs()).extracting(OutputTarget::schema)
                .containsExactly(CpgSpec.owned(CpgSpec.NODES), CpgSpec.owned(CpgSpec.EDGES), CpgSpec.owned(CpgSpec.PROPS));
        assertThat(local.inputs()).isNotEmpty();
        for (InputRelation input : local.inputs()) {
            assertThat(input.name()).endsWith("_all_files");
            assertThat(input.schema().columns()).anySatisfy(column -> assertThat(column.name()).isEqualTo("path"));
            String table = input.name().substring(0, input.name().length() - "_all_files".length());
            assertThat(local.view(table)).map(ViewDefinition::kind).contains(ViewKind.FILTER);
        }
        assertThat(local.inputs()).extracting(InputRelation::name).contains(CpgSpec.allFiles(CpgSpec.LINES))
                .doesNotContain(CpgSpec.allFiles("py_class_bases_v1"));
    }

    @Test
    void fileLocalNeedsAFileLocalPart() {
        assertThatThrownBy(() -> CpgSpec.fileLocal(List.of(new ImportResolution()), List.of("a.py")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no part of the CPG spec has file-local node views");
    }
}
