package io.codeanatomy.cli;

import static io.codeanatomy.api.expr.Exprs.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.cpg.CpgFunctions;
import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.expr.Exprs;
import io.codeanatomy.api.rel.AggregateCall;
import io.codeanatomy.api.rel.RelSpec;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.ViewKind;
import io.codeanatomy.runtime.builtin.CpgPart;
import io.codeanatomy.runtime.builtin.CpgSpec;
import io.codeanatomy.runtime.builtin.DefUseEdges;
import io.codeanatomy.runtime.builtin.DefinitionNodes;
import io.codeanatomy.runtime.builtin.StructureGraph;
import io.codeanatomy.runtime.pipeline.BuildListener;
import io.codeanatomy.runtime.pipeline.BuildPipeline;
import io.codeanatomy.runtime.session.Session;
import io.codeanatomy.runtime.session.SessionConfig;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CPG's nodes, edges, properties and adjacency lists on a small tree, held against CPython's
 * {@code ast} for the node kinds that are AST nodes, and checked for referential integrity.
 */
class TestCpgGraph {
    private static final Map<String, String> FIXTURES = new TreeMap<>(Map.of(
            "app/__init__.py", "from .core import *\n",
            "app/core.py", """
                    import os, sys as system
                    from collections import (OrderedDict as OD,
                                             defaultdict)

                    def deco(arg):
                        return lambda f: f

                    @deco("x")
                    @staticmethod
                    def handler(a, /, b=lambda: None, *rest, c, d=1, **kw):
                        table = {k: [v * 2 for v in vs if v] for k, vs in kw.items()}
                        return sorted(table, key=lambda t: (t, len(t)))

                    class Outer:
                        class Inner:
                            async def run(self, *, timeout=None):
                                async with self.lock:
                                    return {x async for x in self.stream()}
                        déjà = (s for s in "vu")
                    """,
            "app/broken.py", "def ok(a):\n    return a\n\ndef broken(:\n    pass\n"));

    /** Every AST node that is a CPG node, as kind, path and CPython's positions, in the query's order. */
    private static final String CPYTHON_POSITIONS = String.join("\n",
            "import ast, os, sys",
            "root = sys.argv[1]",
            "kinds = {ast.Call: 'PY_CALL', ast.arg: 'PY_PARAM', ast.alias: 'PY_IMPORT_ALIAS', ast.Lambda: 'PY_LAMBDA',",
            "         ast.ListComp: 'PY_COMPREHENSION', ast.SetComp: 'PY_COMPREHENSION', ast.DictComp: 'PY_COMPREHENSION',",
            "         ast.GeneratorExp: 'PY_COMPREHENSION', ast.FunctionDef: 'PY_FUNCTION', ast.AsyncFunctionDef: 'PY_FUNCTION',",
            "         ast.ClassDef: 'PY_CLASS'}",
            "rows = []",
            "for d, dirs, names in os.walk(root):",
            "    for n in names:",
            "        path = os.path.join(d, n)",
            "        try:",
            "            tree = ast.parse(open(path, 'rb').read())",
            "        except SyntaxError:",
            "            continue",
            "        rel = os.path.relpath(path, root).replace(os.sep, '/')",
            "        for node in ast.walk(tree):",
            "            kind = kinds.get(type(node))",
            "            if kind:",
            "                rows.append((rel, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, kind))",
            "            for dec in getattr(node, 'decorator_list', []):",
            "                rows.append((rel, dec.lineno, dec.col_offset, dec.end_lineno, dec.end_col_offset, 'PY_DECORATOR'))",
            "print('path,line,col,end_line,end_col,node_kind', end='\\n')",
            "for row in sorted(rows):",
            "    print(','.join(map(str, row)), end='\\n')",
            "");
    private static final String DANGLING = "SELECT COUNT(*) AS dangling FROM cpg_edges e"
            + " LEFT JOIN cpg_nodes s ON s.node_id = e.src_node_id LEFT JOIN cpg_nodes d ON d.node_id = e.dst_node_id"
            + " WHERE s.node_id IS NULL OR d.node_id IS NULL";

