package io.codeanatomy.python.syntax.parser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.PythonParser;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.AstDump;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * String literals, concatenations, f-strings and t-strings parsed whole (lexer, parser and
 * {@link StringLiterals}), each case held against CPython 3.11's {@code ast.dump} with positions,
 * or against its SyntaxError (message, line and column).
 */
class TestStringLiterals {
    /** Plain literals, their escapes and their concatenation. */
    private static final List<String> PLAIN = List.of(
            "x = 'abc'\n", "x = 'a' \"b\"\n", "x = u'a' 'b'\n", "x = 'a' u'b'\n", "x = U'x'\n",
            "x = r'\\n\\q'\n", "x = b'ab\\x41\\101\\777\\q'\n", "x = b'a' B'b' rb'\\x'\n", "x = ''\n", "x = ''''''\n",
            "x = 'a' '' 'b'\n", "x = ('a'\n  'b'  # c\n 'c')\n", "x = '\\N{DAGGER}\\N{line feed}\\N{HANGUL SYLLABLE GAG}'\n",
            "x = 'é\\x41\\é\\u00e9\\U0001F600\\ud800'\n", "x = '''a\nb\\\nc'''\n", "x = '''x\r\ny\\\r\nz\rw'''\r\n",
            "x = \"\\\"\\'\"\n", "x = 'é' 'ü'  'ö'\n", "x = (b'x'\n  b'y')\n");
    /** f-strings: fields, conversions, specs, debug text, and CPython 3.11's positions for them. */
    private static final List<String> FSTRINGS = List.of(
            "x = f'abc'\n", "x = f''\n", "x = f'' ''\n", "x = '' f''\n", "x = u'' f'a'\n", "x = f'{{}}'\n",
            "x = f'a{{b}}c'\n", "x = f'{a}'\n", "x = f'{a!r}'\n", "x = f'{a!s:>10}'\n", "x = f'{a=}'\n",
            "x = f'{ a = }'\n", "x = f'{a=!s}'\n", "x = f'{a=:>4}'\n", "x = f'{a:{b}}'\n", "x = f'a{b!r:>{w}}c' 'd'\n",
            "x = u'' f'{x:a{y}b}'\n", "x = f'{x:{y}abc}' 'd'\n", "x = 'x' f'{a}' 'y' f'{b}' 'z'\n", "x = f'\\{a}'\n",
            "x = f'\\}}'\n", "x = f'{a:{{}}}'\n", "x = f'{a!r} {a}'\n", "x = f'é{a}'\n", "x = 'é' + f'é{b}'\n",
            "x = f'''\n  {a +\nb}'''\n", "x = f'''{\n a}'''\n", "x = f'{x,y}'\n", "x = f'{ x , y }'\n",
            "x = f'''{\n x, y}'''\n", "x = f'''x\n   {\n x, y}'''\n", "x = f'''x\n   { x, y}'''\n",
            "x = f'''{\"\"\"a\nb\"\"\" + c}'''\n", "x = f'{f\"{x}\"}'\n", "x = f'{f\"{x!r:>{y}}\"}' 'z'\n",
            "x = rf'\\{a}\\n'\n", "x = fr'{a}\\N{DAGGER}'\n", "x = f'\\N{DAGGER}{a}'\n", "x = f'\\N{LEFT CURLY BRACKET}{a}'\n",
            "x = f'{a:}'\n", "x = f'{a!r:}'\n", "x = f'{a=:}'\n", "x = F'{a}' Rf'{b}\\n'\n", "x = f'{1+2}'\n",
            "x = (f'{x}'\n  f'{y}')\n", "x = f'{x:{y}}' f'{z}'\n", "x = f'''a\n  {b}{c\n}'''\n", "x = f'''x\r\n{a}\r\n'''\r\n",
            "x = f'''\r\n  {a +\r\nb}'''\r\n", "x = f'{a:\\n}'\n", "x = f'{a:{b}\\x41}'\n", "x = f'{x!r:\t>{y}}'\n",
            "x = (\n  f'''{\n\n   x\n  }''')\n", "x = f'''{x}\n{y}\n{x}'''\n", "x = (u'a' f'{x:a{y}b{z}c}')\n",
            "x = f'{x=!r:>{y}}'\n", "x = f'{x = !a}'\n", "x = f'{\"a\" \"b\"}'\n", "x = f'é{\"é\" + f\"ü{x}\"}'\n",
            "x = (f'''\n  {f\"\"\"\n{x}\"\"\"}''')\n", "x = (f'''{f\"\"\"a\n{x}\"\"\"}''')\n", "x = (f'''x\n   {f\"{y}\"}''')\n",
            "x = f'{x:=10}'\n", "x = f'{x==y}'\n", "x = f'{x!=y}'\n", "x = f'{x<=y:>3}'\n", "x = f'{{{x}}}'\n",
            "x = f'{yield}'\n", "x = f'{(a:=1)}'\n", "x = f'{(lambda: 1)()}'\n",
            "x = f'{a if b else c}'\n", "x = f'{*a,}'\n", "x = f'{ {a: b}[a] }'\n", "x = f'{ {a, b} }'\n",
            "x = f'{[a for a in b]}'\n", "x = f'{x.y(z)[0]!r:{w}.{p}f}'\n", "def f():\n    return f'{await x}'\n",
            "x = f'\\t{a}\\x41' f\"{b}\" '''c'''\n", "if x:\n\tx = f'\t{ a }'\n");
    /** Errors, with the message and the place CPython reports. */
    private static final List<String> ERRORS = List.of(
            "x = '\\xZZ'\n", "x = ('\\xZZ' , 1)\n", "x = b'ab\\xZZ'\n", "x = b'é'\n", "x = ('a' b'b' , 1)\n",
            "x = (b'a' 'b' , 1)\n", "x = '\\N{FOO}'\n", "x = '\\U00110000'\n", "x = f'}'\n", "x = f'{'\n", "x = f'{}'\n",
            "x = f'{ }'\n", "x = f'{a!x}'\n", "x = f'{a!}'\n", "x = f'{a#}'\n", "x = f'{a\\n}'\n", "x = f'{a)}'\n",
            "x = f'{(a]}'\n", "x = f'{(a}'\n", "x = f\"{'a}\"\n", "x = f'{a!r'\n", "x = f'{a:'\n", "x = f'{a='\n",
            "x = f'{a}}'\n", "x = f'{a:{b:{c}}}'\n", "x = f'{x}\\N{DAGGER}\\N'\n", "x = f'{x!r!s}'\n", "x = f'{x:a}}'\n",
            "x = (f'abc{a}{' , 1)\n");

