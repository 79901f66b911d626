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
        assertThat(run.out()).isEqualTo("subclass,distance,path,line\npkg.circle.Circle,1,pkg/circle.py,5\npkg.circle.Unit,2,pkg/circle.py,10\n");
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
        assertThat(run.out()).isEqualTo(expected).contains("3,builtins.object");
    }

    @Test
    void anArgumentIsALiteralNeverSql() {
        CliRun run = ask("subclasses", "x' OR '1'='1", "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("subclass,distance,path,line\n");
    }

    @Test
    void anUnknownQuestionNamesTheOnesThereAre() {
        CliRun run = ask("callers", "app.main");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("codeanatomy: there is no question 'callers'; ask subclasses, superclasses "
                + "(callers, callees, reachable, unresolved and dead wait for the call graph).\n");
    }
}
