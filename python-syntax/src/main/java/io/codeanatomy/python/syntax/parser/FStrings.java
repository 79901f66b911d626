package io.codeanatomy.python.syntax.parser;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.ast.FormattedValue;
import io.codeanatomy.python.syntax.ast.Interpolation;
import io.codeanatomy.python.syntax.ast.JoinedStr;
import io.codeanatomy.python.syntax.ast.TemplateStr;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of a run of string tokens with f-strings (or t-strings) among them, found as CPython
 * 3.11's Parser/string_parser.c finds them (FstringParser_ConcatFstring, fstring_find_literal,
 * fstring_find_expr): literal text is decoded piecewise and joined until a replacement field
 * needs a node of its own; the expression of a field is cut out of the token's text by a scan that
 * tracks brackets and quotes, then parsed as {@code (expression)}.
 *
 * <p>CPython 3.11's position quirks, reproduced here: every Constant and FormattedValue of the
 * run spans the whole run (first token to last); a format spec's JoinedStr, and the Constant
 * that ends it, span only the token the spec is in; a Constant before a nested field of a spec
 * spans the run again, and takes its kind 'u' from the run's first token while the ending one
 * takes it from the spec's token. The expression of a field keeps its true position, except where
 * {@link FStringsEmbedded} says otherwise.
 *
 * <p>For 3.12 and later targets (PEP 701) the scan also accepts what the new tokenizer allows in a
 * field: backslashes, comments, and nested strings that reuse the enclosing quote
 * ({@link FStringsNested}). Values follow the 3.11 rules, which 3.12's new parser kept; positions
 * keep the 3.11 rules too (3.12 would give each part its own span). A t-string (3.14) is scanned
 * like an f-string and yields a TemplateStr of Constants and Interpolations, whose {@code str} is
 * the field's expression text as written, without the trailing blanks and '=' (CPython's
 * _strip_interpolation_expr); its format spec stays a JoinedStr. These 3.12+ behaviours follow
 * CPython's sources, as no 3.12+ interpreter was at hand to compare with.
 */
final class FStrings {
    /** CPython's MAXLEVEL: brackets open at once in one replacement field. */
    private static final int MAX_BRACKETS = 200;

    private final ParserContext ctx;
    private final Tokens tokens;
    private final byte[] source;
    private final int first;
    private final int last;
    private final boolean pep701;
    private final Joiner top = new Joiner();
    private final FStringsEmbedded expressions;
    /** The scan position in the source (CPython's {@code *str}). */
    private int pos;
    /** The open brackets of the expression being scanned; scans never nest. */
    private byte[] brackets;

    FStrings(ParserContext ctx, int first, int last) {
        this.ctx = ctx;
        this.tokens = ctx.tokens();
        this.source = ctx.source().bytes();
        this.first = first;
        this.last = last;
        this.pep701 = ctx.version().atLeast(PythonVersion.PY312);
        this.expressions = new FStringsEmbedded(ctx);
    }

    /** Adds the value of a plain string literal. */
    void appendLiteral(Object value) {
        top.append(value);
    }

    /** Adds the literal parts and fields of an f-string or t-string token. */
    void appendInterpolated(StringLiteralsPart part) {
        top.interpolated = true;
        pos = part.bodyStart();
        concat(top, part.token(), part.bodyEnd(), part.raw(), 0, part.template());
    }

    /** The node of the whole run: a Constant if no token was interpolated. */
    expr finish(boolean template) {
        if (!top.interpolated) {
            return StringLiterals.span(top.text == null ? "" : top.text.value(), kindOf(first), tokens, first, last);
        }
        List<expr> values = top.finish(first, last);
        if (template) {
            return new TemplateStr(values, tokens.line(first), tokens.col(first), tokens.endLine(last),
                    tokens.endCol(last), tokens.start(first), tokens.end(last));
        }
        return joinedStr(values, first, last);
    }

    /** CPython's FstringParser_ConcatFstring over {@code [pos, end)} of token {@code t}. */
    private void concat(Joiner joiner, int t, int end, boolean raw, int level, boolean template) {
        while (true) {
            int literalStart = pos;
            int literalEnd = scanLiteral(end, raw, level);
            boolean doubledBrace = pos != literalEnd;
            if (literalStart != literalEnd) {
                joiner.append(Escapes.decodeString(source, literalStart, literalEnd, raw));
            }
            if (doubledBrace) {
                continue;
            }
            if (pos >= end || source[pos] == '}') {
                break;
            }
            field(joiner, t, end, raw, level, template);
        }
        if (level == 0 && pos < end - 1) {
            throw new StringLiteralsException("f-string: unexpected end of string");
        }
        if (level != 0 && (pos >= end || source[pos] != '}')) {
            throw new StringLiteralsException("f-string: expecting '}'");
        }
    }

