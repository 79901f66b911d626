package io.codeanatomy.python.syntax.parser;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.Bytes;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.lexer.Tokens;
import java.io.ByteArrayOutputStream;

/**
 * Turns a run of adjacent STRING tokens into the node CPython makes of it (its {@code strings}
 * rule): a Constant holding a str or bytes value, a JoinedStr when one of the tokens is an
 * f-string, or a TemplateStr for t-strings (3.14).
 *
 * <p>Values are decoded as CPython 3.11 decodes them ({@link Escapes}); adjacent literal parts are
 * joined, empty ones dropped; a lower-case {@code u} prefix on the first token makes the kind 'u'.
 * Mixing bytes with str, or (3.14) t-strings with anything else, is an error.
 *
 * <p>Positions follow CPython 3.11 for every target version, quirks included (see
 * {@link FStrings}): the Constant and FormattedValue parts of a JoinedStr span the whole run, a
 * format spec spans its own token. CPython 3.12 and later give these parts their own spans; we do
 * not, so for 3.12+ targets only the expressions inside replacement fields carry exact positions.
 *
 * <p>Errors are recorded in the context with CPython's message, at the token after the run (where
 * CPython 3.11 reports them) or at the offending token; the run then yields an empty Constant that
 * spans it, so that parsing can go on.
 */
public final class StringLiterals {
    private StringLiterals() {
    }

    /** The node for the adjacent STRING tokens {@code [firstToken, lastToken]} of {@code ctx.tokens()}. */
    public static expr concatenate(ParserContext ctx, int firstToken, int lastToken) {
        requireNonNull(ctx, "ctx is null");
        Tokens tokens = ctx.tokens();
        if (firstToken < 0 || lastToken < firstToken || lastToken >= tokens.size()) {
            throw new IllegalArgumentException("no token run [" + firstToken + ", " + lastToken + "] among "
                    + tokens.size() + " tokens");
        }
        try {
            return build(ctx, firstToken, lastToken);
        } catch (StringLiteralsException e) {
            if (!e.alreadyReported()) {
                int at = e.token() != StringLiteralsException.AFTER_STRINGS
                        ? e.token()
                        : Math.min(lastToken + 1, tokens.size() - 1);
                if (ctx.depth() == 0) {
                    ctx.error(e.getMessage(), tokens.start(at), tokens.end(at));
                } else {
                    ctx.error(inField(e.getMessage(), tokens, at));
                }
            }
            return span("", null, tokens, firstToken, lastToken);
        }
    }

    /**
     * An error inside a replacement field, as CPython 3.11's parser of the field's
     * {@code (expression)} copy reports it: with an "f-string: " prefix, and a column counted in
     * bytes from the '(' (the field's first token) to the token, one-based.
     */
    private static SyntaxError inField(String message, Tokens tokens, int at) {
        return new SyntaxError("f-string: " + message, tokens.start(at), tokens.end(at), tokens.line(at),
                tokens.col(at) + 1 - tokens.col(0));
    }

    private static expr build(ParserContext ctx, int firstToken, int lastToken) {
        Tokens tokens = ctx.tokens();
        byte[] source = ctx.source().bytes();
        StringLiteralsPart first = StringLiteralsPart.of(source, tokens, firstToken);
        if (firstToken == lastToken && !first.interpolated()) {
            return span(plainValue(source, first), kind(first), tokens, firstToken, lastToken);
        }
        FStrings joined = new FStrings(ctx, firstToken, lastToken);
        ByteArrayOutputStream bytesValue = null;
        for (int i = firstToken; i <= lastToken; i++) {
            StringLiteralsPart part = i == firstToken ? first : StringLiteralsPart.of(source, tokens, i);
            Object value = part.interpolated() ? null : plainValue(source, part);
            if (part.template() != first.template()) {
                throw new StringLiteralsException("cannot mix t-string literals with string or bytes literals");
            }
            if (part.bytes() != first.bytes()) {
                throw new StringLiteralsException("cannot mix bytes and nonbytes literals");
            }
            if (part.interpolated()) {
                joined.appendInterpolated(part);
            } else if (part.bytes()) {
                if (bytesValue == null) {
                    bytesValue = new ByteArrayOutputStream();
                }
                bytesValue.writeBytes(((Bytes) value).toArray());
            } else {
                joined.appendLiteral(value);
            }
        }
        if (bytesValue != null) {
            return span(new Bytes(bytesValue.toByteArray()), null, tokens, firstToken, lastToken);
        }
        return joined.finish(first.template());
    }

    /** The str or {@link Bytes} value of a literal without replacement fields. */
    private static Object plainValue(byte[] source, StringLiteralsPart part) {
        if (!part.bytes()) {
            return Escapes.decodeString(source, part.bodyStart(), part.bodyEnd(), part.raw());
        }
        for (int i = part.bodyStart(); i < part.bodyEnd(); i++) {
            if (source[i] < 0) {
                throw new StringLiteralsException("bytes can only contain ASCII literal characters", part.token());
            }
        }
        return new Bytes(Escapes.decodeBytes(source, part.bodyStart(), part.bodyEnd(), part.raw()));
    }

    private static String kind(StringLiteralsPart part) {
        return part.kindU() ? "u" : null;
    }

    /** A Constant spanning the tokens {@code [first, last]}. */
    static Constant span(Object value, String kind, Tokens tokens, int first, int last) {
        return new Constant(value, kind, tokens.line(first), tokens.col(first), tokens.endLine(last),
                tokens.endCol(last), tokens.start(first), tokens.end(last));
    }
}