    @TempDir
    static Path temp;
    private static Path source;
    private static Path out;
    private static CliRun build;

    @BeforeAll
    static void build() throws IOException {
        source = temp.resolve("src");
        out = temp.resolve("out");
        build = CliRun.buildTree(source, FIXTURES, out);
    }

    @Test
    void astNodesHaveCPythonsPositions() {
        String kinds = "'PY_CALL', 'PY_PARAM', 'PY_IMPORT_ALIAS', 'PY_LAMBDA', 'PY_COMPREHENSION', 'PY_FUNCTION', 'PY_CLASS', 'PY_DECORATOR'";
        assertThat(build.exitCode()).as(build.err()).isZero();
        assertThat(csv("SELECT path, line, col, end_line, end_col, node_kind FROM cpg_nodes WHERE node_kind IN (" + kinds + ")"
                + " ORDER BY path, line, col, end_line, end_col, node_kind"))
                .isEqualTo(Python3.require().output(CPYTHON_POSITIONS, source.toString()));
    }

    @Test
    void everyEdgeEndpointIsANodeAndIdsAreUnique() {
        assertThat(csv(DANGLING)).isEqualTo("dangling\n0\n");
        assertThat(csv("SELECT COUNT(*) AS duplicates FROM (SELECT node_id FROM cpg_nodes GROUP BY node_id HAVING COUNT(*) > 1)"))
                .isEqualTo("duplicates\n0\n");
        assertThat(csv("SELECT COUNT(*) AS duplicates FROM (SELECT edge_id FROM cpg_edges GROUP BY edge_id HAVING COUNT(*) > 1)"))
                .isEqualTo("duplicates\n0\n");
        // Resolved edges (imports, a binding's resolution, calls) say how they were found; every other edge is syntax.
        assertThat(csv("SELECT COUNT(*) AS bad FROM cpg_edges WHERE edge_kind NOT IN ('IMPORTS', 'RESOLVES_TO', 'CALLS')"
                + " AND (origin <> 'syntax' OR confidence <> 1.0)")).isEqualTo("bad\n0\n");
    }

    @Test
    void structuralEdgesFollowTheSyntax() {
        // handler's parameters in order, its two decorators, and what the class contains, recursively by depth.
        assertThat(csv("SELECT p.name FROM cpg_edges e JOIN cpg_nodes f ON f.node_id = e.src_node_id"
                + " JOIN cpg_nodes p ON p.node_id = e.dst_node_id WHERE e.edge_kind = 'HAS_PARAM' AND f.name = 'handler' ORDER BY p.bstart"))
                .isEqualTo("name\na\nb\nrest\nc\nd\nkw\n");
        assertThat(csv("SELECT x.name FROM cpg_edges e JOIN cpg_nodes x ON x.node_id = e.src_node_id"
                + " JOIN cpg_nodes f ON f.node_id = e.dst_node_id WHERE e.edge_kind = 'DECORATES' AND f.name = 'handler' ORDER BY x.bstart"))
                .isEqualTo("name\ndeco\nstaticmethod\n");
        assertThat(csv("SELECT c.node_kind, c.name FROM cpg_edges e JOIN cpg_nodes p ON p.node_id = e.src_node_id"
                + " JOIN cpg_nodes c ON c.node_id = e.dst_node_id WHERE e.edge_kind = 'CONTAINS' AND p.path = 'app/core.py'"
                + " ORDER BY c.bstart"))
                .as("a file contains its top-level definitions, a definition the ones nested in it")
                .isEqualTo("node_kind,name\nPY_FUNCTION,deco\nPY_LAMBDA,<lambda>\nPY_FUNCTION,handler\nPY_LAMBDA,<lambda>\n"
                        + "PY_LAMBDA,<lambda>\nPY_CLASS,Outer\nPY_CLASS,Inner\nPY_FUNCTION,run\n");
        assertThat(csv("SELECT COUNT(*) AS n FROM cpg_nodes WHERE path = 'app/broken.py' AND node_kind <> 'PY_FILE'"))
                .as("a file that does not parse has no syntax nodes").isEqualTo("n\n0\n");
    }

