package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.CPythonOracle;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test of lexical errors: for sources that CPython 3.11's {@code ast.parse(bytes)}
 * refuses because of what its tokenizer (or its decoding) finds, our first error (the decoder's,
 * else the lexer's) must carry CPython's message, line and printed column. Only sources whose
 * error CPython raises from lexing are listed; errors of the parser proper are not the lexer's.
 */
class TestLexerErrors {
    /** Sources as text, sent as UTF-8. */
    private static final List<String> TEXT = List.of(
            "'abc", "'''abc\n\n", "x = 'a\\\nb", "x = 'ab\\", "x = f'abc", "x = rb'é\n", "é = 'ab\n", "x = 1\ny='abc\nz=2\n",
            "x = '''a\n\nb", "\n\nx = '''a\n\nb\n", "x = é'''a", "x = 'é\\\n", "x = \"abc\\\"", "u'x", "rb'\\n",
            "1_a", "0777", "0b12", "0o8", "0x", "1e", "1__0", "x=1.__class__", "x=0_7", "x=09", "x=1e+", "x=1e+a", "x=0b",
            "x=0b1_", "x=0o", "x=0x_", "x=1__", "x = 1._5", "x=1.5_", "x=1e_5", "x=5jx", "x=0xfj", "x=0o19", "x = 0e",
            "x = 0_", "x = 0_a", "x = 0b1a", "x = 0o7a", "x = 1_é", "x=1eé", "x=0xé", "x=0bé", "x=1x", "x=1_000x", "x = 00x",
            "x=0x1_", "x=1.5e", "x=1oré", "x=1andy", "x=0o7fa", "x=.5_", "x=.5e", "x=0.e", "x=1e5j_", "é = 1\nx = 1_é2",
            "x €", "é €", "x\u00a0y", "x = ·a", "x \u0001 y", "x\u000by", "\u001b", "x = 1\n\u007f", "x ⁄ y",
            "a\\ b", "x=1\n\\ \n", "é = 1 + \\ # x\n", "é = 1 + \\é\n", "x = 1 + \\", "x = 1 + \\\n", "x = 1\n\n\n\\", "a\\",
            "(]", "(\n]", ")", "x = ]", "x = [1,\n 2,\n 3)\n", "(", "x = (1,\n", "x = ((((\n", "x = ([{\n}\n", "é = (é",
            "éé = 1;x = (1,\n", "x = (\n\n# c", "a = (\r\n1,\r\n", "(".repeat(201),
            "if x:\n\ty\n        z\n", "if x:\n        y\n\tz\n", "if x:\n  y\n \tz\n", "if x:\n    y\n  z\n", "if x:\n    y\n  z",
            "if x:\n    y\n  zé # cé\n", "if x:\r\n    y\r\n  z\r\n", "if x:\n\tif y:\n\t\tz\n  w\n", "if x:\n    y\n  z\\\n  + 1\n",
            "if x:\n  y\n\f z\n", "def f():\n\tx = 1\n        y = 2\n", tooDeep(), "x $ y", "é $", "x ? y", "x ` y");

    /** Sources as bytes (each char one byte), for encodings and ill-formed UTF-8. */
    private static final List<String> BYTES = List.of(
            "x = 1\u0000\n", "'\u0000'\n", "# \u0000\n", "\u00ef\u00bb\u00bf# coding: latin-1\nx=1\n", "# coding: foo\nx=1\n",
            "# coding: ascii\nx='\u00e9'\n", "x=1\n# coding: latin-1\nx='\u00e9'\n", "\\\n# coding: latin-1\nx='\u00e9'\n",
            "x = '\u00ff'\n", "x = 1\ny = '\u00c3('\n", "\u00ef\u00bb\u00bfx=1\u00ff\n", "x = '\u00ed\u00a0\u0080'\n",
            "x = '\u00f4\u0090\u0080\u0080'\n", "x = '\u00c0\u0080'\n", "x = '\u00e2\u0082'\n", "x\u00ff = 1\n", "\u00ff\n",
            "x = 1\n\u00e9x = 2\n", "x = f'\u00ff{1}'\n", "x = r'\u00e9'\n", "'''\n\u00ff'''\n", "x\r\ny = '\u00ff'\r\n",
            "y = x\u00ff\n", "y = x\u00ffz + 1\n", "y = (x\u00ff)\n", "x = '\u00ff' + y\n", "x = ('\u00ff')\n", "x = '\u00ff' 'a'\n",
            "x = 'ab\u00ff\u00fe'\n", "x = 'ab\u00c3\u00a9\u00ff'\n", "x = r'ab\u00c3\u00a9\u00ff'\n", "x = 'a\\n\u00ff'\n",
            "\u00ffx = 1\n", "x \u00ff\n", "\u00c3\u00a9\u00c3\u00a9 = '\u00ff' + 1\n", "\u00c3\u00a9\u00c3\u00a9 = x\u00ff + 1\n",
            "# coding: utf-8\n\u00c3\u00a9 = x\u00ff + 1\n", "# coding: utf-8\n\u00c3\u00a9 = (\u00c3\u00a9",
            "\u00ef\u00bb\u00bf\u00c3\u00a9 = (\u00c3\u00a9", "# coding: latin-1\n\u00e9 = (1,\n", "# coding: utf-8\n\u00c3\u00a9 $",
            "# coding: utf-8\n\u00c3\u00a9 = 1 + \\", "# coding: utf8\nx='\u00ff'\n", "# -*- coding: cp1252 -*-\nx = '\u0081'\n",
            // With a BOM or a cookie CPython applies the raw byte offset to the line with U+FFFD in
            // place of the ill-formed bytes, so the column lands short.
            "# coding: utf-8\nx = \"\u00ff\"\n", "# coding: utf-8\nab = 1\nxyz = \"\u00c3\u00a9\u00ff\"\n",
            "\u00ef\u00bb\u00bfx = '\u00ff\u00fe' + '\u00c3\u00a9'\n", "# coding: utf-8\nxy\u00ff = 1\n",
            "# coding: utf-8\n\u00c3\u00a9\u00c3\u00a9 = x\u00ff\u00ff + 1\n", "# coding: utf-8\nx = ('\u00e2\u0082\u00ff' 'a')\n");

    @Test
    void reportsLexicalErrorsAsCPython() {
        Python3 python = Python3.require();
        List<byte[]> sources = new ArrayList<>();
        TEXT.forEach(s -> sources.add(s.getBytes(UTF_8)));
        BYTES.forEach(s -> sources.add(s.getBytes(ISO_8859_1)));
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (byte[] s : sources) {
            in.writeBytes(HexFormat.of().formatHex(s).getBytes(US_ASCII));
            in.write(0);
        }
        List<String> answers = new String(python.run(CPythonOracle.script("lexer/error_oracle.py"), List.of(), in.toByteArray()),
                UTF_8).lines().toList();
        assertThat(answers).hasSize(sources.size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String[] cpython = answers.get(i).split("\t", 5);
            assertThat(cpython[0]).as("CPython refuses case %d", i).isEqualTo("ERR");
            SyntaxError ours = firstError(sources.get(i));
            String expected = cpython[4] + " @" + cpython[2] + ":" + cpython[3];
            String actual = ours == null ? "no error" : ours.message() + " @"
                    + (cpython[2].equals("-") ? "-" : ours.line()) + ":" + (cpython[3].equals("-") ? "-" : ours.column());
            if (!actual.equals(expected)) {
                mismatches.add(new String(sources.get(i), UTF_8).replace("\n", "\\n") + "\n    ours    " + actual
                        + "\n    CPython " + expected);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static SyntaxError firstError(byte[] raw) {
        DecodedSource decoded = SourceDecoder.decode(raw);
        if (decoded.error() != null) {
            return decoded.error();
        }
        List<SyntaxError> errors = Lexer.lex(decoded.text(), PythonVersion.PY311).errors();
        return errors.isEmpty() ? null : errors.get(0);
    }

    private static String tooDeep() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            b.append("  ".repeat(i)).append("if x:\n");
        }
        return b.append("  ".repeat(101)).append("pass\n").toString();
    }
}