    @Test
    void plainLiteralsMatchCPython() {
        assertMatchesCPython(PLAIN);
    }

    @Test
    void fStringsMatchCPythonWithItsPositions() {
        assertMatchesCPython(FSTRINGS);
    }

    @Test
    void errorsMatchCPython() {
        assertMatchesCPython(ERRORS);
    }

    @Test
    void aFieldThatDoesNotParseIsAnFStringError() {
        // CPython counts the column of such an error in its "(expression)" copy; that is the
        // expression parser's business, so only the message is checked here.
        assertThat(parse("x = f'{lambda: 1}'\n", PythonVersion.PY311).errors()).extracting(SyntaxError::message)
                .containsExactly("f-string: invalid syntax");
    }

    @Test
    void aRunWithAnErrorYieldsOneErrorAndParsingGoesOn() {
        ParseResult result = parse("x = b'a' 'b'\ny = 1\n", PythonVersion.PY311);
        assertThat(result.errors()).extracting(SyntaxError::message).containsExactly("cannot mix bytes and nonbytes literals");
        assertThat(AstDump.dump(result.module(), false)).contains("Name(id='y', ctx=Store())");
    }

    @Test
    void pep701LetsFieldsReuseTheQuoteAndHoldBackslashes() {
        ParseResult nested = parse("x = f'{f'{x}'}'\n", PythonVersion.PY312);
        ParseResult escaped = parse("x = f'{'\\n'.join(y)}'\n", PythonVersion.PY312);
        assertThat(nested.errors()).isEmpty();
        assertThat(escaped.errors()).isEmpty();
        // Same text as 3.11 would have it with other quotes, hence the same tree.
        assertThat(AstDump.dump(nested.module(), true))
                .isEqualTo(AstDump.dump(parse("x = f'{f\"{x}\"}'\n", PythonVersion.PY311).module(), true));
        assertThat(AstDump.dump(escaped.module(), false)).isEqualTo("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                + "value=JoinedStr(values=[FormattedValue(value=Call(func=Attribute(value=Constant(value='\\n'), "
                + "attr='join', ctx=Load()), args=[Name(id='y', ctx=Load())], keywords=[]), conversion=-1)]))], type_ignores=[])");
    }

    @Test
    void tStringsMakeTemplatesWithTheExpressionText() {
        ParseResult result = parse("x = t'a{ x = !r:>{w}}b' t'{y}'\n", PythonVersion.PY314);
        assertThat(result.errors()).isEmpty();
        assertThat(AstDump.dump(result.module(), false)).isEqualTo("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                + "value=TemplateStr(values=[Constant(value='a x = '), Interpolation(value=Name(id='x', ctx=Load()), "
                + "str=' x', conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), "
                + "FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value='b'), "
                + "Interpolation(value=Name(id='y', ctx=Load()), str='y', conversion=-1)]))], type_ignores=[])");
    }

    @Test
    void tStringsDoNotMixWithOtherLiterals() {
        assertThat(parse("x = t'a' 'b'\n", PythonVersion.PY314).errors()).extracting(SyntaxError::message)
                .containsExactly("cannot mix t-string literals with string or bytes literals");
        assertThat(parse("x = f'a' t'b'\n", PythonVersion.PY314).errors()).extracting(SyntaxError::message)
                .containsExactly("cannot mix t-string literals with string or bytes literals");
    }

    private static ParseResult parse(String source, PythonVersion version) {
        return PythonParser.parse(source.getBytes(UTF_8), version);
    }

    /** Our verdict on each source, one line each: the dump, or the first error with its place. */
    private static String ours(String source) {
        ParseResult result = parse(source, PythonVersion.PY311);
        if (!result.ok()) {
            SyntaxError e = result.errors().get(0);
            return "SyntaxError: " + e.message() + " @ " + e.line() + ":" + e.column();
        }
        return AstDump.dump(result.module(), true);
    }

    private static void assertMatchesCPython(List<String> sources) {
        Python3 python = Python3.require();
        String script = String.join("\n",
                "import ast, sys, warnings",
                "warnings.simplefilter('ignore')",
                "out = []",
                "for src in sys.stdin.buffer.read().split(b'\\0')[:-1]:",
                "    try: out.append(ast.dump(ast.parse(src), include_attributes=True))",
                "    except SyntaxError as e: out.append('SyntaxError: %s @ %d:%d' % (e.msg, e.lineno, e.offset))",
                "sys.stdout.buffer.write('\\0'.join(out).encode('utf-8'))");
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (String source : sources) {
            input.writeBytes(source.getBytes(UTF_8));
            input.write(0);
        }
        String[] expected = new String(python.run(script, List.of(), input.toByteArray()), UTF_8).split("\0", -1);
        assertThat(expected).hasSameSizeAs(sources);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String actual = ours(sources.get(i));
            if (!actual.equals(expected[i])) {
                mismatches.add(sources.get(i) + "\n  ours:    " + actual + "\n  CPython: " + expected[i]);
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
