package io.codeanatomy.python.syntax.parser;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.lexer.Tokens;
import java.util.List;

/**
 * What the string-literal builder needs from the parser while it turns a run of STRING tokens into
 * a Constant, JoinedStr or TemplateStr: the source, the tokens, the target version, a place to
 * report errors, and a way to parse the expression of an f-string replacement field.
 *
 * <p>One context belongs to one parse of one file and is used by one thread.
 */
public final class ParserContext {
    /** What an embedded parse adds to the nesting depth: it costs about ten levels of Java stack. */
    private static final int EMBEDDING_DEPTH = 10;

    private final SourceText source;
    private final Tokens tokens;
    private final PythonVersion version;
    private final List<SyntaxError> errors;
    private final int depth;
    private final FileScope file;

    ParserContext(SourceText source, Tokens tokens, PythonVersion version, List<SyntaxError> errors, int depth,
            FileScope file) {
        this.source = requireNonNull(source, "source is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.version = requireNonNull(version, "version is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.depth = depth;
        this.file = file;
    }

    public SourceText source() {
        return source;
    }

    public Tokens tokens() {
        return tokens;
    }

    public PythonVersion version() {
        return version;
    }

    /** Nesting depth of the parser that owns this context (grows with each nested f-string). */
    int depth() {
        return depth;
    }

    /** Records an error; parsing goes on. */
    public void error(SyntaxError e) {
        errors.add(requireNonNull(e, "e is null"));
    }

    /** Records an error with CPython's message over the source bytes {@code [bstart, bend)}. */
    public void error(String message, int bstart, int bend) {
        error(syntaxError(message, bstart, bend));
    }

    /**
     * A SyntaxError over {@code [bstart, bend)} with CPython's 1-based line and column, counted as
     * CPython's parser counts it for this file (characters, or UTF-8 bytes for a file without BOM or
     * coding declaration).
     */
    public SyntaxError syntaxError(String message, int bstart, int bend) {
        return Positions.syntaxError(source, file.charColumns(), message, bstart, bend);
    }

    /**
     * Parses the expression of an f-string replacement field, as CPython's {@code fstring} start
     * rule does ({@code star_expressions} followed by the end of the buffer). The tokens must refer
     * to this context's source; their positions become the positions of the nodes. The buffer
     * must end with ENDMARKER.
     *
     * <p>CPython 3.11 parses {@code "(" + expression + ")"}: to get its trees (a bare tuple or
     * generator expression spanning the braces, {@code yield} allowed) put an LPAR token at the
     * '{' and an RPAR token at the '}' around the expression's tokens. Errors found here carry
     * CPython 3.11's {@code "f-string: "} prefix when the version is 3.11 or older.
     *
     * @return the expression, or null after an error was recorded
     */
    public expr parseEmbeddedExpression(Tokens embeddedTokens) {
        requireNonNull(embeddedTokens, "embeddedTokens is null");
        return new Parser(source, embeddedTokens, version, errors, depth + EMBEDDING_DEPTH, file).parseFString();
    }
}
