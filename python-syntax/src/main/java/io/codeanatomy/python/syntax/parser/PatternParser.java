package io.codeanatomy.python.syntax.parser;

import static io.codeanatomy.python.syntax.lexer.TokenKind.AS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COLON;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COMMA;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESTAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.EQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.FALSE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LBRACE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LPAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LSQB;
import static io.codeanatomy.python.syntax.lexer.TokenKind.MINUS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NAME;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NONE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NUMBER;
import static io.codeanatomy.python.syntax.lexer.TokenKind.PLUS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RBRACE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RPAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RSQB;
import static io.codeanatomy.python.syntax.lexer.TokenKind.STAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.STRING;
import static io.codeanatomy.python.syntax.lexer.TokenKind.TRUE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.VBAR;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.Attribute;
import io.codeanatomy.python.syntax.ast.BinOp;
import io.codeanatomy.python.syntax.ast.Complex;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.MatchAs;
import io.codeanatomy.python.syntax.ast.MatchClass;
import io.codeanatomy.python.syntax.ast.MatchMapping;
import io.codeanatomy.python.syntax.ast.MatchOr;
import io.codeanatomy.python.syntax.ast.MatchSequence;
import io.codeanatomy.python.syntax.ast.MatchSingleton;
import io.codeanatomy.python.syntax.ast.MatchStar;
import io.codeanatomy.python.syntax.ast.MatchValue;
import io.codeanatomy.python.syntax.ast.Name;
import io.codeanatomy.python.syntax.ast.Singleton;
import io.codeanatomy.python.syntax.ast.UnaryOp;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.expr_context;
import io.codeanatomy.python.syntax.ast.operator;
import io.codeanatomy.python.syntax.ast.pattern;
import io.codeanatomy.python.syntax.ast.unaryop;
import io.codeanatomy.python.syntax.lexer.TokenKind;
import io.codeanatomy.python.syntax.lexer.Tokens;
import java.util.List;

/** The pattern rules of CPython's grammar, for the cases of a {@code match} statement. */
abstract class PatternParser extends ExpressionParser {

    PatternParser(SourceText source, Tokens tokens, PythonVersion version, List<SyntaxError> errors, int depth,
            FileScope file) {
        super(source, tokens, version, errors, depth, file);
    }

    private static boolean startsPattern(TokenKind k) {
        return k == NAME || k == NUMBER || k == STRING || k == MINUS || k == LPAR || k == LSQB || k == LBRACE
                || k == STAR || k == NONE || k == TRUE || k == FALSE;
    }

