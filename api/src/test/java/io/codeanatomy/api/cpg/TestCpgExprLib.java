package io.codeanatomy.api.cpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Evaluator;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.FunctionSignature;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.SchemaContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCpgExprLib {
    private static final Field<String> QNAME = Exprs.col("d", "qname", DataType.STRING);
    private static final SchemaContract DEFS = SchemaContract.of(1,
            ColumnContract.required("path", DataType.STRING),
            ColumnContract.required("bstart", DataType.INT64),
            ColumnContract.required("bend", DataType.INT64),
            ColumnContract.optional("name", DataType.STRING));

    @Test
    void helpersCallTheCataloguedSignatures() {
        assertThat(Exprs.canonical(QNames.parent(QNAME))).isEqualTo("qualified_name_parent(d.qname:STRING):STRING");
        assertThat(Exprs.canonical(QNames.leaf(QNAME))).isEqualTo("qualified_name_leaf(d.qname:STRING):STRING");
        assertThat(Exprs.canonical(QNames.depth(QNAME))).isEqualTo("qualified_name_depth(d.qname:STRING):INT32");
        assertThat(Exprs.canonical(QNames.join(QNAME, Exprs.val("g")))).isEqualTo("qualified_name_join(d.qname:STRING, 'g':STRING):STRING");
        assertThat(Exprs.canonical(CpgExprs.stableId("d", Exprs.val("PY_DEF"))))
                .isEqualTo("stable_hash_id(d.path:STRING, d.bstart:INT64, d.bend:INT64, 'PY_DEF':STRING):STRING");
    }

    @Test
    void catalogueNamesAreUniqueAndAllDeterministic() {
        assertThat(CpgFunctions.ALL).extracting(FunctionSignature::name).doesNotHaveDuplicates();
        assertThat(CpgFunctions.ALL).allMatch(FunctionSignature::deterministic);
    }

    @Test
    void locationAndEvidenceAreNamedStructs() {
        Field<Map<String, Object>> location = CpgExprs.location(Exprs.col("d", "path", DataType.STRING), Spans.start("d"), Spans.end("d"),
                Exprs.val(1), Exprs.val(4), Exprs.val(2), Exprs.val(0));
        assertThat(location.type().members()).extracting(m -> m.name()).containsExactlyElementsOf(CpgExprs.LOCATION_MEMBERS);
        Object value = new Evaluator(Map.of("d.path", "a.py", "d.bstart", 3L, "d.bend", 9L)).eval(location);
        assertThat(value).hasToString("{path=a.py, bstart=3, bend=9, start={line=1, col=4}, end={line=2, col=0}}");

        Field<Map<String, Object>> evidence = CpgExprs.evidence(Exprs.val("symtable"), Exprs.val(1.0), Exprs.val("FREE"));
        assertThat(evidence.type().members()).extracting(m -> m.name()).containsExactlyElementsOf(CpgExprs.EVIDENCE_MEMBERS);
    }

    @Test
    void semanticTypeCaseTestsKindsInTheGivenOrder() {
        Field<String> kind = Exprs.col("d", "kind", DataType.STRING);
        Field<String> nodeKind = CpgExprs.semanticTypeCase(kind,
                List.of(Map.entry("CLASS", Exprs.val("PY_CLASS")), Map.entry("FUNCTION", Exprs.val("PY_FUNCTION"))), Exprs.val("PY_OTHER"));
        assertThat(new Evaluator(Map.of("d.kind", "CLASS")).eval(nodeKind)).isEqualTo("PY_CLASS");
        assertThat(new Evaluator(Map.of("d.kind", "FUNCTION")).eval(nodeKind)).isEqualTo("PY_FUNCTION");
        assertThat(new Evaluator(Map.of("d.kind", "LAMBDA")).eval(nodeKind)).isEqualTo("PY_OTHER");
        assertThatThrownBy(() -> CpgExprs.semanticTypeCase(kind,
                List.of(Map.entry("CLASS", Exprs.val("A")), Map.entry("CLASS", Exprs.val("B"))), Exprs.val("C")))
                .hasMessageContaining("maps a kind twice: [CLASS, CLASS]");
    }

    @Test
    void namespaceAndStableIdAndStructAreProjectionsOverEveryColumn() {
        RelSpec defs = RelSpec.scan("py_defs", "d");
        assertThat(CpgTransforms.namespaceColumns(defs, DEFS, "ast").fields()).extracting(f -> f.name())
                .containsExactly("ast__path", "ast__bstart", "ast__bend", "ast__name");
        assertThat(CpgTransforms.addStableId(defs, DEFS, "node_id", Exprs.val("PY_DEF")).fields().get(4).toString())
                .isEqualTo("stable_hash_id(path, bstart, bend, 'PY_DEF') AS node_id");
        assertThat(CpgTransforms.attachStruct(defs, DEFS, "span", List.of(Spans.start("d").as("s"), Spans.end("d").as("e")))
                .fields()).extracting(f -> f.name()).containsExactly("path", "bstart", "bend", "name", "span");
        assertThatThrownBy(() -> CpgTransforms.addStableId(defs, SchemaContract.of(1, ColumnContract.required("path", DataType.STRING)),
                "node_id", Exprs.val("PY_DEF"))).hasMessage("The relation has no column 'bstart' (INT64), which the stable id needs.");
    }

    @Test
    void enforceContractIsStrictOrCoerces() {
        SchemaContract actual = SchemaContract.of(1,
                ColumnContract.required("path", DataType.STRING), ColumnContract.required("line", DataType.INT32),
                ColumnContract.required("extra", DataType.BOOLEAN));
        SchemaContract wanted = SchemaContract.of(1,
                ColumnContract.required("line", DataType.INT64), ColumnContract.required("path", DataType.STRING),
                ColumnContract.optional("name", DataType.STRING));
        RelSpec input = RelSpec.scan("t");

        assertThat(CpgTransforms.enforceContract(input, actual, wanted, ContractMode.COERCE).fields()).extracting(Object::toString)
                .containsExactly("CAST(line AS INT64) AS line", "path AS path", "NULL:STRING AS name");
        assertThatThrownBy(() -> CpgTransforms.enforceContract(input, actual, wanted, ContractMode.STRICT))
                .hasMessage("The column 'line' is INT32 but the contract says INT64; cast it, or enforce with COERCE.");
        SchemaContract required = SchemaContract.of(1, ColumnContract.required("name", DataType.STRING));
        assertThatThrownBy(() -> CpgTransforms.enforceContract(input, actual, required, ContractMode.COERCE))
                .hasMessage("The contract column 'name' (STRING) is missing from the relation; add it.");
    }
}