    /**
     * CPython's fstring_find_literal: scans literal text up to a field's '{', a spec's closing '}'
     * or the end. Returns where the literal text ends; {@link #pos} is then past a doubled brace
     * (whose first brace ends the text) or at the stop.
     */
    private int scanLiteral(int end, boolean raw, int level) {
        int s = pos;
        while (s < end) {
            int ch = source[s++];
            if (!raw && ch == '\\' && s < end) {
                ch = source[s++];
                if (ch == 'N') {
                    // A \N{NAME} escape: its braces are not a field.
                    if (s < end && source[s++] == '{') {
                        while (s < end && source[s++] != '}') {
                            // skip the name
                        }
                        continue;
                    }
                    break;
                }
            }
            if (ch == '{' || ch == '}') {
                if (level == 0) {
                    if (s < end && source[s] == ch) {
                        pos = s + 1;
                        return s;
                    }
                    if (ch == '}') {
                        pos = s - 1;
                        throw new StringLiteralsException("f-string: single '}' is not allowed");
                    }
                }
                s--;
                break;
            }
        }
        pos = s;
        return s;
    }

    /** CPython's fstring_find_expr: one replacement field starting at the '{' at {@link #pos}. */
    private void field(Joiner joiner, int t, int end, boolean raw, int level, boolean template) {
        if (level >= 2) {
            throw new StringLiteralsException("f-string: expressions nested too deeply");
        }
        pos++;
        int exprStart = pos;
        scanExpression(end);
        int exprEnd = pos;
        if (pos >= end) {
            throw expectingBrace();
        }
        expr value = compile(exprStart, exprEnd, t);
        String debugText = null;
        if (source[pos] == '=') {
            pos++;
            while (pos < end && isSpace(source[pos])) {
                pos++;
            }
            debugText = text(exprStart, pos);
        }
        int textEnd = pos;
        int conversion = -1;
        if (pos < end && source[pos] == '!') {
            pos++;
            if (pos >= end) {
                throw expectingBrace();
            }
            conversion = source[pos] & 0xFF;
            pos++;
            if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                throw new StringLiteralsException("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        if (pos >= end) {
            throw expectingBrace();
        }
        expr formatSpec = null;
        if (source[pos] == ':') {
            pos++;
            if (pos >= end) {
                throw expectingBrace();
            }
            Joiner spec = new Joiner();
            spec.interpolated = true;
            concat(spec, t, end, raw, level + 1, false);
            formatSpec = joinedStr(spec.finish(t, t), t, t);
        }
        if (pos >= end || source[pos] != '}') {
            throw expectingBrace();
        }
        pos++;
        if (debugText != null && formatSpec == null && conversion == -1) {
            conversion = 'r';
        }
        if (debugText != null) {
            joiner.append(debugText);
        }
        joiner.flush(first, last);
        if (template) {
            joiner.values.add(new Interpolation(value, expressionText(exprStart, textEnd), conversion, formatSpec,
                    tokens.line(first), tokens.col(first), tokens.endLine(last), tokens.endCol(last),
                    tokens.start(first), tokens.end(last)));
        } else {
            joiner.values.add(new FormattedValue(value, conversion, formatSpec, tokens.line(first), tokens.col(first),
                    tokens.endLine(last), tokens.endCol(last), tokens.start(first), tokens.end(last)));
        }
    }

    /**
     * Moves {@link #pos} from the start of a field's expression to the '!', ':', '=' or '}' that
     * ends it (or to {@code end}), checking brackets and quotes as CPython 3.11 does.
     */
    private void scanExpression(int end) {
        byte quote = 0;
        boolean triple = false;
        if (brackets == null) {
            brackets = new byte[MAX_BRACKETS];
        }
        int depth = 0;
        for (; pos < end; pos++) {
            byte ch = source[pos];
            if (ch == '\\' && !pep701) {
                throw new StringLiteralsException("f-string expression part cannot include a backslash");
            }
            if (quote != 0) {
                if (ch == quote) {
                    if (!triple) {
                        quote = 0;
                    } else if (pos + 2 < end && source[pos + 1] == ch && source[pos + 2] == ch) {
                        pos += 2;
                        quote = 0;
                    }
                }
            } else if (ch == '\'' || ch == '"') {
                if (pep701) {
                    pos = FStringsNested.skipString(source, pos, end) - 1;
                } else {
                    triple = pos + 2 < end && source[pos + 1] == ch && source[pos + 2] == ch;
                    pos += triple ? 2 : 0;
                    quote = ch;
                }
            } else if (ch == '[' || ch == '{' || ch == '(') {
                if (depth >= MAX_BRACKETS) {
                    throw new StringLiteralsException("f-string: too many nested parenthesis");
                }
                brackets[depth++] = ch;
            } else if (ch == '#') {
                if (!pep701) {
                    throw new StringLiteralsException("f-string expression part cannot include '#'");
                }
                pos = FStringsNested.endOfComment(source, pos, end) - 1;
            } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
                if (pos + 1 < end) {
                    byte next = source[pos + 1];
                    if (next == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
                        pos++;
                        continue;
                    }
                    if (ch == '>' || ch == '<') {
                        continue;
                    }
                }
                return;
            } else if (ch == ']' || ch == '}' || ch == ')') {
                if (depth == 0) {
                    throw new StringLiteralsException("f-string: unmatched '" + (char) ch + "'");
                }
                byte opening = brackets[--depth];
                if (!(opening == '(' && ch == ')' || opening == '[' && ch == ']' || opening == '{' && ch == '}')) {
                    throw new StringLiteralsException("f-string: closing parenthesis '" + (char) ch
                            + "' does not match opening parenthesis '" + (char) opening + "'");
                }
            }
        }
        if (quote != 0) {
            throw new StringLiteralsException("f-string: unterminated string");
        }
        if (depth != 0) {
            throw new StringLiteralsException("f-string: unmatched '" + (char) brackets[depth - 1] + "'");
        }
    }

