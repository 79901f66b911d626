package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import java.util.ArrayList;
import java.util.List;

/** Renders tokens as short strings for assertions: {@code KIND line:col-endLine:endCol text}. */
final class TokenDump {
    private TokenDump() {
    }

    static SourceText source(String text) {
        return SourceDecoder.decode(text.getBytes(UTF_8)).text();
    }

    static LexResult lex(String text) {
        return Lexer.lex(source(text), PythonVersion.PY311);
    }

    static LexResult lex(String text, PythonVersion version) {
        return Lexer.lex(source(text), version);
    }

    /** Every token, with its text when it has any. */
    static List<String> tokens(LexResult result, SourceText src) {
        Tokens t = result.tokens();
        List<String> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            out.add(describe(t, i, src.bytes()));
        }
        return out;
    }

    static List<String> tokens(String text) {
        SourceText src = source(text);
        return tokens(Lexer.lex(src, PythonVersion.PY311), src);
    }

    static List<String> tokens(String text, PythonVersion version) {
        SourceText src = source(text);
        return tokens(Lexer.lex(src, version), src);
    }

    /** The kinds only. */
    static List<TokenKind> kinds(String text) {
        return kinds(lex(text));
    }

    static List<TokenKind> kinds(LexResult result) {
        Tokens t = result.tokens();
        List<TokenKind> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            out.add(t.kind(i));
        }
        return out;
    }

    static String describe(Tokens t, int i, byte[] src) {
        String text = new String(src, t.start(i), t.end(i) - t.start(i), UTF_8)
                .replace("\r", "\\r").replace("\n", "\\n");
        String pos = t.line(i) + ":" + t.col(i) + "-" + t.endLine(i) + ":" + t.endCol(i);
        return text.isEmpty() ? t.kind(i) + " " + pos : t.kind(i) + " " + pos + " " + text;
    }
}
