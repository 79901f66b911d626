package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import org.junit.jupiter.api.Test;

class TestSourceDecoder {
    private static final String BOM = "\u00ef\u00bb\u00bf";

    @Test
    void keepsWellFormedUtf8WithoutCopying() {
        byte[] raw = "x = 'é'\n".getBytes(UTF_8);
        DecodedSource d = SourceDecoder.decode(raw);
        assertThat(d.ok()).isTrue();
        assertThat(d.text().bytes()).isSameAs(raw);
        assertThat(d.text().encoding()).isEqualTo("utf-8");
        assertThat(d.text().bomLength()).isZero();
    }

    @Test
    void dropsAUtf8ByteOrderMark() {
        DecodedSource d = SourceDecoder.decode(latin1(BOM + "x = 1\n"));
        assertThat(d.ok()).isTrue();
        assertThat(new String(d.text().bytes(), UTF_8)).isEqualTo("x = 1\n");
        assertThat(d.text().bomLength()).isEqualTo(3);
        assertThat(SourceDecoder.decode(latin1(BOM + "# coding: utf-8\nx=1\n")).ok()).isTrue();
    }

    @Test
    void startsLinesAfterLfCrLfAndLoneCr() {
        assertThat(SourceDecoder.decode(utf8("a\nb\r\nc\rd")).text().lineStarts()).containsExactly(0, 2, 5, 7);
        assertThat(SourceDecoder.decode(utf8("a\n")).text().lineStarts()).containsExactly(0);
        assertThat(SourceDecoder.decode(utf8("")).text().lineStarts()).containsExactly(0);
        assertThat(SourceDecoder.decode(utf8("\n\n")).text().lineStarts()).containsExactly(0, 1);
        assertThat(SourceDecoder.decode(latin1(BOM + "a\nb")).text().lineStarts()).containsExactly(0, 2);
    }

    @Test
    void honoursACodingDeclarationOnLineOneOrTwo() {
        DecodedSource first = SourceDecoder.decode(latin1("# -*- coding: latin-1 -*-\nx = '\u00e9'\n"));
        assertThat(first.ok()).isTrue();
        assertThat(first.text().encoding()).isEqualTo("iso-8859-1");
        assertThat(new String(first.text().bytes(), UTF_8)).isEqualTo("# -*- coding: latin-1 -*-\nx = 'é'\n");
        DecodedSource second = SourceDecoder.decode(latin1("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nx = '\u0080'\n"));
        assertThat(second.text().encoding()).isEqualTo("cp1252");
        assertThat(new String(second.text().bytes(), UTF_8)).endsWith("x = '€'\n");
        assertThat(SourceDecoder.decode(latin1("\n  # coding=ISO_8859_1\n\u00e9 = 1\n")).text().encoding()).isEqualTo("iso-8859-1");
    }

    @Test
    void ignoresDeclarationsAfterCodeOrBeyondLineTwo() {
        assertThat(SourceDecoder.decode(utf8("x = 1\n# coding: latin-1\n")).text().encoding()).isEqualTo("utf-8");
        assertThat(SourceDecoder.decode(utf8("x = 1  # coding: latin-1\n")).text().encoding()).isEqualTo("utf-8");
        assertThat(SourceDecoder.decode(utf8("#\n#\n# coding: latin-1\n")).text().encoding()).isEqualTo("utf-8");
        assertThat(SourceDecoder.decode(utf8("\\\n# coding: latin-1\n")).text().encoding()).isEqualTo("utf-8");
        assertThat(SourceDecoder.decode(utf8("# coding latin-1\n")).text().encoding()).isEqualTo("utf-8");
    }

    @Test
    void normalisesEncodingNamesAsCPython() {
        assertThat(CodingCookie.normalName("UTF_8")).isEqualTo("utf-8");
        assertThat(CodingCookie.normalName("utf-8-sig")).isEqualTo("utf-8");
        assertThat(CodingCookie.normalName("Latin_1")).isEqualTo("iso-8859-1");
        assertThat(CodingCookie.normalName("iso-latin-1-unix")).isEqualTo("iso-8859-1");
        assertThat(CodingCookie.normalName("latin1")).isEqualTo("latin1");
        assertThat(CodingCookie.normalName("utf8")).isEqualTo("utf8");
    }

    @Test
    void reportsEncodingProblemsAsCPython() {
        assertThat(SourceDecoder.decode(utf8("# coding: klingon\nx = 1\n")).error())
                .isEqualTo(new SyntaxError("unknown encoding: klingon", 0, 0, 0, -1));
        assertThat(SourceDecoder.decode(latin1(BOM + "# coding: latin-1\nx = 1\n")).error())
                .isEqualTo(new SyntaxError("encoding problem: iso-8859-1 with BOM", 0, 0, 0, -1));
        assertThat(SourceDecoder.decode(latin1("# coding: ascii\nx = '\u00e9'\n")).error().message())
                .isEqualTo("'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)");
        DecodedSource cp1252 = SourceDecoder.decode(latin1("# coding: cp1252\nx = '\u0081'\n"));
        assertThat(cp1252.error().message())
                .isEqualTo("'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>");
        assertThat(new String(cp1252.text().bytes(), UTF_8)).contains("\ufffd");
    }

    @Test
    void replacesIllFormedUtf8AndReportsItWhereCPythonDoes() {
        DecodedSource d = SourceDecoder.decode(latin1("x = '\u00ff'\n"));
        assertThat(new String(d.text().bytes(), UTF_8)).isEqualTo("x = '\ufffd'\n");
        assertThat(d.error()).isEqualTo(new SyntaxError(
                "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", 5, 8, 1, 8));
        assertThat(SourceDecoder.decode(latin1("y = x\u00ffz + 1\n")).error()).isEqualTo(new SyntaxError(
                "(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte", 5, 8, 1, 7));
        assertThat(SourceDecoder.decode(latin1("x = r'ab\u00c3\u00a9\u00ff'\n")).error().message())
                .isEqualTo("(unicode error) 'utf-8' codec can't decode byte 0xff in position 4: invalid start byte");
        assertThat(SourceDecoder.decode(latin1("x = '\u00e2\u0082'\n")).error().message())
                .isEqualTo("(unicode error) 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
    }

    @Test
    void acceptsIllFormedUtf8InCommentsAndLeavesBytesLiteralsToTheParser() {
        DecodedSource comment = SourceDecoder.decode(latin1("x = 1  # caf\u00e9\n"));
        assertThat(comment.ok()).isTrue();
        assertThat(new String(comment.text().bytes(), UTF_8)).isEqualTo("x = 1  # caf\ufffd\n");
        assertThat(SourceDecoder.decode(latin1("x = b'\u00ff'\n")).ok()).isTrue();
    }

    @Test
    void reportsANulByteFirst() {
        SourceText text = SourceDecoder.decode(utf8("x = 1\ny\u0000\n")).text();
        assertThat(SourceDecoder.decode(utf8("x = 1\ny\u0000\n")).error())
                .isEqualTo(new SyntaxError("source code string cannot contain null bytes", 7, 8, 2, 2));
        assertThat(text.bytes()).hasSize(9);
        assertThat(SourceDecoder.decode(latin1("# coding: klingon\n\u0000")).error().message())
                .isEqualTo("source code string cannot contain null bytes");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(UTF_8);
    }

    /** Each char of {@code s} as one byte. */
    private static byte[] latin1(String s) {
        return s.getBytes(ISO_8859_1);
    }
}
