package io.codeanatomy.python.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.PythonVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first error of invalid sources: CPython 3.11's message, line and column (as
 * {@code ast.parse} of the bytes prints it: UTF-8 byte columns unless the file declares an
 * encoding), for the mistakes people make and the rules CPython's second pass knows about.
 */
class TestParserErrors {
    private static final String[] CASES = {
                "def f(a=1, b): pass", "non-default argument follows default argument @1:12",
                "def f(*): pass", "named arguments must follow bare * @1:7",
                "def f(**k, a): pass", "arguments cannot follow var-keyword argument @1:12",
                "def f(a, /, b, /): pass", "/ may appear only once @1:16",
                "def f(*a=1): pass", "var-positional argument cannot have default value @1:9",
                "lambda *: 1", "named arguments must follow bare * @1:9",
                "def f(*a, *b): pass", "* argument may appear only once @1:11",
                "f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking @1:8",
                "f(a=1, b)", "positional argument follows keyword argument @1:9",
                "f(**a, b)", "positional argument follows keyword argument unpacking @1:9",
                "f(x for x in y, 1)", "Generator expression must be parenthesized @1:3",
                "f(a=1 for x in y)", "invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1:3",
                "f(1=2)", "expression cannot contain assignment, perhaps you meant \"==\"? @1:3",
                "f(True=2)", "cannot assign to True @1:3",
                "x + 1 = 2", "cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1",
                "f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1",
                "a, b += 1", "'tuple' is an illegal expression for augmented assignment @1:1",
                "(a, b): int", "only single target (not tuple) can be annotated @1:1",
                "[a]: int", "only single target (not list) can be annotated @1:1",
                "x = 1 = 2", "cannot assign to literal @1:5",
                "x = yield = 1", "assignment to yield expression not possible @1:5",
                "del f()", "cannot delete function call @1:5",
                "del a + b", "cannot delete expression @1:5",
                "for f() in x: pass", "cannot assign to function call @1:5",
                "with a as f(): pass", "cannot assign to function call @1:11",
                "(a b)", "invalid syntax. Perhaps you forgot a comma? @1:2",
                "a b", "invalid syntax @1:3",
                "[a b]", "invalid syntax. Perhaps you forgot a comma? @1:2",
                "{'a' b: 1}", "invalid syntax. Perhaps you forgot a comma? @1:2",
                "{1: 2, x b: 1}", "':' expected after dictionary key @1:8",
                "print \"x\"", "Missing parentheses in call to 'print'. Did you mean print(...)? @1:1",
                "a if b", "expected 'else' after 'if' expression @1:1",
                "if x\n  pass", "expected ':' @1:5",
                "if x:\npass", "expected an indented block after 'if' statement on line 1 @2:1",
                "  x = 1", "unexpected indent @1:2",
                "x = (", "'(' was never closed @1:5",
                "x = )", "unmatched ')' @1:5",
                "def f(:", "invalid syntax @1:7",
                "x = 1 +", "invalid syntax @1:8",
                "a := 1", "invalid syntax @1:3",
                "x.y := 1", "cannot use assignment expressions with attribute @1:1",
                "(*a)", "cannot use starred expression here @1:2",
                "(**a)", "cannot use double starred expression here @1:2",
                "[*a for a in b]", "iterable unpacking cannot be used in comprehension @1:2",
                "{**a for a in b}", "dict unpacking cannot be used in dict comprehension @1:2",
                "class A", "expected ':' @1:8",
                "try:\n  pass", "expected 'except' or 'finally' block @2:7",
                "try:\n  pass\nexcept* A: pass\nexcept B: pass", "cannot have both 'except' and 'except*' on the same 'try' @4:1",
                "try:\n  pass\nexcept A, B:\n  pass", "multiple exception types must be parenthesized @3:8",
                "a <> b", "invalid syntax @1:3",
                "1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1",
                "None = 1", "cannot assign to None @1:1",
                "x.None", "invalid syntax @1:3",
                "from x import a,", "trailing comma not allowed without surrounding parentheses @1:17",
                "{1:}", "expression expected after dictionary key and ':' @1:3",
                "if x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1:4",
                "if x.y = 1: pass", "cannot assign to attribute here. Maybe you meant '==' instead of '='? @1:4",
                "[x, y for x in z]", "did you forget parentheses around the comprehension target? @1:2",
                "def f(a, (b, c)): pass", "Function parameters cannot be parenthesized @1:10",
                "a, 1 = 1", "cannot assign to literal here. Maybe you meant '==' instead of '='? @1:4",
                "x = 'é' +", "invalid syntax @1:11",
                "# coding: utf-8\nx = 'é' +", "invalid syntax @2:10",
                "if x:\n        y\n    z", "unindent does not match any outer indentation level @3:6",
                "match x:\n case _(x): pass", "invalid syntax @2:8",
                "match x:\n  case 1 as _: pass", "cannot use '_' as a target @2:13",
                "def f():\nreturn", "expected an indented block after function definition on line 1 @2:1",
                "x = [1,\n2\ny = 3", "'[' was never closed @1:5",
                "self.f(a, b=1, c d)", "positional argument follows keyword argument @1:19",
                "version, count, master x = f()", "invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1:24",
                "(c d)", "invalid syntax @1:4",
                "(a, 1 2)", "invalid syntax. Perhaps you forgot a comma? @1:5",
                "x = a[]", "invalid syntax @1:7",
                "async = 1", "invalid syntax @1:7",
                "if x:\n        y\n    else:\n        z", "unindent does not match any outer indentation level @3:10",
                "class C:\n    def f(self):\n        pass\n  x = 1", "unindent does not match any outer indentation level @4:8",
    };

    @Test
    void firstErrorIsCPythons() {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < CASES.length; i += 2) {
            String got = ParserTesting.outcome(CASES[i], PythonVersion.PY311);
            if (!got.equals(CASES[i + 1])) {
                mismatches.add(CASES[i].replace("\n", "\\n") + "\n  expected " + CASES[i + 1] + "\n  got      " + got);
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