    /** {@code patterns: open_sequence_pattern | pattern}. */
    final pattern patterns() {
        int s = pos;
        pattern first = maybeStarPattern();
        if (kinds[pos] != COMMA) {
            if (first instanceof MatchStar) {
                throw invalidSyntax();
            }
            return first;
        }
        int m = mark();
        push(first);
        while (kinds[pos] == COMMA) {
            pos++;
            if (!startsPattern(kinds[pos])) {
                break;
            }
            push(maybeStarPattern());
        }
        int e = last();
        return new MatchSequence(popList(m), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private pattern maybeStarPattern() {
        if (kinds[pos] == STAR) {
            int s = pos++;
            if (kinds[pos] != NAME) {
                throw invalidSyntax();
            }
            String name = isName(pos, "_") ? null : nameText(pos);
            int e = pos++;
            return new MatchStar(name, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        return pattern();
    }

    /** {@code pattern: as_pattern | or_pattern}. */
    private pattern pattern() {
        int s = pos;
        enter(1);
        pattern p = orPattern();
        if (kinds[pos] == AS) {
            pos++;
            if (kinds[pos] != NAME) {
                throw invalidPatternTarget();
            }
            if (isName(pos, "_")) {
                throw failAtToken("cannot use '_' as a target", pos);
            }
            TokenKind next = kinds[pos + 1];
            if (next == DOT || next == LPAR || next == EQUAL) {
                throw invalidSyntaxAt(pos + 1);
            }
            String name = nameText(pos++);
            int e = last();
            p = new MatchAs(p, name, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        leave(1);
        return p;
    }

    private ParseFailure invalidPatternTarget() {
        int at = pos;
        if (startsExpression(kinds[pos])) {
            ParseFailure target = probe(() -> failAtNode("invalid pattern target", expression()));
            if (target != null) {
                return target;
            }
        }
        return invalidSyntaxAt(at);
    }

    private pattern orPattern() {
        int s = pos;
        pattern p = closedPattern();
        if (kinds[pos] != VBAR) {
            return p;
        }
        int m = mark();
        push(p);
        while (kinds[pos] == VBAR) {
            pos++;
            push(closedPattern());
        }
        int e = last();
        return new MatchOr(popList(m), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private pattern closedPattern() {
        int s = pos;
        switch (kinds[pos]) {
            case NUMBER:
            case MINUS: {
                expr v = numberLiteral();
                int e = last();
                return new MatchValue(v, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            }
            case STRING: {
                expr v = strings();
                int e = last();
                return new MatchValue(v, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            }
            case NONE:
                pos++;
                return new MatchSingleton(Singleton.NONE, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
            case TRUE:
                pos++;
                return new MatchSingleton(Boolean.TRUE, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
            case FALSE:
                pos++;
                return new MatchSingleton(Boolean.FALSE, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
            case NAME:
                return namePattern();
            case LPAR:
                return groupOrSequencePattern();
            case LSQB:
                return listPattern();
            case LBRACE:
                return mappingPattern();
            default:
                throw invalidSyntax();
        }
    }

    /** {@code signed_number !('+' | '-') | complex_number}. */
    private expr numberLiteral() {
        int s = pos;
        expr v;
        if (kinds[pos] == MINUS) {
            pos++;
            if (kinds[pos] != NUMBER) {
                throw invalidSyntax();
            }
            Constant n = number();
            int e = last();
            v = new UnaryOp(unaryop.USub, n, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        } else {
            v = number();
        }
        TokenKind k = kinds[pos];
        if (k == PLUS || k == MINUS) {
            Constant real = v instanceof UnaryOp u ? (Constant) u.operand() : (Constant) v;
            if (real.value() instanceof Complex) {
                throw failAtNode("real number required in complex literal", real);
            }
            pos++;
            if (kinds[pos] != NUMBER) {
                throw invalidSyntax();
            }
            Constant imag = number();
            if (!(imag.value() instanceof Complex)) {
                throw failAtNode("imaginary number required in complex literal", imag);
            }
            int e = last();
            v = new BinOp(v, k == PLUS ? operator.Add : operator.Sub, imag, sl(s), sc(s), el(e), ec(e), sb(s),
                    eb(e));
        }
        return v;
    }

    private Constant number() {
        return (Constant) atom();
    }

    private pattern namePattern() {
        int s = pos;
        if (isName(pos, "_")) {
            pos++;
            return new MatchAs(null, null, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
        }
        TokenKind next = kinds[pos + 1];
        if (next == DOT || next == LPAR) {
            expr value = nameOrAttribute();
            if (kinds[pos] == LPAR) {
                return classPattern(value, s);
            }
            int e = last();
            return new MatchValue(value, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        if (next == EQUAL) {
            throw invalidSyntaxAt(pos + 1);
        }
        String name = nameText(pos);
        pos++;
        return new MatchAs(null, name, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
    }

    /** {@code name_or_attr}: a Name or a chain of Attributes, all Load. */
    private expr nameOrAttribute() {
        int s = pos;
        expr v = new Name(nameText(pos), expr_context.Load, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
        pos++;
        while (kinds[pos] == DOT) {
            pos++;
            if (kinds[pos] != NAME) {
                throw invalidSyntax();
            }
            int e = pos;
            v = new Attribute(v, nameText(pos), expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            pos++;
        }
        return v;
    }

    private pattern groupOrSequencePattern() {
        int s = pos++;
        openBracket();
        if (kinds[pos] == RPAR) {
            int e = pos;
            closeBracket(RPAR);
            return new MatchSequence(List.of(), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        pattern first = maybeStarPattern();
        if (kinds[pos] == RPAR) {
            if (first instanceof MatchStar) {
                throw invalidSyntax();
            }
            closeBracket(RPAR);
            return first;
        }
        if (kinds[pos] != COMMA) {
            throw invalidSyntax();
        }
        int m = mark();
        push(first);
        while (kinds[pos] == COMMA) {
            pos++;
            if (kinds[pos] == RPAR) {
                break;
            }
            push(maybeStarPattern());
        }
        int e = pos;
        closeBracket(RPAR);
        return new MatchSequence(popList(m), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private pattern listPattern() {
        int s = pos++;
        openBracket();
        int m = mark();
        while (kinds[pos] != RSQB) {
            push(maybeStarPattern());
            if (kinds[pos] != COMMA) {
                break;
            }
            pos++;
        }
        int e = pos;
        closeBracket(RSQB);
        return new MatchSequence(popList(m), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private pattern mappingPattern() {
        int s = pos++;
        openBracket();
        int m = mark();
        String rest = null;
        while (kinds[pos] != RBRACE) {
            if (kinds[pos] == DOUBLESTAR) {
                pos++;
                if (kinds[pos] != NAME || isName(pos, "_")) {
                    throw invalidSyntax();
                }
                rest = nameText(pos++);
                if (kinds[pos] == COMMA) {
                    pos++;
                }
                if (kinds[pos] != RBRACE) {
                    throw invalidSyntax();
                }
                break;
            }
            push(mappingKey());
            if (kinds[pos] != COLON) {
                throw invalidSyntax();
            }
            pos++;
            push(pattern());
            if (kinds[pos] != COMMA) {
                break;
            }
            pos++;
        }
        int e = pos;
        closeBracket(RBRACE);
        Pairs items = popPairs(m);
        return new MatchMapping(items.firsts(), items.seconds(), rest, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** {@code literal_expr | attr}. */
    private expr mappingKey() {
        int s = pos;
        switch (kinds[pos]) {
            case NUMBER:
            case MINUS:
                return numberLiteral();
            case STRING:
                return strings();
            case NONE:
                return keywordConstant(Singleton.NONE);
            case TRUE:
                return keywordConstant(Boolean.TRUE);
            case FALSE:
                return keywordConstant(Boolean.FALSE);
            case NAME:
                if (kinds[pos + 1] == DOT) {
                    return nameOrAttribute();
                }
                throw invalidSyntaxAt(pos + 1);
            default:
                throw invalidSyntax();
        }
    }

    /** {@code class_pattern}; the class reference has been parsed and '(' is current. */
    private pattern classPattern(expr cls, int s) {
        pos++;
        openBracket();
        int m = mark();
        int km = -1;
        while (kinds[pos] != RPAR) {
            if (kinds[pos] == NAME && kinds[pos + 1] == EQUAL) {
                if (km < 0) {
                    km = mark();
                }
                push(nameText(pos));
                pos += 2;
                push(pattern());
            } else {
                int ps = pos;
                pattern p = pattern();
                if (km >= 0) {
                    int pe = last();
                    int end = pe;
                    while (kinds[pos] == COMMA && kinds[pos + 1] != RPAR && !(kinds[pos + 1] == NAME
                            && kinds[pos + 2] == EQUAL)) {
                        pos++;
                        pattern();
                        end = last();
                    }
                    throw fail("positional patterns follow keyword patterns", sb(ps), eb(end));
                }
                push(p);
            }
            if (kinds[pos] != COMMA) {
                break;
            }
            pos++;
        }
        int e = pos;
        closeBracket(RPAR);
        List<pattern> positional;
        List<String> kwdAttrs = List.of();
        List<pattern> kwdPatterns = List.of();
        if (km >= 0) {
            Pairs keywords = popPairs(km);
            kwdAttrs = keywords.firsts();
            kwdPatterns = keywords.seconds();
        }
        positional = popList(m);
        return new MatchClass(cls, positional, kwdAttrs, kwdPatterns, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }
}