    @Test
    void propertiesAreTypedValuesOfTheirNodes() {
        assertThat(csv("SELECT p.prop_key, p.value_type, p.value_string, p.value_int, p.value_bool FROM cpg_props p"
                + " JOIN cpg_nodes n ON n.node_id = p.entity_id WHERE n.node_kind = 'PY_PARAM' AND n.name = 'rest' ORDER BY p.prop_key"))
                .isEqualTo("prop_key,value_type,value_string,value_int,value_bool\nhas_annotation,BOOLEAN,,,false\n"
                        + "has_default,BOOLEAN,,,false\nkind,STRING,VAR_POSITIONAL,,\nposition,INT64,,2,\n");
        assertThat(csv("SELECT p.value_string FROM cpg_props p JOIN cpg_nodes n ON n.node_id = p.entity_id"
                + " WHERE n.node_kind = 'PY_IMPORT_ALIAS' AND n.name = 'OD' AND p.prop_key = 'imported_name'"))
                .isEqualTo("value_string\nOrderedDict\n");
    }

    @Test
    void adjacencyListsHoldEveryEdgeOnceFromEachEnd() {
        String total = csv("SELECT COUNT(*) AS n FROM cpg_edges");
        assertThat(csv("SELECT SUM(CARDINALITY(edges)) AS n FROM cpg_edges_by_src")).isEqualTo(total);
        assertThat(csv("SELECT COUNT(*) AS bad FROM cpg_edges_by_src WHERE edge_count <> CARDINALITY(edges)")).isEqualTo("bad\n0\n");
        assertThat(csv("SELECT SUM(CARDINALITY(edges)) AS n FROM cpg_edges_by_dst")).isEqualTo(total);
        String handler = csv("SELECT node_id FROM cpg_nodes WHERE name = 'handler'").split("\n")[1];
        // One lookup per hop; edges are ordered by kind, then span.
        assertThat(csv("SELECT edge_count, edges[1].edge_kind AS first_kind, edges[7].edge_kind AS last_kind"
                + " FROM cpg_edges_by_src WHERE node_id = '" + handler + "'"))
                .isEqualTo("edge_count,first_kind,last_kind\n7,CONTAINS,HAS_PARAM\n");
    }

    @Test
    void defUseEdgesJoinNamesToTheBindingsOfTheirScope() throws IOException {
        Path defUse = temp.resolve("def-use");
        new BuildPipeline(SessionConfig.defaults(), Session::open, CpgSpec.assemble(List.of(
                new DefinitionNodes(), new StructureGraph(), new StandInBindings(), new DefUseEdges())))
                .run(source, defUse, BuildListener.NONE);

        assertThat(CliRun.of("query", defUse.toString(), DANGLING, "--format", "csv").out()).isEqualTo("dangling\n0\n");
        assertThat(CliRun.of("query", defUse.toString(), "SELECT e.edge_kind, d.node_kind, d.name FROM cpg_edges e"
                + " JOIN cpg_nodes b ON b.node_id = e.src_node_id JOIN cpg_nodes d ON d.node_id = e.dst_node_id"
                + " WHERE e.edge_kind = 'DEFINES' AND b.path = 'app/core.py' ORDER BY d.bstart", "--format", "csv").out())
                .isEqualTo("edge_kind,node_kind,name\nDEFINES,PY_IMPORT_ALIAS,os\nDEFINES,PY_IMPORT_ALIAS,system\n"
                        + "DEFINES,PY_IMPORT_ALIAS,OD\nDEFINES,PY_IMPORT_ALIAS,defaultdict\nDEFINES,PY_FUNCTION,deco\n"
                        + "DEFINES,PY_PARAM,arg\nDEFINES,PY_PARAM,f\nDEFINES,PY_FUNCTION,handler\nDEFINES,PY_PARAM,a\n"
                        + "DEFINES,PY_PARAM,b\nDEFINES,PY_PARAM,rest\nDEFINES,PY_PARAM,c\nDEFINES,PY_PARAM,d\n"
                        + "DEFINES,PY_PARAM,kw\nDEFINES,PY_PARAM,t\nDEFINES,PY_CLASS,Outer\nDEFINES,PY_CLASS,Inner\n"
                        + "DEFINES,PY_FUNCTION,run\nDEFINES,PY_PARAM,self\nDEFINES,PY_PARAM,timeout\n");
        assertThat(CliRun.of("query", defUse.toString(), "SELECT e.edge_kind, COUNT(*) AS n FROM cpg_edges e"
                + " JOIN cpg_nodes n ON n.node_id = e.src_node_id WHERE n.name = 'table' GROUP BY e.edge_kind ORDER BY e.edge_kind",
                "--format", "csv").out())
                .isEqualTo("edge_kind,n\nREADS,1\nWRITES,1\n");
    }

