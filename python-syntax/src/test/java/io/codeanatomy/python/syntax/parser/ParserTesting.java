package io.codeanatomy.python.syntax.parser;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.PythonParser;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.AstDump;

/** Shorthands for the parser's tests. */
final class ParserTesting {
    private ParserTesting() {
    }

    static ParseResult parse(String source) {
        return parse(source, PythonVersion.PY311);
    }

    static ParseResult parse(String source, PythonVersion version) {
        return PythonParser.parse(source.getBytes(UTF_8), version);
    }

    /** The dump without positions, or the first error as "message @line:column". */
    static String outcome(String source, PythonVersion version) {
        ParseResult result = parse(source, version);
        if (!result.ok()) {
            return describe(result.errors().get(0));
        }
        return AstDump.dump(result.module(), false);
    }

    static String describe(SyntaxError error) {
        return error.message() + " @" + error.line() + ":" + error.column();
    }
}
