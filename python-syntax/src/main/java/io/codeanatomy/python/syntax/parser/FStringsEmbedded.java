package io.codeanatomy.python.syntax.parser;

import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.lexer.Lexer;
import io.codeanatomy.python.syntax.lexer.TokenKind;
import io.codeanatomy.python.syntax.lexer.Tokens;

/**
 * Parses the expression of one replacement field with the positions CPython 3.11 gives it.
 *
 * <p>CPython 3.11 copies the expression into {@code "(" + text + ")"}, where the '(' stands in for
 * the field's '{', and parses that with a tokenizer whose first line is shifted to where it
 * computes the '{' to be (fstring_find_expr_location, fstring_compile_expr, _PyPegen_fill_token).
 * The expression is lexed here in place ({@code Lexer.lexEmbedded}, true byte offsets and
 * positions); its tokens are then given the positions CPython's shifted tokenizer would report,
 * between a '(' token on the '{' and a ')' token on the character that ends the expression. Those
 * two make the grammar see what CPython sees, so {@code f"{x, y}"} is a Tuple that starts at the
 * '{' and {@code f"{*x}"} is an error.
 *
 * <p>The positions CPython reports, by the line of the token's end relative to the '{':
 * <ul>
 *   <li>on the line of the '{': the true column, except when only blanks and a newline follow the
 *       '{': then the '(' is at the column of the f-string token (or 0 if the '{' is on a later
 *       line of that token);</li>
 *   <li>a token that starts on the line of the '{' and ends on a later one (a triple-quoted
 *       string): the column counts from the '{', not from the start of the line;</li>
 *   <li>tokens on later lines: the true columns.</li>
 * </ul>
 * The '{' column is derived from the line and column of the f-string token as reported (not from
 * its true position), so a nested f-string inherits its enclosing field's shift.
 */
final class FStringsEmbedded {
    private final ParserContext ctx;
    private final SourceText source;
    private final byte[] bytes;
    private final Tokens tokens;
    /** The token whose text {@link #scanned} counts in; fields come in source order. */
    private int token = -1;
    private int scanned;
    private int newlines;
    /** The offset after the last line end before {@link #scanned}, if {@link #newlines} > 0. */
    private int lineStart;

    FStringsEmbedded(ParserContext ctx) {
        this.ctx = ctx;
        this.source = ctx.source();
        this.bytes = source.bytes();
        this.tokens = ctx.tokens();
    }

    /**
     * The expression {@code [exprStart, exprEnd)} of a field of token {@code t}, whose '{' is at
     * {@code exprStart - 1}; throws once the error is recorded.
     */
    expr parse(int t, int exprStart, int exprEnd) {
        var lexed = Lexer.lexEmbedded(source, exprStart, exprEnd, ctx.version());
        if (!lexed.errors().isEmpty()) {
            ctx.error(lexed.errors().get(0));
            throw StringLiteralsException.reported();
        }
        int brace = exprStart - 1;
        Shift shift = shift(t, brace, exprStart);
        int braceLine = source.lineOf(brace);
        int braceCol = brace - source.lineStarts()[braceLine - 1];
        int lineDelta = shift.line - braceLine;

        Tokens in = lexed.tokens();
        Tokens out = new Tokens(in.size() + 2);
        out.add(TokenKind.LPAR, brace, exprStart, shift.line, shift.col, shift.line, shift.col + 1);
        for (int k = 0; k < in.size() && in.kind(k) != TokenKind.ENDMARKER; k++) {
            int col = in.col(k);
            int endCol = in.endCol(k);
            if (in.endLine(k) == braceLine) {
                col = shift.col + col - braceCol;
                endCol = shift.col + endCol - braceCol;
            } else if (in.line(k) == braceLine) {
                col -= braceCol;
            }
            out.add(in.kind(k), in.start(k), in.end(k), in.line(k) + lineDelta, col, in.endLine(k) + lineDelta,
                    endCol);
        }
        int closeLine = source.lineOf(exprEnd);
        int closeCol = exprEnd - source.lineStarts()[closeLine - 1];
        if (closeLine == braceLine) {
            closeCol = shift.col + closeCol - braceCol;
        }
        out.add(TokenKind.RPAR, exprEnd, exprEnd + 1, closeLine + lineDelta, closeCol, closeLine + lineDelta,
                closeCol + 1);
        out.add(TokenKind.ENDMARKER, exprEnd + 1, exprEnd + 1, closeLine + lineDelta, closeCol + 1,
                closeLine + lineDelta, closeCol + 1);
        expr value = ctx.parseEmbeddedExpression(out);
        if (value == null) {
            throw StringLiteralsException.reported();
        }
        return value;
    }

    /**
     * Where CPython 3.11 reports the '(' that replaces the '{' at {@code brace} of token {@code t}.
     * The line ends of the token's text are counted once, however many fields it has.
     */
    private Shift shift(int t, int brace, int exprStart) {
        if (t != token) {
            token = t;
            scanned = tokens.start(t);
            newlines = 0;
        }
        for (; scanned < brace; scanned++) {
            if (bytes[scanned] == '\n' || (bytes[scanned] == '\r' && bytes[scanned + 1] != '\n')) {
                newlines++;
                lineStart = scanned + 1;
            }
        }
        int line = tokens.line(t) + newlines;
        if (onlyBlanksToNewline(bytes, exprStart)) {
            return new Shift(line, newlines == 0 ? tokens.col(t) : 0);
        }
        return new Shift(line, newlines == 0 ? tokens.col(t) + brace - tokens.start(t) : brace - lineStart);
    }

    /** Only spaces, tabs and form feeds between the '{' and the next newline (or '}'). */
    private static boolean onlyBlanksToNewline(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '}' || b == '\n' || b == '\r') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    /** The reported line and column of the '('. */
    private record Shift(int line, int col) {
    }
}
