package io.codeanatomy.python.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.PythonVersion;
import org.junit.jupiter.api.Test;

/**
 * Syntax newer than the target version is refused as that version's CPython refuses it: the
 * older parser did not know the construct, so it reports plain "invalid syntax" (or "expected
 * '('") where it got stuck.
 */
class TestParserVersions {

    @Test
    void matchStatementsNeed310() {
        String source = "match x:\n    case 1:\n        pass\n";
        assertThat(ParserTesting.outcome(source, PythonVersion.PY39)).isEqualTo("invalid syntax @1:7");
        assertThat(ParserTesting.outcome(source, PythonVersion.PY310)).startsWith("Module(body=[Match(");
        assertThat(ParserTesting.outcome("match = 1\nmatch(x)\n", PythonVersion.PY39)).startsWith("Module(");
    }

    @Test
    void exceptStarNeeds311() {
        String source = "try:\n    pass\nexcept* E:\n    pass\n";
        assertThat(ParserTesting.outcome(source, PythonVersion.PY310)).isEqualTo("invalid syntax @3:7");
        assertThat(ParserTesting.outcome(source, PythonVersion.PY311)).startsWith("Module(body=[TryStar(");
    }

    @Test
    void starredSubscriptsAndAnnotationsNeed311() {
        assertThat(ParserTesting.outcome("x[*a]\n", PythonVersion.PY310)).isEqualTo("invalid syntax @1:3");
        assertThat(ParserTesting.outcome("def f(*a: *T): pass\n", PythonVersion.PY310)).isEqualTo("invalid syntax @1:11");
        assertThat(ParserTesting.outcome("x[*a]\n", PythonVersion.PY311)).contains("Starred(");
    }

    @Test
    void parenthesizedContextManagersNeed39() {
        String source = "with (a as b, c as d):\n    pass\n";
        assertThat(ParserTesting.outcome(source, PythonVersion.PY38)).isEqualTo("invalid syntax @1:9");
        assertThat(ParserTesting.outcome(source, PythonVersion.PY39)).contains("withitem(context_expr=Name(id='c'");
        // Before 3.9 the parentheses make a tuple, as CPython 3.8 parsed them.
        assertThat(ParserTesting.outcome("with (a, b):\n    pass\n", PythonVersion.PY38))
                .contains("withitem(context_expr=Tuple(");
    }

    @Test
    void relaxedDecoratorsNeed39() {
        assertThat(ParserTesting.outcome("@a[0]\ndef f(): pass\n", PythonVersion.PY38)).isEqualTo("invalid syntax @1:3");
        assertThat(ParserTesting.outcome("@a.b(c)\ndef f(): pass\n", PythonVersion.PY38)).startsWith("Module(");
    }

    @Test
    void typeParametersAndTypeStatementsNeed312() {
        assertThat(ParserTesting.outcome("def f[T](x): pass\n", PythonVersion.PY311)).isEqualTo("expected '(' @1:6");
        assertThat(ParserTesting.outcome("class C[T]: pass\n", PythonVersion.PY311)).isEqualTo("invalid syntax @1:8");
        assertThat(ParserTesting.outcome("type X = int\n", PythonVersion.PY311)).isEqualTo("invalid syntax @1:6");
        assertThat(ParserTesting.outcome("type X[T: int] = list[T]\n", PythonVersion.PY312))
                .isEqualTo("Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), type_params=[TypeVar(name='T',"
                        + " bound=Name(id='int', ctx=Load()))], value=Subscript(value=Name(id='list', ctx=Load()),"
                        + " slice=Name(id='T', ctx=Load()), ctx=Load()))], type_ignores=[])");
        assertThat(ParserTesting.outcome("def f[T, *Ts, **P](): pass\n", PythonVersion.PY312))
                .contains("type_params=[TypeVar(name='T'), TypeVarTuple(name='Ts'), ParamSpec(name='P')]");
    }

    @Test
    void typeParameterDefaultsNeed313() {
        assertThat(ParserTesting.outcome("def f[T=int](): pass\n", PythonVersion.PY312)).isEqualTo("invalid syntax @1:8");
        assertThat(ParserTesting.outcome("def f[T=int](): pass\n", PythonVersion.PY313))
                .contains("TypeVar(name='T', default_value=Name(id='int', ctx=Load()))");
    }

    @Test
    void unparenthesizedExceptTuplesNeed314() {
        String source = "try:\n    pass\nexcept A, B:\n    pass\n";
        assertThat(ParserTesting.outcome(source, PythonVersion.PY313))
                .isEqualTo("multiple exception types must be parenthesized @3:8");
        assertThat(ParserTesting.outcome(source, PythonVersion.PY314))
                .contains("ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())]");
        assertThat(ParserTesting.outcome("try:\n    pass\nexcept A, B as e:\n    pass\n", PythonVersion.PY314))
                .isEqualTo("multiple exception types must be parenthesized when using 'as' @3:8");
    }
}
