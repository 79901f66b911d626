package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code IMPORTS} edges and {@code PY_EXTERNAL} nodes on a tree with every import form: absolute,
 * relative at two levels, a dotted plain import, aliases, a re-export through a package's
 * {@code __init__.py}, a submodule imported from its package, star imports (and a name found
 * through one), imports inside a function and in {@code try/except ImportError}, external modules
 * and names, a circular import, and builtins reached from bindings.
 */
class TestImportResolution {
    private static final Map<String, String> FIXTURES = new TreeMap<>(Map.of(
            "pkg/__init__.py", """
                    from .core import helper, CONST
                    from . import sub
                    from .stars import *
                    """,
            "pkg/core.py", """
                    import os
                    import os.path as osp
                    from collections import OrderedDict
                    CONST = 3


                    def helper():
                        return 1


                    class Base:
                        pass


                    _private = 1
                    """,
            "pkg/sub/__init__.py", "",
            "pkg/sub/leaf.py", """
                    from .. import core
                    from ..core import Base as B
                    import pkg.sub.leaf
                    from ... import beyond
                    """,
            "pkg/stars.py", """
                    from .core import helper as again


                    def starred():
                        pass


                    def _hidden():
                        pass
                    """,
            "app.py", """
                    import pkg
                    import pkg.core
                    from pkg import helper
                    from pkg import sub
                    from pkg import starred
                    from pkg import CONST
                    from pkg.core import *
                    import requests.adapters as ra
                    from os.path import join


                    def f():
                        from pkg.core import helper as h
                        return h


                    try:
                        from pkg.fast import speed
                    except ImportError:
                        from pkg.core import helper as speed
                    print(len([]))
                    """,
            "cyc/__init__.py", "",
            "cyc/a.py", "from cyc.b import g\n\n\ndef f():\n    pass\n",
            "cyc/b.py", "from cyc.a import f\nfrom cyc.a import g\n",
            "shadow.py", "max = 3\n\n\ndef uses(xs):\n    return sorted(xs), max\n"));

    private static final String IMPORTS = "SELECT s.path, s.line, s.name AS alias, d.node_kind, d.qualified_name, d.name,"
            + " e.resolution_method, e.confidence, e.origin FROM cpg_edges e JOIN cpg_nodes s ON s.node_id = e.src_node_id"
            + " JOIN cpg_nodes d ON d.node_id = e.dst_node_id WHERE e.edge_kind = 'IMPORTS'";

    @TempDir
    static Path temp;
    private static Path out;

    @BeforeAll
    static void build() throws IOException {
        out = temp.resolve("out");
        CliRun build = CliRun.buildTree(temp.resolve("src"), FIXTURES, out);
        assertThat(build.exitCode()).as(build.err()).isZero();
    }

    @Test
    void absoluteRelativeAndDottedImportsReachTheModuleTheyName() {
        assertThat(csv(IMPORTS + " AND s.path IN ('pkg/sub/leaf.py', 'pkg/__init__.py') AND s.line <= 2 ORDER BY s.path, s.bstart, d.qualified_name"))
                .isEqualTo("""
                        path,line,alias,node_kind,qualified_name,name,resolution_method,confidence,origin
                        pkg/__init__.py,1,helper,PY_FUNCTION,pkg.core.helper,helper,relative,1.0,import
                        pkg/__init__.py,1,CONST,PY_BINDING,,CONST,relative,1.0,import
                        pkg/__init__.py,2,sub,PY_MODULE,pkg.sub,sub,relative,1.0,import
                        pkg/sub/leaf.py,1,core,PY_MODULE,pkg.core,core,relative,1.0,import
                        pkg/sub/leaf.py,2,B,PY_CLASS,pkg.core.Base,Base,relative,1.0,import
                        """);
        assertThat(csv(IMPORTS + " AND s.path = 'pkg/sub/leaf.py' AND s.line >= 3 ORDER BY s.bstart"))
                .as("import a.b.c reaches a.b.c; a relative import beyond the top-level package reaches nothing")
                .isEqualTo("""
                        path,line,alias,node_kind,qualified_name,name,resolution_method,confidence,origin
                        pkg/sub/leaf.py,3,pkg,PY_MODULE,pkg.sub.leaf,leaf,absolute,1.0,import
                        """);
    }

    @Test
    void reExportsSubmodulesStarsFunctionsAndTryExceptResolveToTheDefiningNode() {
        assertThat(csv(IMPORTS + " AND s.path = 'app.py' ORDER BY s.bstart, d.node_kind, d.qualified_name, d.name"))
                .isEqualTo("""
                        path,line,alias,node_kind,qualified_name,name,resolution_method,confidence,origin
                        app.py,1,pkg,PY_MODULE,pkg,pkg,absolute,1.0,import
                        app.py,2,pkg,PY_MODULE,pkg.core,core,absolute,1.0,import
                        app.py,3,helper,PY_FUNCTION,pkg.core.helper,helper,re-export,1.0,import
                        app.py,4,sub,PY_MODULE,pkg.sub,sub,re-export,1.0,import
                        app.py,5,starred,PY_FUNCTION,pkg.stars.starred,starred,star,0.9,import
                        app.py,6,CONST,PY_BINDING,,CONST,re-export,1.0,import
                        app.py,7,,PY_BINDING,,CONST,star,0.9,import
                        app.py,7,,PY_CLASS,pkg.core.Base,Base,star,0.9,import
                        app.py,7,,PY_EXTERNAL,collections.OrderedDict,OrderedDict,external,0.9,import
                        app.py,7,,PY_EXTERNAL,os,os,external,0.9,import
                        app.py,7,,PY_EXTERNAL,os.path,path,external,0.9,import
                        app.py,7,,PY_FUNCTION,pkg.core.helper,helper,star,0.9,import
                        app.py,7,,PY_MODULE,pkg.core,core,star,0.9,import
                        app.py,8,ra,PY_EXTERNAL,requests.adapters,adapters,external,0.9,import
                        app.py,9,join,PY_EXTERNAL,os.path.join,join,external,0.9,import
                        app.py,13,h,PY_FUNCTION,pkg.core.helper,helper,absolute,1.0,import
                        app.py,20,speed,PY_FUNCTION,pkg.core.helper,helper,absolute,1.0,import
                        """);
        assertThat(csv(IMPORTS + " AND s.path = 'pkg/__init__.py' AND s.line = 3 ORDER BY d.qualified_name"))
                .as("a star import brings the public names, the imported ones too, and not _hidden")
                .isEqualTo("""
                        path,line,alias,node_kind,qualified_name,name,resolution_method,confidence,origin
                        pkg/__init__.py,3,,PY_FUNCTION,pkg.core.helper,helper,star,0.9,import
                        pkg/__init__.py,3,,PY_MODULE,pkg.stars,stars,star,0.9,import
                        pkg/__init__.py,3,,PY_FUNCTION,pkg.stars.starred,starred,star,0.9,import
                        """);
    }

