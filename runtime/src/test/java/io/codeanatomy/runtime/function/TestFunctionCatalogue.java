package io.codeanatomy.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.cpg.CpgExprs;
import io.codeanatomy.api.cpg.CpgFunctions;
import io.codeanatomy.api.cpg.QNames;
import io.codeanatomy.api.cpg.Spans;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.expr.Field;
import io.codeanatomy.api.expr.FunctionKind;
import io.codeanatomy.api.expr.FunctionSignature;
import io.codeanatomy.api.plan.PlanBundle;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.SemanticSpec;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.compile.CompiledDag;
import io.codeanatomy.runtime.compile.CompiledFragment;
import io.codeanatomy.runtime.compile.TypeMapping;
import io.codeanatomy.runtime.plan.PlannedQuery;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.testing.MemoryTable;
import io.codeanatomy.spi.Plugin;
import io.codeanatomy.spi.PluginDescriptor;
import io.codeanatomy.spi.function.ScalarFunctionContribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.AggregateFunction;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.junit.jupiter.api.Test;

/**
 * The functions the API's expression library and the built-in spec call exist: a discovered
 * plugin registers each with the catalogue's signature, as Calcite sees the registered method
 * (arity, argument types, return type) and as the planner sees it (determinism).
 */
class TestFunctionCatalogue {
    @Test
    void discoveredPluginsRegisterEveryCatalogueFunctionWithItsSignature() {
        try (Session session = Session.open(SessionConfig.defaults())) {
            assertThat(mismatches(session, CpgFunctions.ALL)).isEmpty();
        }
    }

    @Test
    void everyFunctionTheBuiltInSpecCallsIsCataloguedAndRegisteredWithThatSignature() {
        try (Session session = Session.open(SessionConfig.defaults())) {
            SemanticSpec spec = CpgSpec.spec();
            for (InputRelation input : spec.inputs()) {
                session.schema().add(input.name(), new MemoryTable(tf -> {
                    var row = tf.builder();
                    input.schema().columns().forEach(c -> row.add(c.name(), TypeMapping.toCalcite(c.type(), c.nullable(), tf)));
                    return row.build();
                }, List.of()));
            }
            // As a build compiles it: every shared view a fragment of its own. Compiled as one tree,
            // a subquery over shared views hashes the whole tree below it at every filter, for minutes.
            CompiledDag compiled = session.compileDag(spec);
            SortedMap<String, FunctionSignature<?>> called = new TreeMap<>();
            List<String> problems = new ArrayList<>();
            Set<RelNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (CompiledFragment fragment : compiled.fragments()) {
                collectCalls(fragment.root(), called, problems, seen);
            }

            assertThat(problems).isEmpty();
            assertThat(called).containsOnlyKeys(CpgFunctions.QUALIFIED_NAME_JOIN.name(), CpgFunctions.STABLE_HASH_ID.name(),
                    CpgFunctions.STABLE_EDGE_ID.name(), CpgFunctions.LINE_NUMBER.name(), CpgFunctions.LINE_COLUMN.name(),
                    CpgFunctions.QUALIFIED_NAME_LEAF.name(), CpgFunctions.QUALIFIED_NAME_DEPTH.name(), CpgFunctions.QUALIFIED_NAME_PARENT.name(),
                    CpgFunctions.C3_POSITION.name(), CpgFunctions.TEXT_CONCAT.name());
            Map<String, FunctionSignature<?>> catalogue = new TreeMap<>();
            CpgFunctions.ALL.forEach(s -> catalogue.put(s.name(), s));
            called.forEach((name, signature) -> assertThat(signature).as("call of %s in the built-in spec", name)
                    .isEqualTo(catalogue.get(name)));
            assertThat(mismatches(session, called.values())).isEmpty();
        }
    }

