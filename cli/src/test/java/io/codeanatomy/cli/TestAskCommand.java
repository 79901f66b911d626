package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.testkit.cpython.Python3;
import org.junit.jupiter.api.Test;

class TestAskCommand {
    private static CliRun ask(String... args) {
        return SmallOutput.run("ask", args);
    }

    @Test
    void subclassesAreEveryClassInheritingAtAnyDepthNearestFirst() {
        CliRun run = ask("subclasses", "pkg.base.Shape", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("depth,qualified_name,path,line,column\n1,pkg.circle.Circle,pkg/circle.py,5,1\n"
                + "2,pkg.circle.Unit,pkg/circle.py,10,1\n");
    }

    @Test
    void superclassesAreTheMethodResolutionOrderAsCpythonComputesIt() throws Exception {
        String script = String.join("\n",
                "import sys",
                "sys.path.insert(0, sys.argv[1])",
                "import pkg.circle",
                "print('position,superclass')",
                "for i, c in enumerate(pkg.circle.Unit.__mro__[1:], 1):",
                "    print('%d,%s.%s' % (i, c.__module__, c.__qualname__))");
        String expected = Python3.require().output(script, SmallOutput.source().toString());

        CliRun run = ask("superclasses", "pkg.circle.Unit", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Our answer has more columns (kind, path, line): compare position and qualified name.
        String ours = run.out().lines().map(line -> String.join(",", java.util.Arrays.asList(line.split(",", -1)).subList(0, 2)))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertThat(ours.replace("mro_position,qualified_name", "position,superclass")).isEqualTo(expected).contains("3,builtins.object");
    }

    @Test
    void anArgumentIsALiteralNeverSql() {
        // What is not a qualified name is refused before anything is planned; a name no class has answers nothing.
        CliRun injected = ask("subclasses", "x' OR '1'='1", "--format", "csv");
        assertThat(injected.exitCode()).isEqualTo(2);
        assertThat(injected.err()).startsWith("codeanatomy: 'subclasses' wants CLASS to be a class's qualified name");
        CliRun absent = ask("subclasses", "pkg.nowhere.Nothing", "--format", "csv");
        assertThat(absent.exitCode()).as(absent.err()).isZero();
        assertThat(absent.out()).isEqualTo("depth,qualified_name,path,line,column\n");
    }

    @Test
    void anUnknownQuestionNamesTheOnesThereAre() {
        CliRun run = ask("callerz", "app.main");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("codeanatomy: there is no question 'callerz'; the questions are [callers, callees, reachable, "
                + "definition, imports, importers, dependents, subclasses, superclasses, unresolved, dead].\n");
    }
}
