package io.codeanatomy.python.syntax.lexer;

import static io.codeanatomy.python.syntax.lexer.TokenDump.kinds;
import static io.codeanatomy.python.syntax.lexer.TokenDump.lex;
import static io.codeanatomy.python.syntax.lexer.TokenDump.source;
import static io.codeanatomy.python.syntax.lexer.TokenDump.tokens;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AMPEREQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AND;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ASYNC;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ATEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AWAIT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COLON;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COLONEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DEDENT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DEF;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESLASH;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESLASHEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESTAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESTAREQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ELLIPSIS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ENDMARKER;
import static io.codeanatomy.python.syntax.lexer.TokenKind.EQEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.EQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ERRORTOKEN;
import static io.codeanatomy.python.syntax.lexer.TokenKind.EXCLAMATION;
import static io.codeanatomy.python.syntax.lexer.TokenKind.FALSE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.IF;
import static io.codeanatomy.python.syntax.lexer.TokenKind.INDENT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LEFTSHIFTEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LESS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LPAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.MINUS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NAME;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NEWLINE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NONE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NOT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NOTEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NUMBER;
import static io.codeanatomy.python.syntax.lexer.TokenKind.PASS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RARROW;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RIGHTSHIFT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RIGHTSHIFTEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RPAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.STRING;
import static io.codeanatomy.python.syntax.lexer.TokenKind.TRUE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.YIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestLexer {
    @Test
    void tellsHardKeywordsFromNamesAndSoftKeywords() {
        assertThat(kinds("if not x and True: pass")).containsExactly(IF, NOT, NAME, AND, TRUE, COLON, PASS, NEWLINE, ENDMARKER);
        assertThat(kinds("match case _ type print self")).containsExactly(NAME, NAME, NAME, NAME, NAME, NAME, NEWLINE, ENDMARKER);
        assertThat(kinds("async await yield def None False"))
                .containsExactly(ASYNC, AWAIT, YIELD, DEF, NONE, FALSE, NEWLINE, ENDMARKER);
        assertThat(kinds("iff in_ Not asyncx")).containsExactly(NAME, NAME, NAME, NAME, NEWLINE, ENDMARKER);
    }

    @Test
    void measuresColumnsInUtf8Bytes() {
        assertThat(tokens("café = naïve\n")).containsExactly(
                "NAME 1:0-1:5 café", "EQUAL 1:6-1:7 =", "NAME 1:8-1:14 naïve", "NEWLINE 1:14-1:14 \\n", "ENDMARKER 1:-1-1:-1");
    }

    @Test
    void acceptsUnicodeIdentifiersAndRejectsOtherCharacters() {
        assertThat(kinds("変数 + Ω + ﬁle + x·y + 𝔘")).containsExactly(NAME, TokenKind.PLUS, NAME, TokenKind.PLUS, NAME,
                TokenKind.PLUS, NAME, TokenKind.PLUS, NAME, NEWLINE, ENDMARKER);
        LexResult euro = lex("x = a€b\n");
        assertThat(euro.errors()).containsExactly(new SyntaxError("invalid character '€' (U+20AC)", 5, 8, 1, 6));
        assertThat(tokens(euro, source("x = a€b\n"))).contains("ERRORTOKEN 1:4-1:9 a€b");
        assertThat(lex("x\u00a0y").errors()).extracting(SyntaxError::message)
                .containsExactly("invalid non-printable character U+00A0");
        assertThat(lex("·x").errors()).extracting(SyntaxError::message).containsExactly("invalid character '·' (U+00B7)");
    }

    @Test
    void takesTheLongestOperator() {
        assertThat(kinds("**= ** //= // >>= >> <<= -> := ... . @ @= &= == = != <> < -"))
                .containsExactly(DOUBLESTAREQUAL, DOUBLESTAR, DOUBLESLASHEQUAL, DOUBLESLASH, RIGHTSHIFTEQUAL, RIGHTSHIFT,
                        LEFTSHIFTEQUAL, RARROW, COLONEQUAL, ELLIPSIS, DOT, AT, ATEQUAL, AMPEREQUAL, EQEQUAL, EQUAL, NOTEQUAL,
                        NOTEQUAL, LESS, MINUS, NEWLINE, ENDMARKER);
        assertThat(kinds("..")).containsExactly(DOT, DOT, NEWLINE, ENDMARKER);
        assertThat(kinds("x!y")).containsExactly(NAME, EXCLAMATION, NAME, NEWLINE, ENDMARKER);
    }

    @Test
    void readsEveryNumberForm() {
        for (String number : List.of("0", "00", "0_0", "7", "1_000", "0x1F", "0X_dead_BEEF", "0o17", "0O_7", "0b1010", "0B_1",
                "1.5", "1.", ".5", "1e10", "1E-5", "1.5e+3", "1_0.0_1e1_0", "3j", "3.5J", "1e3j", ".5j", "0j", "00j", "09.5",
                "09e1", "0e0", "1_2.3_4j")) {
            assertThat(tokens(number)).as(number).first().isEqualTo("NUMBER 1:0-1:" + number.length() + " " + number);
            assertThat(lex(number).errors()).as(number).isEmpty();
        }
    }

    @Test
    void endsANumberBeforeAKeywordAsCPythonDoes() {
        assertThat(tokens("1if x else 2")).startsWith("NUMBER 1:0-1:1 1", "IF 1:1-1:3 if");
        assertThat(tokens("0x1for x in y")).startsWith("NUMBER 1:0-1:4 0x1f", "OR 1:4-1:6 or");
        assertThat(tokens("1else")).startsWith("NUMBER 1:0-1:1 1", "ELSE 1:1-1:5 else");
        assertThat(tokens("1.e")).containsExactly("ERRORTOKEN 1:0-1:3 1.e", "NEWLINE 1:3-1:3", "ENDMARKER 1:-1-1:-1");
        assertThat(tokens("1é")).startsWith("NUMBER 1:0-1:1 1", "NAME 1:1-1:3 é");
    }

    @Test
    void reportsMalformedNumbersWithCPythonsMessages() {
        assertThat(firstError("x = 1_")).isEqualTo(new SyntaxError("invalid decimal literal", 4, 6, 1, 6));
        assertThat(firstError("x = 0777")).isEqualTo(new SyntaxError(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 4, 6, 1, 5));
        assertThat(firstError("0b12").message()).isEqualTo("invalid digit '2' in binary literal");
        assertThat(firstError("0o8").message()).isEqualTo("invalid digit '8' in octal literal");
        assertThat(firstError("0x").message()).isEqualTo("invalid hexadecimal literal");
        assertThat(firstError("5jx").message()).isEqualTo("invalid imaginary literal");
        assertThat(firstError("1e+").message()).isEqualTo("invalid decimal literal");
        assertThat(tokens("x = 0777 + 1")).contains("ERRORTOKEN 1:4-1:8 0777", "NUMBER 1:11-1:12 1");
    }

    @Test
    void readsStringsWithEveryPrefix() {
        for (String s : List.of("'a'", "\"b\"", "r'\\d'", "R'x'", "b'x'", "B'x'", "br'x'", "Br'x'", "rb'x'", "rB'x'", "u'x'",
                "U'x'", "f'{x}'", "F'x'", "fr'x'", "Rf'x'", "rF'x'", "''", "\"\"", "''''''", "'\\''", "'\\\\'")) {
            assertThat(tokens(s)).as(s).first().isEqualTo("STRING 1:0-1:" + s.length() + " " + s);
        }
        assertThat(kinds("ub'x'")).containsExactly(NAME, STRING, NEWLINE, ENDMARKER);
        assertThat(kinds("bu'x'")).containsExactly(NAME, STRING, NEWLINE, ENDMARKER);
        assertThat(kinds("ur'x'")).containsExactly(NAME, STRING, NEWLINE, ENDMARKER);
        assertThat(kinds("fb'x'")).containsExactly(NAME, STRING, NEWLINE, ENDMARKER);
    }

    @Test
    void readsTemplateStringPrefixesFromPython314Only() {
        assertThat(kinds("t'x'")).containsExactly(NAME, STRING, NEWLINE, ENDMARKER);
        assertThat(kinds(lex("t'x' + tr'y' + Rt'z'", PythonVersion.PY314)))
                .containsExactly(STRING, TokenKind.PLUS, STRING, TokenKind.PLUS, STRING, NEWLINE, ENDMARKER);
    }

    @Test
    void placesAMultiLineStringFromItsStartToItsEnd() {
        String src = "x = '''a\nbé\n  c''' + \"\"\"\\\n\"\"\"\n";
        assertThat(tokens(src)).containsExactly("NAME 1:0-1:1 x", "EQUAL 1:2-1:3 =", "STRING 1:4-3:6 '''a\\nbé\\n  c'''",
                "PLUS 3:7-3:8 +", "STRING 3:9-4:3 \"\"\"\\\\n\"\"\"", "NEWLINE 4:3-4:3 \\n", "ENDMARKER 4:-1-4:-1");
        assertThat(tokens("'a\\\nb'")).first().isEqualTo("STRING 1:0-2:2 'a\\\\nb'");
    }

    @Test
    void reportsUnterminatedStringsWhereTheyStart() {
        assertThat(firstError("x = 'abc\ny = 1\n")).isEqualTo(
                new SyntaxError("unterminated string literal (detected at line 1)", 4, 8, 1, 5));
        assertThat(firstError("\n\nx = '''a\n\nb\n")).isEqualTo(
                new SyntaxError("unterminated triple-quoted string literal (detected at line 5)", 6, 14, 3, 5));
        assertThat(tokens("x = 'abc\ny\n")).containsExactly("NAME 1:0-1:1 x", "EQUAL 1:2-1:3 =", "ERRORTOKEN 1:4-1:8 'abc",
                "NEWLINE 1:8-1:8 \\n", "NAME 2:0-2:1 y", "NEWLINE 2:1-2:1 \\n", "ENDMARKER 2:-1-2:-1");
    }

    @Test
    void keepsAnFStringWholeAndFindsItsEndAsTheVersionDoes() {
        String nested = "f'{'a'}'";
        assertThat(kinds(nested)).containsExactly(STRING, NAME, STRING, NEWLINE, ENDMARKER);
        assertThat(tokens(nested, PythonVersion.PY312)).first().isEqualTo("STRING 1:0-1:8 f'{'a'}'");
        String deep = "f\"{f\"{f\"{1}\"}\"}\" + f'''{\n x # 'comment\n}'''";
        assertThat(tokens(deep, PythonVersion.PY312)).containsExactly("STRING 1:0-1:16 f\"{f\"{f\"{1}\"}\"}\"",
                "PLUS 1:17-1:18 +", "STRING 1:19-3:4 f'''{\\n x # 'comment\\n}'''", "NEWLINE 3:4-3:4", "ENDMARKER 3:-1-3:-1");
        assertThat(tokens("f'{x:{y}.{z}}' f'{x!r:>{10}}' f'{{}}'", PythonVersion.PY312))
                .containsExactly("STRING 1:0-1:14 f'{x:{y}.{z}}'", "STRING 1:15-1:29 f'{x!r:>{10}}'", "STRING 1:30-1:37 f'{{}}'",
                        "NEWLINE 1:37-1:37", "ENDMARKER 1:-1-1:-1");
        assertThat(lex("f'{x}\n", PythonVersion.PY312).errors()).extracting(SyntaxError::message)
                .containsExactly("unterminated f-string literal (detected at line 1)");
    }

    @Test
    void emitsNewlineOnlyForLogicalLines() {
        String src = "x = 1  # c\n\n   # only a comment\ny = (1,\n\n  2)\n";
        assertThat(tokens(src)).containsExactly("NAME 1:0-1:1 x", "EQUAL 1:2-1:3 =", "NUMBER 1:4-1:5 1", "NEWLINE 1:7-1:10 \\n",
                "NAME 4:0-4:1 y", "EQUAL 4:2-4:3 =", "LPAR 4:4-4:5 (", "NUMBER 4:5-4:6 1", "COMMA 4:6-4:7 ,",
                "NUMBER 6:2-6:3 2", "RPAR 6:3-6:4 )", "NEWLINE 6:4-6:4 \\n", "ENDMARKER 6:-1-6:-1");
    }

    @Test
    void treatsCrLfAndLoneCrAsNewlines() {
        assertThat(tokens("a\r\nb\rc")).containsExactly("NAME 1:0-1:1 a", "NEWLINE 1:1-1:1 \\r\\n", "NAME 2:0-2:1 b",
                "NEWLINE 2:1-2:1 \\r", "NAME 3:0-3:1 c", "NEWLINE 3:1-3:1", "ENDMARKER 3:-1-3:-1");
    }

    @Test
    void emitsIndentsAndDedentsAsCPythonDoes() {
        String src = "if a:\n    if b:\n    \tc\n\n    d\ne\n";
        assertThat(tokens(src)).containsExactly("IF 1:0-1:2 if", "NAME 1:3-1:4 a", "COLON 1:4-1:5 :", "NEWLINE 1:5-1:5 \\n",
                "INDENT 2:-1-2:-1", "IF 2:4-2:6 if", "NAME 2:7-2:8 b", "COLON 2:8-2:9 :", "NEWLINE 2:9-2:9 \\n",
                "INDENT 3:-1-3:-1", "NAME 3:5-3:6 c", "NEWLINE 3:6-3:6 \\n", "DEDENT 5:-1-5:-1", "NAME 5:4-5:5 d",
                "NEWLINE 5:5-5:5 \\n", "DEDENT 6:-1-6:-1", "NAME 6:0-6:1 e", "NEWLINE 6:1-6:1 \\n", "ENDMARKER 6:-1-6:-1");
        assertThat(tokens("if a:\n  b")).containsExactly("IF 1:0-1:2 if", "NAME 1:3-1:4 a", "COLON 1:4-1:5 :",
                "NEWLINE 1:5-1:5 \\n", "INDENT 2:-1-2:-1", "NAME 2:2-2:3 b", "NEWLINE 2:3-2:3", "DEDENT 2:-1-2:-1",
                "ENDMARKER 2:-1-2:-1");
        assertThat(lex("if a:\n  b\n\f  c\n").errors()).isEmpty();
        assertThat(kinds("if a:\n  \\\n    b\n")).containsExactly(IF, NAME, COLON, NEWLINE, INDENT, NAME, NEWLINE, DEDENT, ENDMARKER);
    }

    @Test
    void reportsInconsistentIndentation() {
        assertThat(firstError("if x:\n\ty\n        z\n")).isEqualTo(
                new SyntaxError("inconsistent use of tabs and spaces in indentation", 9, 17, 3, 1));
        assertThat(firstError("if x:\n    y\n  z\n")).isEqualTo(
                new SyntaxError("unindent does not match any outer indentation level", 12, 14, 3, 4));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            deep.append(" ".repeat(i)).append("if x:\n");
        }
        assertThat(lex(deep.toString()).errors()).extracting(SyntaxError::message, SyntaxError::line)
                .containsExactly(tuple("too many levels of indentation", 101));
    }

    @Test
    void joinsLinesWithBackslashes() {
        assertThat(tokens("x = 1 + \\\n  2\n")).containsExactly("NAME 1:0-1:1 x", "EQUAL 1:2-1:3 =", "NUMBER 1:4-1:5 1",
                "PLUS 1:6-1:7 +", "NUMBER 2:2-2:3 2", "NEWLINE 2:3-2:3 \\n", "ENDMARKER 2:-1-2:-1");
        assertThat(firstError("a = \\ b")).isEqualTo(
                new SyntaxError("unexpected character after line continuation character", 4, 5, 1, 6));
        assertThat(firstError("x = 1\n\\")).isEqualTo(new SyntaxError("unexpected EOF while parsing", 6, 7, 2, 2));
    }

    @Test
    void checksBracketsLikeCPython() {
        assertThat(firstError(")")).isEqualTo(new SyntaxError("unmatched ')'", 0, 1, 1, 1));
        assertThat(firstError("(]")).isEqualTo(
                new SyntaxError("closing parenthesis ']' does not match opening parenthesis '('", 1, 2, 1, 2));
        assertThat(firstError("(\n]").message()).isEqualTo("closing parenthesis ']' does not match opening parenthesis '(' on line 1");
        assertThat(firstError("x = ([{\n}\n")).isEqualTo(new SyntaxError("'[' was never closed", 5, 6, 1, 6));
        assertThat(firstError("(".repeat(201))).isEqualTo(new SyntaxError("too many nested parentheses", 200, 201, 1, 201));
        assertThat(kinds("f(a,\n  b)\n")).containsExactly(NAME, LPAR, NAME, TokenKind.COMMA, NAME, RPAR, NEWLINE, ENDMARKER);
    }

    @Test
    void reportsStrayCharactersAndNulBytes() {
        assertThat(firstError("x $ y")).isEqualTo(new SyntaxError("invalid syntax", 2, 3, 1, 3));
        assertThat(firstError("x \u0001 y")).isEqualTo(new SyntaxError("invalid non-printable character U+0001", 2, 3, 1, 3));
        LexResult nul = lex("x = 1\u0000\n'a\u0000'\n");
        assertThat(nul.errors()).extracting(SyntaxError::message).containsOnly("source code string cannot contain null bytes")
                .hasSize(2);
        assertThat(kinds(nul)).containsExactly(NAME, EQUAL, NUMBER, ERRORTOKEN, NEWLINE, STRING, NEWLINE, ENDMARKER);
    }

    @Test
    void emitsOneErrorTokenPerErrorAndKeepsGoing() {
        for (String bad : List.of("x = 1_a + 'abc\n", "a\u20acb = 0o9", "if x:\n    y\n  z\n", "(]\n)", "x = 'a\\\nb",
                "a \\ b", "\tif x:\n\t\ty\n        z\n", "x = (\n", "$ ? `", "x = 1 +\\")) {
            LexResult r = lex(bad);
            Tokens t = r.tokens();
            assertThat(r.errors()).as(bad).isNotEmpty();
            assertThat(kinds(r).stream().filter(k -> k == ERRORTOKEN).count()).as(bad).isEqualTo(r.errors().size());
            for (int i = 1; i < t.size(); i++) {
                assertThat(t.start(i)).as("%s: token %d starts after the previous one ends", bad, i).isGreaterThanOrEqualTo(t.end(i - 1));
            }
            assertThat(t.kind(t.size() - 1)).isEqualTo(ENDMARKER);
        }
    }

    @Test
    void lexesAnEmbeddedRangeAsIfInsideBrackets() {
        SourceText src = source("x = f'{a +\n  b!r}'\n");
        LexResult r = Lexer.lexEmbedded(src, 7, 16, PythonVersion.PY311);
        assertThat(tokens(r, src)).containsExactly("NAME 1:7-1:8 a", "PLUS 1:9-1:10 +", "NAME 2:2-2:3 b",
                "EXCLAMATION 2:3-2:4 !", "NAME 2:4-2:5 r", "ENDMARKER 2:5-2:5");
        assertThat(r.errors()).isEmpty();
        assertThat(kinds(Lexer.lexEmbedded(src, 7, 7, PythonVersion.PY311))).containsExactly(ENDMARKER);
        assertThat(Lexer.lexEmbedded(source("f'{(a}'"), 3, 5, PythonVersion.PY311).errors())
                .extracting(SyntaxError::message).containsExactly("'(' was never closed");
        assertThatThrownBy(() -> Lexer.lexEmbedded(src, 5, 99, PythonVersion.PY311)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void handlesFilesWithoutTrailingNewlineOrContent() {
        assertThat(tokens("")).containsExactly("ENDMARKER 1:-1-1:-1");
        assertThat(tokens("\n\n")).containsExactly("ENDMARKER 2:-1-2:-1");
        assertThat(tokens("# only")).containsExactly("ENDMARKER 1:-1-1:-1");
        assertThat(tokens("x # c")).containsExactly("NAME 1:0-1:1 x", "NEWLINE 1:2-1:5", "ENDMARKER 1:-1-1:-1");
    }

    @Test
    void setsTheKeywordsOfEveryVersionAlike() {
        for (PythonVersion v : List.of(PythonVersion.PY38, PythonVersion.PY311, PythonVersion.PY314)) {
            assertThat(kinds(lex("async def f(): await x", v)))
                    .containsExactly(ASYNC, DEF, NAME, LPAR, RPAR, COLON, AWAIT, NAME, NEWLINE, ENDMARKER);
        }
        assertThat(kinds("a >>= b")).containsExactly(NAME, RIGHTSHIFTEQUAL, NAME, NEWLINE, ENDMARKER);
        assertThat(kinds("a >> b")).containsExactly(NAME, RIGHTSHIFT, NAME, NEWLINE, ENDMARKER);
    }

    private static SyntaxError firstError(String src) {
        List<SyntaxError> errors = lex(src).errors();
        assertThat(errors).as("errors of %s", src).isNotEmpty();
        return errors.get(0);
    }
}