    @Test
    void circularImportsTerminateAndOnlyWhatIsDefinedResolves() {
        assertThat(csv(IMPORTS + " AND s.path LIKE 'cyc/%' ORDER BY s.path, s.bstart"))
                .isEqualTo("""
                        path,line,alias,node_kind,qualified_name,name,resolution_method,confidence,origin
                        cyc/b.py,1,f,PY_FUNCTION,cyc.a.f,f,absolute,1.0,import
                        """);
        assertThat(csv("SELECT COUNT(*) AS unresolved FROM cpg_nodes a LEFT JOIN (SELECT DISTINCT src_node_id FROM cpg_edges"
                + " WHERE edge_kind = 'IMPORTS') e ON e.src_node_id = a.node_id WHERE a.node_kind = 'PY_IMPORT_ALIAS' AND e.src_node_id IS NULL"))
                .as("cyc/a.py g, cyc/b.py g, pkg.fast, beyond the top-level package")
                .isEqualTo("unresolved\n4\n");
    }

    @Test
    void externalNamesAndBuiltinsAreOneNodeEach() {
        assertThat(csv("SELECT qualified_name, name, path, line FROM cpg_nodes WHERE node_kind = 'PY_EXTERNAL' ORDER BY qualified_name"))
                .isEqualTo("""
                        qualified_name,name,path,line
                        builtins.ImportError,ImportError,,
                        builtins.len,len,,
                        builtins.object,object,,
                        builtins.print,print,,
                        builtins.sorted,sorted,,
                        collections.OrderedDict,OrderedDict,,
                        os,os,,
                        os.path,path,,
                        os.path.join,join,,
                        requests.adapters,adapters,,
                        """);
        assertThat(csv("SELECT b.path, b.name, p.value_string AS classification, d.qualified_name, e.origin, e.resolution_method FROM cpg_edges e"
                + " JOIN cpg_nodes b ON b.node_id = e.src_node_id JOIN cpg_nodes d ON d.node_id = e.dst_node_id"
                + " JOIN cpg_props p ON p.entity_id = b.node_id AND p.prop_key = 'scope'"
                + " WHERE e.edge_kind = 'RESOLVES_TO' AND d.node_kind = 'PY_EXTERNAL' ORDER BY b.path, b.name"))
                .as("max is the module's own in shadow.py")
                .isEqualTo("""
                        path,name,classification,qualified_name,origin,resolution_method
                        app.py,ImportError,GLOBAL_IMPLICIT,builtins.ImportError,scope,BUILTIN
                        app.py,len,GLOBAL_IMPLICIT,builtins.len,scope,BUILTIN
                        app.py,print,GLOBAL_IMPLICIT,builtins.print,scope,BUILTIN
                        shadow.py,sorted,GLOBAL_IMPLICIT,builtins.sorted,scope,BUILTIN
                        """);
        assertThat(csv("SELECT COUNT(*) AS dangling FROM cpg_edges e LEFT JOIN cpg_nodes s ON s.node_id = e.src_node_id"
                + " LEFT JOIN cpg_nodes d ON d.node_id = e.dst_node_id WHERE s.node_id IS NULL OR d.node_id IS NULL"))
                .isEqualTo("dangling\n0\n");
        assertThat(csv("SELECT COUNT(*) AS duplicates FROM (SELECT node_id FROM cpg_nodes GROUP BY node_id HAVING COUNT(*) > 1)"))
                .isEqualTo("duplicates\n0\n");
        assertThat(csv("SELECT COUNT(*) AS duplicates FROM (SELECT edge_id FROM cpg_edges GROUP BY edge_id HAVING COUNT(*) > 1)"))
                .isEqualTo("duplicates\n0\n");
    }

    @Test
    void aliasesCarryTheAbsoluteModuleTheyRead() {
        assertThat(csv("SELECT n.path, n.line, p.value_string FROM cpg_nodes n JOIN cpg_props p ON p.entity_id = n.node_id"
                + " AND p.prop_key = 'imported_module' WHERE n.path = 'pkg/sub/leaf.py' ORDER BY n.bstart"))
                .as("the relative import beyond the top-level package has none")
                .isEqualTo("path,line,value_string\npkg/sub/leaf.py,1,pkg\npkg/sub/leaf.py,2,pkg.core\npkg/sub/leaf.py,3,pkg.sub.leaf\n");
    }

    private static String csv(String sql) {
        CliRun run = CliRun.of("query", out.toString(), sql, "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().replace("\r\n", "\n");
    }
}
