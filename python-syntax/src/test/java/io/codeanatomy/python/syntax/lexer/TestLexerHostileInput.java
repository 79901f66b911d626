package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.CPythonOracle;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to break a lexer: huge lines, deep nesting, ill-formed bytes, random mutations. The
 * lexer must not throw, must end with ENDMARKER, and must keep its tokens in order with positions
 * that agree with the line table.
 */
class TestLexerHostileInput {
    private static final long SEED = 0x1E_CE5L;
    private static final List<PythonVersion> VERSIONS = List.of(PythonVersion.PY38, PythonVersion.PY311, PythonVersion.PY312,
            PythonVersion.PY314);

    @Test
    void lexesATenMegabyteLine() {
        String line = "x = " + "alpha + 12 * 'str' - ".repeat(500_000) + "0\n";
        LexResult r = check(line.getBytes(UTF_8), PythonVersion.PY311);
        assertThat(r.errors()).isEmpty();
        assertThat(r.tokens().size()).isEqualTo(3 + 6 * 500_000 + 2);
    }

    @Test
    void lexesAMillionTokensOnOneLine() {
        LexResult r = check(("[" + "1,".repeat(500_000) + "]").getBytes(UTF_8), PythonVersion.PY311);
        assertThat(r.errors()).isEmpty();
        assertThat(r.tokens().size()).isEqualTo(1_000_004);
    }

    @Test
    void reportsDeepNestingOnceAndGoesOn() {
        LexResult open = check("(".repeat(100_000).getBytes(UTF_8), PythonVersion.PY311);
        assertThat(open.errors()).extracting(SyntaxError::message)
                .containsExactly("too many nested parentheses", "'(' was never closed");
        LexResult balanced = check(("x = " + "[".repeat(100_000) + "]".repeat(100_000) + "\ny\n").getBytes(UTF_8),
                PythonVersion.PY311);
        assertThat(balanced.errors()).extracting(SyntaxError::message).containsExactly("too many nested parentheses");
        assertThat(TokenDump.kinds(balanced)).endsWith(TokenKind.NEWLINE, TokenKind.NAME, TokenKind.NEWLINE, TokenKind.ENDMARKER);
        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            indented.append(" ".repeat(i)).append("if x:\n");
        }
        assertThat(check(indented.toString().getBytes(UTF_8), PythonVersion.PY311).errors()).extracting(SyntaxError::message)
                .containsExactly("too many levels of indentation");
    }

    @Test
    void findsTheEndOfDeeplyNestedFStrings() {
        String nested = "f'{".repeat(50_000) + "1" + "}'".repeat(50_000) + "\n";
        LexResult r = check(nested.getBytes(UTF_8), PythonVersion.PY312);
        assertThat(r.errors()).isEmpty();
        assertThat(TokenDump.kinds(r)).containsExactly(TokenKind.STRING, TokenKind.NEWLINE, TokenKind.ENDMARKER);
        LexResult open = check(("f'{" + "(".repeat(100_000) + "\n").getBytes(UTF_8), PythonVersion.PY312);
        assertThat(open.errors()).extracting(SyntaxError::message).containsExactly("unterminated f-string literal (detected at line 1)");
    }

    @Test
    void survivesLongLiteralsAndComments() {
        byte[] string = ("x = '''" + "a\\'\"".repeat(1_000_000)).getBytes(UTF_8);
        assertThat(check(string, PythonVersion.PY311).errors()).extracting(SyntaxError::message)
                .containsExactly("unterminated triple-quoted string literal (detected at line 1)");
        assertThat(check(("# comment\n".repeat(500_000)).getBytes(UTF_8), PythonVersion.PY311).tokens().size()).isEqualTo(1);
        String digits = "9".repeat(100_000);
        byte[] number = digits.getBytes(UTF_8);
        assertThat(check(number, PythonVersion.PY311).errors()).isEmpty();
        assertThat(NumberLiterals.value(number, 0, number.length).toString()).isEqualTo(digits);
    }

    @Test
    void capsTheErrorsOfAFileOfNulBytes() {
        LexResult r = check(new byte[1_000_000], PythonVersion.PY311);
        assertThat(r.errors()).hasSize(Lexer.MAX_ERRORS);
        assertThat(SourceDecoder.decode(new byte[1_000_000]).error().message())
                .isEqualTo("source code string cannot contain null bytes");
    }

    @Test
    void survivesRandomBytes() {
        Random random = new Random(SEED);
        for (int round = 0; round < 200; round++) {
            byte[] raw = new byte[random.nextInt(2_000)];
            random.nextBytes(raw);
            DecodedSource decoded = SourceDecoder.decode(raw);
            for (PythonVersion v : VERSIONS) {
                check(decoded.text(), v);
            }
        }
    }

    @Test
    void survivesMutationsOfRealCode() {
        byte[] base = CPythonOracle.script("lexer/token_forms.py").getBytes(UTF_8);
        byte[] alphabet = "()[]{}'\"\\#\n\r\t\f fbrutx0_.e:=!{}\u00e9".getBytes(UTF_8);
        Random random = new Random(SEED);
        for (int round = 0; round < 400; round++) {
            byte[] src = base.clone();
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                src[random.nextInt(src.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            SourceText text = SourceDecoder.decode(src).text();
            for (PythonVersion v : VERSIONS) {
                LexResult r = check(text, v);
                long errorTokens = TokenDump.kinds(r).stream().filter(k -> k == TokenKind.ERRORTOKEN).count();
                assertThat(errorTokens).as("round %d, %s", round, v).isEqualTo(r.errors().size());
            }
        }
    }

    private static LexResult check(byte[] raw, PythonVersion version) {
        return check(SourceDecoder.decode(raw).text(), version);
    }

    /** Lexes and checks the stream: ENDMARKER last, tokens in order, positions agreeing with the lines. */
    private static LexResult check(SourceText src, PythonVersion version) {
        LexResult r = Lexer.lex(src, version);
        Tokens t = r.tokens();
        assertThat(t.size()).isPositive();
        assertThat(t.kind(t.size() - 1)).isEqualTo(TokenKind.ENDMARKER);
        int[] starts = src.lineStarts();
        for (int i = 0; i < t.size(); i++) {
            if (i > 0 && t.start(i) < t.end(i - 1) || t.end(i) < t.start(i)) {
                fail("token %d overlaps the one before it or ends before it starts", i);
            }
            TokenKind k = t.kind(i);
            if (k == TokenKind.NEWLINE || k == TokenKind.INDENT || k == TokenKind.DEDENT || k == TokenKind.ENDMARKER) {
                continue;
            }
            int line = src.lineOf(t.start(i));
            if (t.line(i) != line || t.col(i) != t.start(i) - starts[line - 1]) {
                fail("token %d at byte %d is placed at %d:%d, not %d:%d", i, t.start(i), t.line(i), t.col(i), line,
                        t.start(i) - starts[line - 1]);
            }
            int endLine = src.lineOf(t.end(i));
            boolean endAtLineStart = t.end(i) == starts[endLine - 1];
            if (!endAtLineStart && (t.endLine(i) != endLine || t.endCol(i) != t.end(i) - starts[endLine - 1])) {
                fail("token %d ending at byte %d is placed to end at %d:%d", i, t.end(i), t.endLine(i), t.endCol(i));
            }
        }
        return r;
    }
}
