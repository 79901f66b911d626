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
    void crossFileNodesStacksOnlyTheNodesOfPartsThatAreNotFileLocal() {
        SemanticSpec whole = CpgSpec.assemble(CpgSpec.parts());
        SemanticSpec cross = CpgSpec.crossFileNodes(CpgSpec.parts());

        assertThat(cross.outputs().stream().map(OutputTarget::name)).containsExactlyElementsOf(
                whole.outputs().stream().map(OutputTarget::name).toList());
        assertThat(cross.view("edges_stacked")).isEqualTo(whole.view("edges_stacked"));
        assertThat(cross.view("props_stacked")).isEqualTo(whole.view("props_stacked"));
        assertThat(cross.view("nodes_stacked")).isNotEqualTo(whole.view("nodes_stacked"));
        assertThat(CpgSpec.parts()).filteredOn(CpgPart::fileLocalNodes)
                .extracting(part -> part.getClass().getSimpleName())
                .containsExactly("DefinitionNodes", "ModuleNodes", "StructureGraph", "ScopeBindings");
    }

    @Test
    void fileLocalNodesReadEveryExtractionTableThroughAFilterOnThePaths() {
        SemanticSpec local = CpgSpec.fileLocalNodes(CpgSpec.parts(), List.of("a.py", "b/c.py"));

        assertThat(local.outputs()).extracting(OutputTarget::name).containsExactly(CpgSpec.NODES_OUTPUT);
        assertThat(local.outputs().get(0).schema()).isEqualTo(CpgSpec.NODES);
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
    void fileLocalNodesNeedAFileLocalPart() {
        assertThatThrownBy(() -> CpgSpec.fileLocalNodes(List.of(new ImportResolution()), List.of("a.py")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no part of the CPG spec has file-local node views");
    }
}
