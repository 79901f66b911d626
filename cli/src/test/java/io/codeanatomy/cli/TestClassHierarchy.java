package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.api.spec.InputRelation;
import io.codeanatomy.api.spec.OutputTarget;
import io.codeanatomy.api.spec.SchemaContract;
import io.codeanatomy.api.spec.ViewDefinition;
import io.codeanatomy.api.spec.WriteMode;
import io.codeanatomy.runtime.builtin.ClassHierarchy;
import io.codeanatomy.runtime.builtin.CpgPart;
import io.codeanatomy.runtime.builtin.CpgSpec;
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
 * {@code INHERITS} edges, the MRO ({@code cpg_mro}) and method lookup through it, held against
 * CPython: the fixtures are imported, and every class's {@code __mro__} and every method name's
 * {@code getattr(cls, name)} are what the graph must say. Bases are named in the class's module,
 * imported, re-exported, dotted through an imported module; the hierarchy has a diamond and a
 * class CPython refuses.
 */
class TestClassHierarchy {
    private static final Map<String, String> FIXTURES = new TreeMap<>(Map.of(
            "shapes/__init__.py", "from .base import Shape\n",
            "shapes/base.py", """
                    class Shape:
                        def area(self):
                            return 0


                    class Named:
                        def name(self):
                            return 'named'

                        def area(self):
                            return -1
                    """,
            "shapes/diamond.py", """
                    from . import base
                    from shapes import Shape


                    class A(Shape):
                        def area(self):
                            return 1


                    class B(A):
                        pass


                    class C(A):
                        def name(self):
                            return 'c'


                    class D(B, C):
                        pass


                    class E(base.Named, D):
                        def name(self):
                            return 'e'

                        def name(self):
                            return 'e2'


                    class X:
                        pass


                    class Y(object):
                        pass


                    class P(X, Y):
                        pass


                    class Q(Y, X):
                        pass
                    """,
            "shapes/bad.py", """
                    from .diamond import P, Q
                    try:
                        class Bad(P, Q):
                            pass
                    except TypeError as error:
                        MESSAGE = str(error)
                    """,
            "shapes/ext.py", """
                    import collections
                    from collections import OrderedDict


                    class MyError(ValueError):
                        pass


                    class Ordered(OrderedDict, collections.abc.Mapping):
                        pass
                    """));

    /** Every class of the consistent modules with CPython's MRO, one row per entry, as the graph's query prints them. */
    private static final String CPYTHON_MRO = String.join("\n",
            "import importlib, inspect, sys",
            "sys.path.insert(0, sys.argv[1])",
            "rows = []",
            "for name in ['shapes.base', 'shapes.diamond']:",
            "    module = importlib.import_module(name)",
            "    for cls in vars(module).values():",
            "        if inspect.isclass(cls) and cls.__module__ == name:",
            "            for k, base in enumerate(cls.__mro__):",
            "                rows.append((name + '.' + cls.__qualname__, k, base.__module__ + '.' + base.__qualname__))",
            "print('class,mro_position,base', end='\\n')",
            "for row in sorted(rows):",
            "    print('%s,%d,%s' % row, end='\\n')",
            "");

    /** For every class of the consistent modules and every method name defined in them: the function getattr finds. */
    private static final String CPYTHON_METHODS = String.join("\n",
            "import importlib, inspect, sys",
            "sys.path.insert(0, sys.argv[1])",
            "classes = []",
            "for name in ['shapes.base', 'shapes.diamond']:",
            "    module = importlib.import_module(name)",
            "    classes += [c for c in vars(module).values() if inspect.isclass(c) and c.__module__ == name]",
            "methods = sorted({m for c in classes for m, v in vars(c).items() if inspect.isfunction(v)})",
            "rows = []",
            "for c in classes:",
            "    for m in methods:",
            "        f = getattr(c, m, None)",
            "        if inspect.isfunction(f):",
            "            rows.append((c.__module__ + '.' + c.__qualname__, m, f.__module__ + '.' + f.__qualname__, f.__code__.co_firstlineno))",
            "print('class,method_name,function_name,line', end='\\n')",
            "for row in sorted(rows):",
            "    print('%s,%s,%s,%d' % row, end='\\n')",
            "");

    @TempDir
    static Path temp;
    private static Path source;
    private static Path out;