    /** CPython's fstring_compile_expr: a blank expression is an error, anything else is parsed. */
    private expr compile(int exprStart, int exprEnd, int t) {
        int s = exprStart;
        while (s < exprEnd && (source[s] == ' ' || source[s] == '\t' || source[s] == '\n' || source[s] == '\r'
                || source[s] == '\f')) {
            s++;
        }
        if (s == exprEnd) {
            throw new StringLiteralsException("f-string: empty expression not allowed");
        }
        return expressions.parse(t, exprStart, exprEnd);
    }

    private static StringLiteralsException expectingBrace() {
        return new StringLiteralsException("f-string: expecting '}'");
    }

    /** Python's {@code Py_ISSPACE}. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B;
    }

    private String text(int from, int to) {
        return Escapes.translateNewlines(new String(source, from, to - from, UTF_8));
    }

    /** A t-string field's expression as written, without the trailing blanks and '=' of a debug field. */
    private String expressionText(int from, int to) {
        int end = to;
        while (end > from && (isSpace(source[end - 1]) || source[end - 1] == '=')) {
            end--;
        }
        return text(from, end);
    }

    private String kindOf(int token) {
        return source[tokens.start(token)] == 'u' ? "u" : null;
    }

    private JoinedStr joinedStr(List<expr> values, int from, int to) {
        return new JoinedStr(values, tokens.line(from), tokens.col(from), tokens.endLine(to), tokens.endCol(to),
                tokens.start(from), tokens.end(to));
    }

    /** CPython's FstringParser: literal text not yet made a node, and the values so far. */
    private final class Joiner {
        private StrValue text;
        private final List<expr> values = new ArrayList<>();
        /** Some part was an f-string (CPython's fmode): the result is a JoinedStr. */
        private boolean interpolated;

        /** Appends a decoded literal: a String or a CodePointString. */
        void append(Object literal) {
            if (literal instanceof String s && s.isEmpty()) {
                return;
            }
            if (text == null) {
                text = new StrValue(16);
            }
            text.append(literal);
        }

        /** Makes the pending text a Constant spanning {@code [from, to]}, with the kind of {@code from}. */
        void flush(int from, int to) {
            if (text != null) {
                values.add(StringLiterals.span(text.value(), kindOf(from), tokens, from, to));
                text = null;
            }
        }

        List<expr> finish(int from, int to) {
            flush(from, to);
            return List.copyOf(values);
        }
    }
}