    @Test
    void deterministicCallsOnLiteralsAreFoldedInTheOptimizedPlan() {
        SchemaContract defs = SchemaContract.of(1, ColumnContract.required("path", DataType.STRING),
                ColumnContract.required("bstart", DataType.INT64), ColumnContract.required("bend", DataType.INT64));
        Field<String> path = Exprs.col("d", "path", DataType.STRING);
        SemanticSpec spec = SemanticSpec.builder("folding", "1.0.0")
                .input("defs", defs)
                .view("folded", ViewKind.PROJECT, RelSpec.scan("defs", "d")
                        .filter(Exprs.condition(CpgFunctions.BYTE_SPAN_CONTAINS.call(Exprs.val(0L), Exprs.val(10L), Spans.start("d"), Spans.end("d"))))
                        .project(
                                CpgExprs.stableId(Exprs.val("a.py"), Exprs.val(0L), Exprs.val(0L), Exprs.val("PY_FILE")).as("file_id"),
                                QNames.depth(Exprs.val("pkg.mod.f")).as("depth"),
                                QNames.parent(path).as("parent")))
                .output("out", "folded", "out", WriteMode.CREATE, SchemaContract.of(1,
                        ColumnContract.optional("file_id", DataType.STRING), ColumnContract.optional("depth", DataType.INT32),
                        ColumnContract.optional("parent", DataType.STRING)))
                .build();
        try (Session session = Session.open(SessionConfig.defaults())) {
            session.schema().add("defs", new MemoryTable(tf -> tf.builder()
                    .add("path", TypeMapping.toCalcite(DataType.STRING, false, tf))
                    .add("bstart", TypeMapping.toCalcite(DataType.INT64, false, tf))
                    .add("bend", TypeMapping.toCalcite(DataType.INT64, false, tf)).build(), List.of()));

            PlanBundle bundle = session.plan(session.compile(spec).output("out")).bundle();

            // P0 holds the calls as written; P1 (the optimized logical plan) holds the values of
            // the calls on literals (cast to the call's nullable type), and still the call on a column.
            assertThat(bundle.p0()).contains("stable_hash_id('a.py', 0:BIGINT, 0:BIGINT, 'PY_FILE')").contains("qualified_name_depth('pkg.mod.f')");
            assertThat(bundle.p1()).contains("file_id=[CAST('PY_FILE:af36a7b025656fae10ded9ee15edb6fc':VARCHAR):VARCHAR]")
                    .contains("depth=[CAST(3):INTEGER]")
                    .doesNotContain("stable_hash_id").doesNotContain("qualified_name_depth")
                    .contains("qualified_name_parent($0)");
        }
    }

    @Test
    void spanMergeIsTheCoveringSpanOfAGroupAsAStruct() {
        try (Session session = Session.open(SessionConfig.defaults())) {
            PlannedQuery planned = session.planSql("SELECT p, span_merge(b, e) AS s, span_merge(b, e).bend AS e "
                    + "FROM (SELECT p, CAST(b AS BIGINT) AS b, CAST(e AS BIGINT) AS e FROM (VALUES "
                    + "('a', 10, 50), ('a', 0, 20), ('a', 60, 70), ('b', 3, 4)) AS t(p, b, e)) GROUP BY p ORDER BY p").query();
            List<String> rows = rows(session, planned);

            assertThat(TypeMapping.toApi(planned.optimized().getRowType().getFieldList().get(1).getType()))
                    .contains(CpgFunctions.SPAN_MERGE.returnType());
            assertThat(rows).containsExactly("[a, [0, 70], 70]", "[b, [3, 4], 4]");
        }
    }