    private static String csv(String sql) {
        CliRun run = CliRun.of("query", out.toString(), sql, "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    /**
     * A stand-in for the scopes-and-bindings part with the columns {@link DefUseEdges} reads: one
     * {@code PY_BINDING} node per (scope, symbol) of the names, spanning its occurrences. It
     * classifies nothing; the real part computes CPython's symbol tables.
     */
    private static final class StandInBindings implements CpgPart {
        @Override
        public List<InputRelation> inputs() {
            return List.of();
        }

        @Override
        public List<ViewDefinition> views() {
            RelSpec grouped = RelSpec.scan(StructureGraph.NAME_ROWS).aggregate(
                    List.of(col("scope_id", DataType.STRING).as("scope_id"), col("symbol", DataType.STRING).as("symbol")),
                    List.of(AggregateCall.min(col("file_id", DataType.STRING), "file_id"), AggregateCall.min(col("path", DataType.STRING), "path"),
                            AggregateCall.min(col("bstart", DataType.INT64), "bstart"), AggregateCall.max(col("bend", DataType.INT64), "bend")));
            RelSpec bindings = RelSpec.scan("stand_in_groups").project(
                    CpgFunctions.STABLE_EDGE_ID.call(Exprs.val("PY_BINDING"), col("scope_id", DataType.STRING), col("symbol", DataType.STRING),
                            Exprs.nullOf(DataType.STRING), Exprs.nullOf(DataType.INT64), Exprs.nullOf(DataType.INT64)).as("binding_id"),
                    col("scope_id", DataType.STRING).as("scope_id"), col("symbol", DataType.STRING).as("symbol"),
                    col("file_id", DataType.STRING).as("file_id"), col("path", DataType.STRING).as("path"),
                    col("bstart", DataType.INT64).as("bstart"), col("bend", DataType.INT64).as("bend"));
            RelSpec nodes = RelSpec.scan(DefUseEdges.BINDINGS).project(col("binding_id", DataType.STRING).as("node_id"),
                    Exprs.val("PY_BINDING").as("node_kind"), col("file_id", DataType.STRING).as("file_id"),
                    col("path", DataType.STRING).as("path"), col("bstart", DataType.INT64).as("bstart"),
                    col("bend", DataType.INT64).as("bend"), col("symbol", DataType.STRING).as("name"));
            return List.of(ViewDefinition.of("stand_in_groups", ViewKind.AGGREGATE, grouped),
                    ViewDefinition.of(DefUseEdges.BINDINGS, ViewKind.PROJECT, bindings),
                    ViewDefinition.of("stand_in_binding_nodes", ViewKind.PROJECT, nodes));
        }

        @Override
        public List<String> nodeViews() {
            return List.of("stand_in_binding_nodes");
        }
    }
}