    @BeforeAll
    static void build() throws IOException {
        source = temp.resolve("src");
        for (Map.Entry<String, String> file : FIXTURES.entrySet()) {
            Path path = source.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        out = temp.resolve("out");
        // The built-in parts, and one that writes the method-lookup view, which is no output of the CPG.
        new BuildPipeline(SessionConfig.defaults(), Session::open, CpgSpec.spec(List.of(new MethodLookupOutput())))
                .run(source, out, BuildListener.NONE);
    }

    @Test
    void theMroOfEveryConsistentClassIsCPythons() {
        assertThat(csv("SELECT c.qualified_name AS class, m.mro_position, m.base_qualified_name AS base FROM cpg_mro m"
                + " JOIN cpg_nodes c ON c.node_id = m.class_id WHERE c.path IN ('shapes/base.py', 'shapes/diamond.py')"
                + " ORDER BY c.qualified_name, m.mro_position"))
                .isEqualTo(Python3.require().output(CPYTHON_MRO, source.toString()));
    }

    @Test
    void aHierarchyCPythonRefusesHasNoMroAndSaysWhy() {
        String message = Python3.require().output(String.join("\n", "import sys", "sys.path.insert(0, sys.argv[1])",
                "import shapes.bad", "print(shapes.bad.MESSAGE)", ""), source.toString());
        assertThat(message.replaceAll("\\s+", " ")).startsWith("Cannot create a consistent method resolution order (MRO)");
        assertThat(csv("SELECT COUNT(*) AS n FROM cpg_mro m JOIN cpg_nodes c ON c.node_id = m.class_id WHERE c.name = 'Bad'"))
                .isEqualTo("n\n0\n");
        assertThat(csv("SELECT p.value_string FROM cpg_props p JOIN cpg_nodes c ON c.node_id = p.entity_id"
                + " WHERE c.name = 'Bad' AND p.prop_key = 'mro_error'"))
                .isEqualTo("value_string\nCannot create a consistent method resolution order (MRO)\n");
    }

    @Test
    void inheritsEdgesReachBasesByNameImportReExportAndDottedNames() {
        assertThat(csv("SELECT c.name AS class, b.node_kind, b.qualified_name AS base, e.resolution_method, e.confidence"
                + " FROM cpg_edges e JOIN cpg_nodes c ON c.node_id = e.src_node_id JOIN cpg_nodes b ON b.node_id = e.dst_node_id"
                + " WHERE e.edge_kind = 'INHERITS' ORDER BY c.path, c.bstart, e.bstart"))
                .isEqualTo("""
                        class,node_kind,base,resolution_method,confidence
                        Bad,PY_CLASS,shapes.diamond.P,import,1.0
                        Bad,PY_CLASS,shapes.diamond.Q,import,1.0
                        A,PY_CLASS,shapes.base.Shape,import,1.0
                        B,PY_CLASS,shapes.diamond.A,name,1.0
                        C,PY_CLASS,shapes.diamond.A,name,1.0
                        D,PY_CLASS,shapes.diamond.B,name,1.0
                        D,PY_CLASS,shapes.diamond.C,name,1.0
                        E,PY_CLASS,shapes.base.Named,import,1.0
                        E,PY_CLASS,shapes.diamond.D,name,1.0
                        Y,PY_EXTERNAL,builtins.object,external,0.9
                        P,PY_CLASS,shapes.diamond.X,name,1.0
                        P,PY_CLASS,shapes.diamond.Y,name,1.0
                        Q,PY_CLASS,shapes.diamond.Y,name,1.0
                        Q,PY_CLASS,shapes.diamond.X,name,1.0
                        MyError,PY_EXTERNAL,builtins.ValueError,external,0.9
                        Ordered,PY_EXTERNAL,collections.OrderedDict,external,0.9
                        Ordered,PY_EXTERNAL,collections.abc.Mapping,external,0.9
                        """);
        assertThat(csv("SELECT m.mro_position, m.base_qualified_name FROM cpg_mro m JOIN cpg_nodes c ON c.node_id = m.class_id"
                + " WHERE c.name = 'Ordered' ORDER BY m.mro_position"))
                .as("an external base's own bases are unknown: object follows it")
                .isEqualTo("mro_position,base_qualified_name\n0,shapes.ext.Ordered\n1,collections.OrderedDict\n"
                        + "2,collections.abc.Mapping\n3,builtins.object\n");
    }

    @Test
    void methodLookupFindsWhatGetattrFinds() {
        assertThat(csv("SELECT c.qualified_name AS class, l.method_name, f.qualified_name AS function_name, f.line"
                + " FROM method_lookup l JOIN cpg_nodes c ON c.node_id = l.class_id JOIN cpg_nodes f ON f.node_id = l.function_id"
                + " WHERE c.path IN ('shapes/base.py', 'shapes/diamond.py') ORDER BY c.qualified_name, l.method_name"))
                .isEqualTo(Python3.require().output(CPYTHON_METHODS, source.toString()));
    }

    private static String csv(String sql) {
        CliRun run = CliRun.of("query", out.toString(), sql, "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    /** Writes {@link ClassHierarchy#METHOD_LOOKUP} as {@code cpg/method_lookup}, so the test can query the view. */
    private static final class MethodLookupOutput implements CpgPart {
        @Override
        public List<InputRelation> inputs() {
            return List.of();
        }

        @Override
        public List<ViewDefinition> views() {
            return List.of();
        }

        @Override
        public List<OutputTarget> outputs() {
            return List.of(new OutputTarget("method_lookup", ClassHierarchy.METHOD_LOOKUP, "cpg/method_lookup", WriteMode.CREATE,
                    SchemaContract.of(1, ColumnContract.required("class_id", DataType.STRING),
                            ColumnContract.required("method_name", DataType.STRING), ColumnContract.required("function_id", DataType.STRING),
                            ColumnContract.required("defining_class_id", DataType.STRING),
                            ColumnContract.required("mro_position", DataType.INT32))));
        }
    }
}