    @Test
    void aSpecAggregatesWithSpanMergeIntoAStructColumn() {
        SchemaContract defs = SchemaContract.of(1, ColumnContract.required("path", DataType.STRING),
                ColumnContract.required("bstart", DataType.INT64), ColumnContract.required("bend", DataType.INT64));
        SemanticSpec spec = SemanticSpec.builder("merge", "1.0.0")
                .input("defs", defs)
                .view("hulls", ViewKind.AGGREGATE, RelSpec.scan("defs", "d").aggregate(
                        List.of(Exprs.col("d", "path", DataType.STRING).as("path")),
                        List.of(CpgExprs.spanMerge(Spans.start("d"), Spans.end("d"), "span"))))
                .output("out", "hulls", "out", WriteMode.CREATE, SchemaContract.of(1, ColumnContract.required("path", DataType.STRING),
                        new ColumnContract("span", CpgFunctions.SPAN_MERGE.returnType(), true)))
                .build();
        try (Session session = Session.open(SessionConfig.defaults())) {
            session.schema().add("defs", new MemoryTable(tf -> tf.builder()
                    .add("path", TypeMapping.toCalcite(DataType.STRING, false, tf))
                    .add("bstart", TypeMapping.toCalcite(DataType.INT64, false, tf))
                    .add("bend", TypeMapping.toCalcite(DataType.INT64, false, tf)).build(),
                    List.<Object[]>of(new Object[] {"a.py", 10L, 50L}, new Object[] {"a.py", 0L, 20L}, new Object[] {"b.py", 3L, 4L})));

            PlannedQuery planned = session.plan(session.compile(spec).output("out"));

            assertThat(rows(session, planned)).containsExactlyInAnyOrder("[a.py, [0, 50]]", "[b.py, [3, 4]]");
        }
    }

    @Test
    void spanRankIsTheNestingLevelOverAWindow() {
        try (Session session = Session.open(SessionConfig.defaults())) {
            PlannedQuery planned = session.planSql("SELECT p, b, e, span_rank(b, e) OVER (PARTITION BY p ORDER BY b, e DESC ROWS UNBOUNDED PRECEDING) "
                    + "FROM (SELECT p, CAST(b AS BIGINT) AS b, CAST(e AS BIGINT) AS e FROM (VALUES ('a', 0, 100), ('a', 10, 50), ('a', 20, 30), ('a', 40, 45), ('a', 60, 70), ('b', 0, 5), ('b', 1, 2)) "
                    + "AS t(p, b, e)) ORDER BY p, b").query();
            List<String> rows = rows(session, planned);

            assertThat(rows).containsExactly("[a, 0, 100, 1]", "[a, 10, 50, 2]", "[a, 20, 30, 3]", "[a, 40, 45, 3]", "[a, 60, 70, 2]",
                    "[b, 0, 5, 1]", "[b, 1, 2, 2]");
        }
    }

