package io.codeanatomy.python.syntax.parser;

import static io.codeanatomy.python.syntax.lexer.TokenKind.ENDMARKER;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.Module;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.stmt;
import io.codeanatomy.python.syntax.lexer.Lexer;
import io.codeanatomy.python.syntax.lexer.Tokens;
import java.util.List;

/**
 * CPython's parser over one token buffer: {@link #parseModule()} is the {@code file} start rule,
 * {@link #parseFString()} the {@code fstring} start rule for replacement fields. A parser is used
 * once, by one thread.
 */
public final class Parser extends StatementParser {

    /**
     * @param errors where errors go, in the order found; the caller sorts them with the lexer's
     * @param depth  the nesting depth of the parse this one is embedded in (0 for a file)
     */
    public Parser(SourceText source, Tokens tokens, PythonVersion version, List<SyntaxError> errors, int depth) {
        this(source, tokens, version, errors, depth,
                new FileScope(new NameTable(tokens.size() / 8), Lexer.printsCharacterColumns(source)));
    }

    /** A parser that shares the file scope of the parse it is embedded in. */
    Parser(SourceText source, Tokens tokens, PythonVersion version, List<SyntaxError> errors, int depth,
            FileScope file) {
        super(source, tokens, version, errors, depth, file);
    }

    /** {@code file: [statements] ENDMARKER}. */
    public Module parseModule() {
        if (count == 0) {
            return new Module(List.of(), List.of());
        }
        List<stmt> body = statements(true);
        return new Module(body, List.of());
    }

    /** {@code fstring: star_expressions}, then the end of the buffer; null after an error. */
    expr parseFString() {
        fstring = true;
        if (count == 0) {
            return null;
        }
        try {
            if (depth > MAX_DEPTH) {
                throw fail(STACK_OVERFLOW, sb(0), eb(0));
            }
            expr e = starExpressions();
            if (kinds[pos] != ENDMARKER) {
                throw expectedCommaOrClose(0);
            }
            return e;
        } catch (ParseFailure failure) {
            commitFailure();
            return null;
        }
    }
}