    @Test
    void aMissingFunctionOrAChangedSignatureIsReported() {
        // The check above must be able to fail: without the plugin, or with a plugin whose
        // contribution drifts from the catalogue, it names the function.
        try (Session session = Session.open(SessionConfig.defaults(), List.of())) {
            assertThat(mismatches(session, List.of(CpgFunctions.STABLE_HASH_ID)))
                    .containsExactly("stable_hash_id is registered by no discovered plugin");
        }
        FunctionSignature<String> drifted = new FunctionSignature<>("stable_hash_id", FunctionKind.SCALAR,
                CpgFunctions.STABLE_HASH_ID.parameterTypes(), DataType.STRING, false);
        Plugin plugin = new Plugin() {
            @Override
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of("drifting", "1.0", "a stable id declared non-deterministic");
            }

            @Override
            public List<ScalarFunctionContribution> scalarFunctions() {
                return List.of(new ScalarFunctionContribution(drifted, TestFunctionCatalogue.class, "stableHashId", ""));
            }
        };
        try (Session session = Session.open(SessionConfig.defaults(), List.of(plugin))) {
            assertThat(mismatches(session, List.of(CpgFunctions.STABLE_HASH_ID))).containsExactly(
                    "stable_hash_id is registered as " + drifted + ", the catalogue says " + CpgFunctions.STABLE_HASH_ID,
                    "stable_hash_id is deterministic in the catalogue but the planner's operator is not");
        }
    }

    /** Stands in for a plugin's implementation in {@link #aMissingFunctionOrAChangedSignatureIsReported}. */
    public static String stableHashId(String path, Long bstart, Long bend, String kind) {
        return kind;
    }

    /** The rows of a planned query, each as {@code Arrays.deepToString}. */
    private static List<String> rows(Session session, PlannedQuery planned) {
        List<String> rows = new ArrayList<>();
        try (Enumerator<?> result = session.executor().rows(planned.physical())) {
            while (result.moveNext()) {
                rows.add(java.util.Arrays.deepToString((Object[]) result.current()));
            }
        }
        return rows;
    }

    /** What differs between the session's registered functions and {@code required}, one sentence each. */
    private static List<String> mismatches(Session session, Iterable<? extends FunctionSignature<?>> required) {
        List<String> problems = new ArrayList<>();
        for (FunctionSignature<?> signature : required) {
            Optional<FunctionSignature<?>> contributed = contributed(session, signature);
            if (contributed.isEmpty()) {
                problems.add(signature.name() + " is registered by no discovered plugin");
                continue;
            }
            if (!contributed.get().equals(signature)) {
                problems.add(signature.name() + " is registered as " + contributed.get() + ", the catalogue says " + signature);
            }
            SqlOperator operator = signature.kind() == FunctionKind.SCALAR
                    ? session.functions().scalar(signature.name()).orElseThrow()
                    : session.functions().aggregate(signature.name()).orElseThrow();
            org.apache.calcite.schema.Function function = operator instanceof SqlUserDefinedFunction scalar
                    ? scalar.getFunction() : ((SqlUserDefinedAggFunction) operator).function;
            FunctionSignature<?> derived = derived(session, function, operator.isDeterministic(), signature);
            if (!derived.parameterTypes().equals(signature.parameterTypes()) || !derived.returnType().equals(signature.returnType())) {
                problems.add(signature.name() + " resolves in Calcite to " + derived + ", the catalogue says " + signature);
            }
            if (operator.isDeterministic() != signature.deterministic()) {
                problems.add(signature.name() + " is " + (signature.deterministic() ? "" : "not ")
                        + "deterministic in the catalogue but the planner's operator is " + (operator.isDeterministic() ? "" : "not"));
            }
        }
        return problems;
    }

    private static Optional<FunctionSignature<?>> contributed(Session session, FunctionSignature<?> signature) {
        if (signature.kind() == FunctionKind.SCALAR) {
            return Optional.ofNullable(session.plugins().scalarFunctions().get(signature.name())).map(ScalarFunctionContribution::signature);
        }
        return Optional.ofNullable(session.plugins().aggregateFunctions().get(signature.name())).map(a -> a.signature());
    }

    /** The signature Calcite derived from the registered Java method. */
    private static FunctionSignature<?> derived(Session session, org.apache.calcite.schema.Function function, boolean deterministic,
            FunctionSignature<?> declared) {
        List<DataType<?>> parameters = new ArrayList<>();
        for (FunctionParameter parameter : function.getParameters()) {
            parameters.add(api(parameter.getType(session.typeFactory())));
        }
        RelDataType returned = function instanceof ScalarFunction scalar
                ? scalar.getReturnType(session.typeFactory())
                : ((AggregateFunction) function).getReturnType(session.typeFactory());
        return new FunctionSignature<>(declared.name(), declared.kind(), parameters, api(returned), deterministic);
    }

    private static DataType<?> api(RelDataType type) {
        return TypeMapping.toApi(type).orElseThrow(() -> new AssertionError("no API type for " + type.getFullTypeString()));
    }

    /**
     * Every plugin function call in the plan, as the signature its operands and result have; each
     * node once ({@code seen}): a view's node is shared by its readers, and walking the plan as a
     * tree took minutes.
     */
    private static void collectCalls(RelNode rel, Map<String, FunctionSignature<?>> called, List<String> problems, Set<RelNode> seen) {
        if (!seen.add(rel)) {
            return;
        }
        rel.accept(new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                if (call.getOperator() instanceof SqlUserDefinedFunction function) {
                    List<DataType<?>> operands = call.getOperands().stream().<DataType<?>>map(o -> api(o.getType())).toList();
                    FunctionSignature<?> used = new FunctionSignature<>(function.getName(), FunctionKind.SCALAR, operands, api(call.getType()),
                            function.isDeterministic());
                    FunctionSignature<?> previous = called.put(function.getName(), used);
                    if (previous != null && !previous.equals(used)) {
                        problems.add(function.getName() + " is called both as " + previous + " and as " + used);
                    }
                }
                return super.visitCall(call);
            }
        });
        rel.getInputs().forEach(input -> collectCalls(input, called, problems, seen));
    }
}
