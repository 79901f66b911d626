package io.codeanatomy.python.syntax.parser;

import static io.codeanatomy.python.syntax.parser.Targets.DEL_TARGETS;
import static io.codeanatomy.python.syntax.parser.Targets.FOR_TARGETS;
import static io.codeanatomy.python.syntax.parser.Targets.exprName;
import static io.codeanatomy.python.syntax.parser.Targets.invalidTarget;
import static io.codeanatomy.python.syntax.parser.Targets.withContext;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AMPER;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AND;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ASYNC;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AWAIT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.CIRCUMFLEX;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COLON;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COLONEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COMMA;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESLASH;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESTAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ELLIPSIS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ELSE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.EQEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.EQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.FALSE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.FOR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.FROM;
import static io.codeanatomy.python.syntax.lexer.TokenKind.GREATER;
import static io.codeanatomy.python.syntax.lexer.TokenKind.GREATEREQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.IF;
import static io.codeanatomy.python.syntax.lexer.TokenKind.IN;
import static io.codeanatomy.python.syntax.lexer.TokenKind.IS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LAMBDA;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LBRACE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LEFTSHIFT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LESS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LESSEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LPAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LSQB;
import static io.codeanatomy.python.syntax.lexer.TokenKind.MINUS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NAME;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NONE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NOT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NOTEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NUMBER;
import static io.codeanatomy.python.syntax.lexer.TokenKind.OR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.PERCENT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.PLUS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RBRACE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RIGHTSHIFT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RPAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RSQB;
import static io.codeanatomy.python.syntax.lexer.TokenKind.SLASH;
import static io.codeanatomy.python.syntax.lexer.TokenKind.STAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.STRING;
import static io.codeanatomy.python.syntax.lexer.TokenKind.TILDE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.TRUE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.VBAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.YIELD;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.Attribute;
import io.codeanatomy.python.syntax.ast.Await;
import io.codeanatomy.python.syntax.ast.BinOp;
import io.codeanatomy.python.syntax.ast.BoolOp;
import io.codeanatomy.python.syntax.ast.Call;
import io.codeanatomy.python.syntax.ast.Compare;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.Dict;
import io.codeanatomy.python.syntax.ast.DictComp;
import io.codeanatomy.python.syntax.ast.GeneratorExp;
import io.codeanatomy.python.syntax.ast.IfExp;
import io.codeanatomy.python.syntax.ast.Lambda;
import io.codeanatomy.python.syntax.ast.ListComp;
import io.codeanatomy.python.syntax.ast.Name;
import io.codeanatomy.python.syntax.ast.NamedExpr;
import io.codeanatomy.python.syntax.ast.Set;
import io.codeanatomy.python.syntax.ast.SetComp;
import io.codeanatomy.python.syntax.ast.Singleton;
import io.codeanatomy.python.syntax.ast.Slice;
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.Subscript;
import io.codeanatomy.python.syntax.ast.Tuple;
import io.codeanatomy.python.syntax.ast.UnaryOp;
import io.codeanatomy.python.syntax.ast.Yield;
import io.codeanatomy.python.syntax.ast.YieldFrom;
import io.codeanatomy.python.syntax.ast.arg;
import io.codeanatomy.python.syntax.ast.arguments;
import io.codeanatomy.python.syntax.ast.boolop;
import io.codeanatomy.python.syntax.ast.cmpop;
import io.codeanatomy.python.syntax.ast.comprehension;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.expr_context;
import io.codeanatomy.python.syntax.ast.keyword;
import io.codeanatomy.python.syntax.ast.operator;
import io.codeanatomy.python.syntax.ast.unaryop;
import io.codeanatomy.python.syntax.lexer.NumberLiterals;
import io.codeanatomy.python.syntax.lexer.TokenKind;
import io.codeanatomy.python.syntax.lexer.Tokens;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The expression rules of CPython's grammar ({@code star_expressions} down to {@code atom}), call
 * arguments, parameters, comprehensions and assignment targets. Binary operators are parsed by
 * precedence climbing over one table; prefix operators, {@code **}, conditional expressions and
 * lambdas are parsed iteratively and folded, so long chains cost no Java stack.
 */
abstract class ExpressionParser extends ParserBase {
    static final arguments NO_ARGUMENTS =
            new arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());


    private static final boolean[] STARTS_EXPRESSION = new boolean[TokenKind.values().length];
    private static final int[] BINARY_PRECEDENCE = new int[TokenKind.values().length];
    private static final operator[] BINARY_OPERATOR = new operator[TokenKind.values().length];
    private static final int TERM = 6;
    /** CPython's default {@code sys.get_int_max_str_digits()}. */
    private static final int MAX_STR_DIGITS = 4300;

    static {
        for (TokenKind k : new TokenKind[] {NAME, NUMBER, STRING, LPAR, LSQB, LBRACE, MINUS, PLUS, TILDE, NOT,
                LAMBDA, AWAIT, TRUE, FALSE, NONE, ELLIPSIS}) {
            STARTS_EXPRESSION[k.ordinal()] = true;
        }
        binary(VBAR, 1, operator.BitOr);
        binary(CIRCUMFLEX, 2, operator.BitXor);
        binary(AMPER, 3, operator.BitAnd);
        binary(LEFTSHIFT, 4, operator.LShift);
        binary(RIGHTSHIFT, 4, operator.RShift);
        binary(PLUS, 5, operator.Add);
        binary(MINUS, 5, operator.Sub);
        binary(STAR, TERM, operator.Mult);
        binary(SLASH, TERM, operator.Div);
        binary(DOUBLESLASH, TERM, operator.FloorDiv);
        binary(PERCENT, TERM, operator.Mod);
        binary(AT, TERM, operator.MatMult);
    }

    private static void binary(TokenKind k, int precedence, operator op) {
        BINARY_PRECEDENCE[k.ordinal()] = precedence;
        BINARY_OPERATOR[k.ordinal()] = op;
    }

    ExpressionParser(SourceText source, Tokens tokens, PythonVersion version, List<SyntaxError> errors, int depth,
            FileScope file) {
        super(source, tokens, version, errors, depth, file);
    }

    static boolean startsExpression(TokenKind k) {
        return STARTS_EXPRESSION[k.ordinal()];
    }

    static boolean startsStarExpression(TokenKind k) {
        return k == STAR || STARTS_EXPRESSION[k.ordinal()];
    }

    // ---- star_expressions, star_expression, star_named_expression(s), named_expression

    /** {@code star_expressions}: a Tuple when there is a comma. */
    final expr starExpressions() {
        int s = pos;
        expr first = starExpression();
        return kinds[pos] == COMMA ? tupleAfter(s, first, STAR_EXPRESSION) : first;
    }

    static final int STAR_EXPRESSION = 0;
    static final int STAR_NAMED_EXPRESSION = 1;
    static final int STAR_TARGET = 2;

    /**
     * The Tuple without parentheses that starts with {@code first} (from token {@code s}) at a
     * comma: more elements of the given kind, separated by commas, with an optional trailing one.
     */
    final expr tupleAfter(int s, expr first, int elementKind) {
        int m = mark();
        push(first);
        while (kinds[pos] == COMMA) {
            pos++;
            if (!startsStarExpression(kinds[pos])) {
                break;
            }
            push(elementKind == STAR_EXPRESSION ? starExpression()
                    : elementKind == STAR_NAMED_EXPRESSION ? starNamedExpression() : starTargetExpression());
        }
        int e = last();
        return new Tuple(popList(m), expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    final expr starExpression() {
        if (kinds[pos] == STAR) {
            return starred();
        }
        return expression();
    }

    /** {@code '*' bitwise_or}. */
    final expr starred() {
        int s = pos++;
        expr v = bitwiseOr();
        int e = last();
        return new Starred(v, expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    final expr starNamedExpression() {
        if (kinds[pos] == STAR) {
            return starred();
        }
        return namedExpression();
    }

    /** {@code assignment_expression | expression !':='}. */
    final expr namedExpression() {
        return namedExpression(true);
    }

    /**
     * {@code assignment_expression | expression !':='}; with {@code hint}, an '=' after the
     * expression fails with CPython's {@code invalid_named_expression} messages.
     */
    final expr namedExpression(boolean hint) {
        if (kinds[pos] == NAME && kinds[pos + 1] == COLONEQUAL) {
            int s = pos;
            Name target = new Name(nameText(s), expr_context.Store, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
            pos += 2;
            expr value = expression();
            int e = last();
            return new NamedExpr(target, value, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        int s = pos;
        expr a = expression();
        if (kinds[pos] == COLONEQUAL) {
            throw failAtNode("cannot use assignment expressions with " + exprName(a), a);
        }
        if (hint && kinds[pos] == EQUAL) {
            ParseFailure failure = assignmentHint(s, pos);
            if (failure != null) {
                throw failure;
            }
        }
        return a;
    }

    /**
     * CPython's {@code invalid_named_expression} for an '=' where it expected an expression to
     * end: {@code NAME '=' bitwise_or !('='|':=')} and
     * {@code !(list|tuple|genexp|True|None|False) bitwise_or '=' bitwise_or !('='|':=')}.
     *
     * @param start the token where the expression before '=' starts
     * @param equal the '=' token
     * @return the failure to throw, or null when neither form applies
     */
    final ParseFailure assignmentHint(int start, int equal) {
        return probe(() -> {
            TokenKind k = kinds[start];
            if (k == NAME && start + 1 == equal) {
                pos = equal + 1;
                bitwiseOr();
                TokenKind after = kinds[pos];
                if (after != EQUAL && after != COLONEQUAL) {
                    return fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", sb(start),
                            eb(last()));
                }
            } else if (k != TRUE && k != NONE && k != FALSE && !startsListTupleOrGenexp(start)) {
                pos = start;
                expr a = bitwiseOr();
                if (pos == equal) {
                    pos++;
                    bitwiseOr();
                    TokenKind after = kinds[pos];
                    if (after != EQUAL && after != COLONEQUAL) {
                        return failAtNode("cannot assign to " + exprName(a)
                                + " here. Maybe you meant '==' instead of '='?", a);
                    }
                }
            }
            return null;
        });
    }

    /** Whether a list display, a tuple or a generator expression starts at the token. */
    private boolean startsListTupleOrGenexp(int start) {
        TokenKind k = kinds[start];
        if (k != LSQB && k != LPAR) {
            return false;
        }
        pos = start;
        expr a = atom();
        return a instanceof io.codeanatomy.python.syntax.ast.List || a instanceof GeneratorExp
                || (a instanceof Tuple && a.bstart() == sb(start));
    }

    // ---- expression, conditional expressions and lambdas

    /** {@code expression}: a conditional expression, a disjunction or a lambda. */
    final expr expression() {
        expr e = kinds[pos] == LAMBDA ? lambdef() : conditional();
        expressionEnd = pos - 1;
        return e;
    }

    @Override
    final void readAhead(int token) {
        if (!startsStarExpression(kinds[token])) {
            return;
        }
        readingAhead = true;
        int save = pos;
        pos = token;
        try {
            probe(() -> {
                starExpressions();
                return null;
            });
        } finally {
            pos = save;
            readingAhead = false;
        }
    }

    /** {@code disjunction ['if' disjunction 'else' expression]}, folded without recursion. */
    private expr conditional() {
        int s = pos;
        expr body = disjunction();
        if (kinds[pos] != IF) {
            return body;
        }
        int base = mark();
        int ib = ints.size();
        int levels = 0;
        expr orelse;
        while (true) {
            pos++;
            expr test = disjunction();
            if (kinds[pos] != ELSE) {
                if (kinds[pos] == COLON) {
                    throw invalidSyntax();
                }
                int e = last();
                throw fail("expected 'else' after 'if' expression", sb(s), eb(e));
            }
            pos++;
            push(body);
            push(test);
            ints.push(s);
            levels++;
            enter(1);
            if (kinds[pos] == LAMBDA) {
                orelse = lambdef();
                break;
            }
            s = pos;
            body = disjunction();
            if (kinds[pos] != IF) {
                orelse = body;
                break;
            }
        }
        int e = last();
        for (int i = levels - 1; i >= 0; i--) {
            int start = ints.pop();
            expr b = stackAt(base + 2 * i);
            expr t = stackAt(base + 2 * i + 1);
            orelse = new IfExp(t, b, orelse, sl(start), sc(start), el(e), ec(e), sb(start), eb(e));
        }
        resetStack(base);
        leave(levels);
        ints.truncate(ib);
        return orelse;
    }

    /** {@code 'lambda' [lambda_params] ':' expression}, with nested lambda bodies folded. */
    final expr lambdef() {
        int base = mark();
        int ib = ints.size();
        int levels = 0;
        while (kinds[pos] == LAMBDA) {
            ints.push(pos);
            pos++;
            // CPython's lambdef and expression rules: two levels per lambda, its defaults inside.
            enter(2);
            levels++;
            arguments args = kinds[pos] == COLON ? NO_ARGUMENTS : parameters(true);
            if (kinds[pos] != COLON) {
                throw invalidSyntax();
            }
            pos++;
            push(args);
        }
        expr body = conditional();
        int e = last();
        for (int i = levels - 1; i >= 0; i--) {
            int start = ints.pop();
            arguments args = stackAt(base + i);
            body = new Lambda(args, body, sl(start), sc(start), el(e), ec(e), sb(start), eb(e));
        }
        resetStack(base);
        leave(2 * levels);
        ints.truncate(ib);
        return body;
    }

    // ---- boolean operators, not, comparisons

    final expr disjunction() {
        return boolOperation(true);
    }

    /** {@code disjunction} (or) or {@code conjunction} (and): one flat BoolOp for a chain. */
    private expr boolOperation(boolean or) {
        int s = pos;
        TokenKind op = or ? OR : AND;
        expr a = or ? boolOperation(false) : inversion();
        if (kinds[pos] != op) {
            return a;
        }
        int m = mark();
        push(a);
        while (kinds[pos] == op) {
            pos++;
            push(or ? boolOperation(false) : inversion());
        }
        int e = last();
        return new BoolOp(or ? boolop.Or : boolop.And, popList(m), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    final expr inversion() {
        if (kinds[pos] != NOT) {
            return comparison();
        }
        int ib = ints.size();
        while (kinds[pos] == NOT) {
            ints.push(pos);
            pos++;
        }
        int n = ints.size() - ib;
        enter(n);
        expr v = comparison();
        int e = last();
        while (ints.size() > ib) {
            int t = ints.pop();
            v = new UnaryOp(unaryop.Not, v, sl(t), sc(t), el(e), ec(e), sb(t), eb(e));
        }
        leave(n);
        return v;
    }

    final expr comparison() {
        int s = pos;
        expr a = bitwiseOr();
        cmpop op = comparisonOperator();
        if (op == null) {
            return a;
        }
        int m = mark();
        while (op != null) {
            pos += op == cmpop.NotIn || op == cmpop.IsNot ? 2 : 1;
            push(op);
            push(bitwiseOr());
            op = comparisonOperator();
        }
        Pairs pairs = popPairs(m);
        int e = last();
        return new Compare(a, pairs.firsts(), pairs.seconds(), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private cmpop comparisonOperator() {
        switch (kinds[pos]) {
            case EQEQUAL:
                return cmpop.Eq;
            case NOTEQUAL:
                if (src[sb(pos)] == '<') {
                    // "<>" is only valid under "from __future__ import barry_as_FLUFL".
                    throw invalidSyntax();
                }
                return cmpop.NotEq;
            case LESS:
                return cmpop.Lt;
            case LESSEQUAL:
                return cmpop.LtE;
            case GREATER:
                return cmpop.Gt;
            case GREATEREQUAL:
                return cmpop.GtE;
            case IN:
                return cmpop.In;
            case NOT:
                if (kinds[pos + 1] == IN) {
                    return cmpop.NotIn;
                }
                throw invalidSyntaxAt(pos + 1);
            case IS:
                return kinds[pos + 1] == NOT ? cmpop.IsNot : cmpop.Is;
            default:
                return null;
        }
    }

    // ---- binary operators, unary operators, power, await

    /** {@code bitwise_or}: every binary operator, by precedence climbing. */
    final expr bitwiseOr() {
        return binary(1);
    }

    private expr binary(int minPrecedence) {
        int s = pos;
        expr left = factor();
        while (true) {
            int precedence = BINARY_PRECEDENCE[kinds[pos].ordinal()];
            if (precedence < minPrecedence || precedence == 0) {
                return left;
            }
            operator op = BINARY_OPERATOR[kinds[pos].ordinal()];
            pos++;
            expr right = precedence == TERM ? factor() : binary(precedence + 1);
            int e = last();
            // A chain of operators is a loop of CPython's left-recursive rules, which costs its
            // parser no stack: only the depth of the tree built limits it (AstConstruction).
            left = new BinOp(left, op, right, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
    }

    private static boolean isUnary(TokenKind k) {
        return k == MINUS || k == PLUS || k == TILDE;
    }

    private static unaryop unaryOperator(TokenKind k) {
        return k == MINUS ? unaryop.USub : k == PLUS ? unaryop.UAdd : unaryop.Invert;
    }

    /** {@code factor}: prefix {@code + - ~} applied to a power. */
    final expr factor() {
        if (!isUnary(kinds[pos])) {
            return power();
        }
        int ib = ints.size();
        while (isUnary(kinds[pos])) {
            ints.push(pos);
            pos++;
        }
        int n = ints.size() - ib;
        enter(n);
        expr v = power();
        int e = last();
        while (ints.size() > ib) {
            int t = ints.pop();
            v = new UnaryOp(unaryOperator(kinds[t]), v, sl(t), sc(t), el(e), ec(e), sb(t), eb(e));
        }
        leave(n);
        return v;
    }

    /** {@code power: await_primary ['**' factor]}, right-associative, folded from the right. */
    final expr power() {
        int s = pos;
        expr a = awaitPrimary();
        if (kinds[pos] != DOUBLESTAR) {
            return a;
        }
        int base = mark();
        int ib = ints.size();
        int[] starts = new int[8];
        int[] unaryFrom = new int[8];
        starts[0] = s;
        push(a);
        int n = 0;
        while (kinds[pos] == DOUBLESTAR) {
            pos++;
            n++;
            if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
                unaryFrom = java.util.Arrays.copyOf(unaryFrom, n * 2);
            }
            unaryFrom[n] = ints.size();
            while (isUnary(kinds[pos])) {
                ints.push(pos);
                pos++;
            }
            starts[n] = pos;
            // CPython's power and factor rules: two levels per '**', one per unary operator.
            enter(2 + ints.size() - unaryFrom[n]);
            push(awaitPrimary());
        }
        int e = last();
        expr r = stackAt(base + n);
        int unaryEnd = ints.size();
        for (int i = n; i >= 1; i--) {
            for (int j = unaryEnd - 1; j >= unaryFrom[i]; j--) {
                int t = ints.get(j);
                r = new UnaryOp(unaryOperator(kinds[t]), r, sl(t), sc(t), el(e), ec(e), sb(t), eb(e));
            }
            unaryEnd = unaryFrom[i];
            expr left = stackAt(base + i - 1);
            int st = starts[i - 1];
            r = new BinOp(left, operator.Pow, r, sl(st), sc(st), el(e), ec(e), sb(st), eb(e));
        }
        leave(2 * n + ints.size() - ib);
        ints.truncate(ib);
        resetStack(base);
        return r;
    }

    final expr awaitPrimary() {
        if (kinds[pos] == AWAIT) {
            int s = pos++;
            expr v = primary();
            int e = last();
            return new Await(v, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        return primary();
    }

    // ---- primary: attribute references, calls, subscriptions

    final expr primary() {
        int s = pos;
        expr a = atom();
        // Trailers are a loop of CPython's left-recursive primary rule: no parser stack, only the
        // depth of the tree built limits them (AstConstruction).
        while (true) {
            TokenKind k = kinds[pos];
            if (k == DOT) {
                pos++;
                if (kinds[pos] != NAME) {
                    throw invalidSyntax();
                }
                String attr = nameText(pos);
                int e = pos++;
                a = new Attribute(a, attr, expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            } else if (k == LPAR) {
                a = call(a, s);
            } else if (k == LSQB && kinds[pos + 1] != RSQB) {
                pos++;
                openBracket();
                expr slice = slices();
                closeBracket(RSQB);
                int e = pos - 1;
                a = new Subscript(a, slice, expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            } else {
                if (k == LSQB && pos + 1 > furthest) {
                    // "x[]" is no subscript; CPython's first pass got as far as the ']'.
                    furthest = pos + 1;
                }
                return a;
            }
        }
    }

    final void openBracket() {
        if (++brackets > MAX_BRACKETS) {
            brackets--;
            for (SyntaxError error : errors) {
                if (error.message().equals(TOO_COMPLEX)) {
                    throw suppressed();
                }
            }
            throw failAtToken(TOO_COMPLEX, pos - 1);
        }
        enter(1);
    }

    /** Consumes the closing bracket of the innermost open bracket. */
    final void closeBracket(TokenKind closing) {
        if (kinds[pos] != closing) {
            throw invalidSyntax();
        }
        pos++;
        brackets--;
        leave(1);
    }

    /** Fails at a token that should have been a comma or a closing bracket. */
    final ParseFailure expectedCommaOrClose(int elementStart) {
        ParseFailure comma = missingComma(elementStart);
        return comma != null ? comma : invalidSyntax();
    }

    /**
     * CPython's "Perhaps you forgot a comma?" when an expression inside brackets is followed by
     * another one, or null when that does not apply.
     */
    final ParseFailure missingComma(int elementStart) {
        if (brackets > 0 && startsExpression(kinds[pos]) && !isSoftKeyword(elementStart)
                && !(kinds[elementStart] == NAME && kinds[elementStart + 1] == STRING)) {
            return probe(() -> {
                expression();
                return fail("invalid syntax. Perhaps you forgot a comma?", sb(elementStart), eb(last()));
            });
        }
        return null;
    }

    /**
     * Where CPython's {@code args} rule, reading on from the current token, stops: the token it
     * reports "positional argument follows keyword argument" at.
     */
    private int argumentsEnd() {
        int[] end = {pos};
        probe(() -> {
            try {
                while (kinds[pos] == COMMA) {
                    pos++;
                    TokenKind k = kinds[pos];
                    if (k == STAR || k == DOUBLESTAR) {
                        pos++;
                        expression();
                    } else if (k == NAME && kinds[pos + 1] == EQUAL) {
                        pos += 2;
                        expression();
                    } else if (startsExpression(k)) {
                        namedExpression(false);
                    } else {
                        break;
                    }
                }
                if (startsExpression(kinds[pos]) && kinds[pos - 1] == NAME) {
                    // CPython's invalid_legacy_expression reads on after a name ("print x").
                    starExpressions();
                }
            } catch (ParseFailure stop) {
                clearFailure();
            }
            end[0] = pos;
            return null;
        });
        return end[0];
    }

    /** The index of the bracket that closes the one at {@code open}, or -1. */
    final int closingBracket(int open) {
        int level = 0;
        for (int i = open; i < count; i++) {
            TokenKind k = kinds[i];
            if (k == LPAR || k == LSQB || k == LBRACE) {
                level++;
            } else if (k == RPAR || k == RSQB || k == RBRACE) {
                if (--level == 0) {
                    return i;
                }
            } else if (k == TokenKind.NEWLINE || k == TokenKind.ENDMARKER) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Whether the token counts as a soft keyword for CPython's {@code SOFT_KEYWORD} lookahead.
     * CPython 3.11 compares only the token's length of each keyword, so any prefix of "match" or
     * "case" (such as "c") counts too.
     */
    final boolean isSoftKeyword(int i) {
        if (kind(i) != NAME) {
            return false;
        }
        if (version.minor() >= 12) {
            return isName(i, "match") || isName(i, "case") || isName(i, "_") || isName(i, "type");
        }
        return isPrefixOf(i, "match") || isPrefixOf(i, "case") || isName(i, "_");
    }

    private boolean isPrefixOf(int token, String keyword) {
        int s = tokens.start(token);
        int n = tokens.end(token) - s;
        if (n > keyword.length()) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (src[s + j] != keyword.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** {@code slices}: one slice, or a Tuple of slices and starred expressions. */
    private expr slices() {
        int s = pos;
        boolean starred = kinds[pos] == STAR;
        if (starred && version.minor() < 11) {
            throw invalidSyntax();
        }
        expr first = starred ? starredExpression() : slice();
        if (kinds[pos] != COMMA && kinds[pos] != RSQB) {
            throw expectedCommaOrClose(s);
        }
        if (kinds[pos] != COMMA) {
            if (starred) {
                int e = last();
                return new Tuple(listOf(first), expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            }
            return first;
        }
        int m = mark();
        push(first);
        while (kinds[pos] == COMMA) {
            pos++;
            if (kinds[pos] == RSQB) {
                break;
            }
            int el = pos;
            if (kinds[pos] == STAR && version.minor() < 11) {
                throw invalidSyntax();
            }
            push(kinds[pos] == STAR ? starredExpression() : slice());
            if (kinds[pos] != COMMA && kinds[pos] != RSQB) {
                throw expectedCommaOrClose(el);
            }
        }
        int e = last();
        return new Tuple(popList(m), expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private expr slice() {
        int s = pos;
        expr lower = null;
        if (kinds[pos] != COLON) {
            // Unparenthesized assignment expressions in subscripts are new in 3.10.
            lower = version.minor() >= 10 ? namedExpression() : expression();
            if (kinds[pos] != COLON) {
                return lower;
            }
            if (lower instanceof NamedExpr && kinds[s] != LPAR) {
                throw invalidSyntax();
            }
        }
        pos++;
        expr upper = startsExpression(kinds[pos]) ? expression() : null;
        expr step = null;
        if (kinds[pos] == COLON) {
            pos++;
            step = startsExpression(kinds[pos]) ? expression() : null;
        }
        int e = last();
        return new Slice(lower, upper, step, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** {@code starred_expression: '*' expression}. */
    final expr starredExpression() {
        int s = pos++;
        expr v = expression();
        int e = last();
        return new Starred(v, expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    // ---- calls

    /** {@code primary '(' [arguments] ')'} or {@code primary genexp}; the '(' is the current token. */
    private expr call(expr func, int s) {
        return call(func, s, true);
    }

    private expr call(expr func, int s, boolean genexpAllowed) {
        int open = pos++;
        openBracket();
        int m = mark();
        boolean keywords = false;
        boolean doubleStar = false;
        int positional = 0;
        while (kinds[pos] != RPAR) {
            int a = pos;
            TokenKind k = kinds[pos];
            if (k == STAR) {
                if (!startsExpression(kinds[pos + 1])) {
                    throw invalidSyntaxAt(pos + 1);
                }
                expr v = starredExpression();
                if (startsExpression(kinds[pos])) {
                    throw expectedCommaOrClose(a + 1);
                }
                if (doubleStar) {
                    throw fail("iterable argument unpacking follows keyword argument unpacking", v.bstart(), v.bend());
                }
                push(v);
                positional++;
            } else if (k == DOUBLESTAR) {
                pos++;
                expr v = expression();
                if (startsExpression(kinds[pos])) {
                    throw expectedCommaOrClose(a + 1);
                }
                int e = last();
                push(new keyword(null, v, sl(a), sc(a), el(e), ec(e), sb(a), eb(e)));
                doubleStar = true;
            } else if (k == NAME && kinds[pos + 1] == EQUAL) {
                String name = nameText(pos);
                pos += 2;
                expr v = expression();
                if (startsExpression(kinds[pos])) {
                    throw expectedCommaOrClose(a + 2);
                }
                if (kinds[pos] == FOR || (kinds[pos] == ASYNC && kinds[pos + 1] == FOR)) {
                    throw fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", sb(a), eb(a + 1));
                }
                int e = last();
                push(new keyword(name, v, sl(a), sc(a), el(e), ec(e), sb(a), eb(e)));
                keywords = true;
            } else {
                if ((k == TRUE || k == FALSE || k == NONE) && kinds[pos + 1] == EQUAL) {
                    throw fail("cannot assign to " + tokenText(pos), sb(pos), eb(pos + 1));
                }
                expr v = namedExpression(false);
                ParseFailure comma = missingComma(a);
                if (comma != null) {
                    throw comma;
                }
                if (kinds[pos] == FOR || (kinds[pos] == ASYNC && kinds[pos + 1] == FOR)) {
                    if (!genexpAllowed) {
                        throw invalidSyntax();
                    }
                    List<comprehension> generators = forIfClauses();
                    if (mark() == m && kinds[pos] == RPAR) {
                        int close = pos;
                        closeBracket(RPAR);
                        expr genexp = new GeneratorExp(v, generators, sl(open), sc(open), el(close), ec(close),
                                sb(open), eb(close));
                        return new Call(func, listOf(genexp), List.of(), sl(s), sc(s), el(close), ec(close), sb(s),
                                eb(close));
                    }
                    throw fail("Generator expression must be parenthesized", v.bstart(), eb(last()));
                }
                if (kinds[pos] == EQUAL) {
                    throw fail("expression cannot contain assignment, perhaps you meant \"==\"?", v.bstart(),
                            eb(pos));
                }
                if (doubleStar || keywords) {
                    throw failAtToken(doubleStar ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument", argumentsEnd());
                }
                push(v);
                positional++;
            }
            if (kinds[pos] != COMMA) {
                if (kinds[pos] != RPAR) {
                    throw expectedCommaOrClose(a);
                }
                break;
            }
            pos++;
        }
        int close = pos;
        closeBracket(RPAR);
        int total = mark() - m;
        List<expr> args;
        List<keyword> kws;
        if (positional == total) {
            args = popList(m);
            kws = List.of();
        } else if (positional == 0) {
            args = List.of();
            kws = popList(m);
        } else {
            Object[] pa = new Object[positional];
            Object[] ka = new Object[total - positional];
            int pi = 0;
            int ki = 0;
            for (int i = m; i < m + total; i++) {
                Object o = stackAt(i);
                if (o instanceof keyword) {
                    ka[ki++] = o;
                } else {
                    pa[pi++] = o;
                }
            }
            resetStack(m);
            args = new NodeList<>(pa);
            kws = new NodeList<>(ka);
        }
        return new Call(func, args, kws, sl(s), sc(s), el(close), ec(close), sb(s), eb(close));
    }

    /**
     * The argument list of a class definition: {@code '(' [arguments] ')'} with the '(' current.
     * Returns the positional arguments and keywords as a Call whose func is null.
     */
    final Call classArguments() {
        return (Call) call(null, pos, false);
    }

    // ---- atoms and displays

    final expr atom() {
        int s = pos;
        switch (kinds[pos]) {
            case NAME:
                pos++;
                return new Name(nameText(s), expr_context.Load, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
            case TRUE:
                return keywordConstant(Boolean.TRUE);
            case FALSE:
                return keywordConstant(Boolean.FALSE);
            case NONE:
                return keywordConstant(Singleton.NONE);
            case ELLIPSIS:
                return keywordConstant(Singleton.ELLIPSIS);
            case NUMBER: {
                pos++;
                Object value = NumberLiterals.value(src, sb(s), eb(s));
                if (value instanceof BigInteger) {
                    checkDecimalDigits(s);
                }
                return new Constant(value, null, sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
            }
            case STRING:
                return strings();
            case LPAR:
                return parenthesized();
            case LSQB:
                return listDisplay();
            case LBRACE:
                return braceDisplay();
            default:
                throw invalidSyntax();
        }
    }

    /**
     * CPython converts a decimal int literal with {@code int()}, which refuses more than 4300
     * digits; its parser turns that into a SyntaxError on the literal's line.
     */
    private void checkDecimalDigits(int token) {
        int start = sb(token);
        int end = eb(token);
        int digits = 0;
        for (int i = start; i < end; i++) {
            byte b = src[i];
            if (b >= '0' && b <= '9') {
                digits++;
            } else if (b != '_') {
                return;
            }
        }
        if (digits > MAX_STR_DIGITS) {
            int lineStart = source.lineStarts()[source.lineOf(start) - 1];
            throw failAtLineStart("Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion: "
                    + "value has " + digits + " digits; use sys.set_int_max_str_digits() to increase the limit"
                    + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                    lineStart);
        }
    }

    /** A run of adjacent string literals, concatenated. */
    final expr strings() {
        int s = pos;
        while (kinds[pos] == STRING) {
            pos++;
        }
        expr value = StringLiterals.concatenate(context, s, pos - 1);
        if (value == null) {
            throw suppressed();
        }
        return value;
    }

    /** A tuple, a parenthesized expression or a generator expression. */
    private expr parenthesized() {
        int s = pos++;
        openBracket();
        if (kinds[pos] == RPAR) {
            closeBracket(RPAR);
            int e = s + 1;
            return new Tuple(List.of(), expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        if (kinds[pos] == YIELD) {
            expr y = yieldExpression();
            closeBracket(RPAR);
            return y;
        }
        if (kinds[pos] == DOUBLESTAR) {
            int d = pos;
            pos++;
            expression();
            if (kinds[pos] == RPAR) {
                throw fail("cannot use double starred expression here", sb(d), eb(d));
            }
            throw invalidSyntaxAt(d);
        }
        int first = pos;
        expr a = starNamedExpression();
        TokenKind k = kinds[pos];
        if (k == FOR || (k == ASYNC && kinds[pos + 1] == FOR)) {
            if (a instanceof Starred) {
                throw failAtNode("iterable unpacking cannot be used in comprehension", a);
            }
            List<comprehension> generators = forIfClauses();
            int e = pos;
            closeBracket(RPAR);
            return new GeneratorExp(a, generators, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        if (k == RPAR) {
            if (a instanceof Starred) {
                throw failAtNode("cannot use starred expression here", a);
            }
            closeBracket(RPAR);
            return a;
        }
        int m = mark();
        push(a);
        moreElements(first, a, RPAR);
        int e = pos;
        closeBracket(RPAR);
        return new Tuple(popList(m), expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** A list display or a list comprehension. */
    private expr listDisplay() {
        int s = pos++;
        openBracket();
        int m = mark();
        if (kinds[pos] != RSQB) {
            int first = pos;
            expr a = starNamedExpression();
            TokenKind k = kinds[pos];
            if (k == FOR || (k == ASYNC && kinds[pos + 1] == FOR)) {
                if (a instanceof Starred) {
                    throw failAtNode("iterable unpacking cannot be used in comprehension", a);
                }
                List<comprehension> generators = forIfClauses();
                int e = pos;
                closeBracket(RSQB);
                return new ListComp(a, generators, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            }
            push(a);
            moreElements(first, a, RSQB);
        }
        int e = pos;
        closeBracket(RSQB);
        return new io.codeanatomy.python.syntax.ast.List(popList(m), expr_context.Load, sl(s), sc(s), el(e), ec(e),
                sb(s), eb(e));
    }

    /**
     * The elements after the first one of a tuple, list or set display, up to the closing bracket
     * (not consumed), with CPython's messages for a missing comma and for an unparenthesized
     * tuple before 'for'.
     */
    private void moreElements(int first, expr firstElement, TokenKind close) {
        if (kinds[pos] != COMMA && kinds[pos] != close) {
            throw expectedCommaOrClose(first);
        }
        while (kinds[pos] == COMMA) {
            int comma = pos++;
            if (kinds[pos] == close) {
                break;
            }
            // CPython's invalid_comprehension knows lists and sets; a tuple fails plainly.
            if (close != RPAR && atComprehension()) {
                throw fail("did you forget parentheses around the comprehension target?", firstElement.bstart(),
                        eb(comma));
            }
            int el = pos;
            expr element = starNamedExpression();
            push(element);
            if (close != RPAR && atComprehension()) {
                throw fail("did you forget parentheses around the comprehension target?", firstElement.bstart(),
                        element.bend());
            }
            if (kinds[pos] != COMMA && kinds[pos] != close) {
                throw expectedCommaOrClose(el);
            }
        }
    }

    private boolean atComprehension() {
        return kinds[pos] == FOR || (kinds[pos] == ASYNC && kinds[pos + 1] == FOR);
    }

    /** A dict or set display, or a dict or set comprehension. */
    private expr braceDisplay() {
        int s = pos++;
        openBracket();
        if (kinds[pos] == RBRACE) {
            int e = pos;
            closeBracket(RBRACE);
            return new Dict(List.of(), List.of(), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        int first = pos;
        if (kinds[pos] == DOUBLESTAR) {
            pos++;
            expr v = bitwiseOr();
            TokenKind k = kinds[pos];
            if (k == FOR || (k == ASYNC && kinds[pos + 1] == FOR)) {
                throw fail("dict unpacking cannot be used in dict comprehension", sb(first), eb(first));
            }
            return dictDisplay(s, null, v, first + 1);
        }
        expr a = starNamedExpression();
        TokenKind k = kinds[pos];
        if (k == COLON && !(a instanceof Starred) && !(a instanceof NamedExpr && kinds[first] != LPAR)) {
            pos++;
            if (kinds[pos] == RBRACE || kinds[pos] == COMMA) {
                throw fail("expression expected after dictionary key and ':'", sb(pos - 1), eb(pos - 1));
            }
            int valueStart = pos;
            expr v = dictValue();
            k = kinds[pos];
            if (k == FOR || (k == ASYNC && kinds[pos + 1] == FOR)) {
                List<comprehension> generators = forIfClauses();
                int e = pos;
                closeBracket(RBRACE);
                return new DictComp(a, v, generators, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            }
            return dictDisplay(s, a, v, valueStart);
        }
        if (k == FOR || (k == ASYNC && kinds[pos + 1] == FOR)) {
            if (a instanceof Starred) {
                throw failAtNode("iterable unpacking cannot be used in comprehension", a);
            }
            List<comprehension> generators = forIfClauses();
            int e = pos;
            closeBracket(RBRACE);
            return new SetComp(a, generators, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        int m = mark();
        push(a);
        moreElements(first, a, RBRACE);
        int e = pos;
        closeBracket(RBRACE);
        return new Set(popList(m), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** The value of a dict entry, an {@code expression}. */
    private expr dictValue() {
        if (kinds[pos] == STAR) {
            int star = pos++;
            expr v = bitwiseOr();
            throw fail("cannot use a starred expression in a dictionary value", sb(star), v.bend());
        }
        return expression();
    }

    /** The rest of a dict display whose first entry has been parsed (key null for {@code **}). */
    private expr dictDisplay(int s, expr firstKey, expr firstValue, int firstValueStart) {
        int m = mark();
        push(firstKey);
        push(firstValue);
        if (kinds[pos] != COMMA && kinds[pos] != RBRACE) {
            throw expectedCommaOrClose(firstValueStart);
        }
        while (kinds[pos] == COMMA) {
            pos++;
            if (kinds[pos] == RBRACE) {
                break;
            }
            if (kinds[pos] == DOUBLESTAR) {
                pos++;
                int valueStart = pos;
                push(null);
                push(bitwiseOr());
                if (kinds[pos] != COMMA && kinds[pos] != RBRACE) {
                    throw expectedCommaOrClose(valueStart);
                }
                continue;
            }
            expr key = expression();
            if (kinds[pos] != COLON) {
                // After the first entry CPython checks for the ':' before it looks for a comma.
                throw fail("':' expected after dictionary key", key.bend() - 1, key.bend());
            }
            pos++;
            if (kinds[pos] == RBRACE || kinds[pos] == COMMA) {
                throw fail("expression expected after dictionary key and ':'", sb(pos - 1), eb(pos - 1));
            }
            push(key);
            int valueStart = pos;
            push(dictValue());
            if (kinds[pos] != COMMA && kinds[pos] != RBRACE) {
                throw expectedCommaOrClose(valueStart);
            }
        }
        if (kinds[pos] != RBRACE) {
            throw invalidSyntax();
        }
        int e = pos;
        closeBracket(RBRACE);
        Pairs entries = popPairs(m);
        return new Dict(entries.firsts(), entries.seconds(), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** {@code for_if_clauses}, starting at 'for' or 'async'. */
    final List<comprehension> forIfClauses() {
        int m = mark();
        while (kinds[pos] == FOR || (kinds[pos] == ASYNC && kinds[pos + 1] == FOR)) {
            int isAsync = 0;
            if (kinds[pos] == ASYNC) {
                isAsync = 1;
                pos++;
            }
            pos++;
            expr target = starTargets(FOR_TARGETS);
            if (kinds[pos] != IN) {
                throw fail("'in' expected after for-loop variables", sb(pos), eb(pos));
            }
            pos++;
            expr iter = disjunction();
            int im = mark();
            while (kinds[pos] == IF) {
                pos++;
                push(disjunction());
            }
            List<expr> ifs = popList(im);
            push(new comprehension(target, iter, ifs, isAsync));
        }
        return popList(m);
    }

    /** {@code yield_expr}, at 'yield'. */
    final expr yieldExpression() {
        int s = pos++;
        if (kinds[pos] == FROM) {
            pos++;
            expr v = expression();
            int e = last();
            return new YieldFrom(v, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        expr v = startsStarExpression(kinds[pos]) ? starExpressions() : null;
        int e = last();
        return new Yield(v, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    // ---- parameters

    /**
     * {@code params} of a def (up to ')') or {@code lambda_params} (up to ':'), with CPython's
     * messages for misplaced '/', '*', '**' and defaults.
     */
    final arguments parameters(boolean lambda) {
        TokenKind end = lambda ? COLON : RPAR;
        ArrayList<arg> positional = new ArrayList<>();
        ArrayList<expr> defaults = new ArrayList<>();
        ArrayList<arg> kwonly = new ArrayList<>();
        ArrayList<expr> kwDefaults = new ArrayList<>();
        int slash = -1;
        arg vararg = null;
        arg kwarg = null;
        boolean star = false;
        int starToken = -1;
        while (kinds[pos] != end) {
            TokenKind k = kinds[pos];
            if (kwarg != null) {
                if (k == NAME || k == STAR || k == DOUBLESTAR || k == SLASH) {
                    throw failAtToken(paramMessage("arguments cannot follow var-keyword argument", "parameters cannot follow var-keyword parameter"), pos);
                }
                throw invalidSyntax();
            }
            if (k == SLASH) {
                if (star) {
                    throw failAtToken("/ must be ahead of *", pos);
                }
                if (slash >= 0) {
                    throw failAtToken("/ may appear only once", pos);
                }
                if (positional.isEmpty()) {
                    if (kinds[pos + 1] == COMMA) {
                        throw failAtToken(paramMessage("at least one argument must precede /", "at least one parameter must precede /"), pos);
                    }
                    throw invalidSyntax();
                }
                slash = positional.size();
                pos++;
            } else if (k == STAR) {
                if (star) {
                    throw failAtToken(paramMessage("* argument may appear only once", "* may appear only once"), pos);
                }
                star = true;
                starToken = pos;
                pos++;
                if (kinds[pos] == NAME) {
                    vararg = parameter(lambda, true);
                    if (kinds[pos] == EQUAL) {
                        throw failAtToken(paramMessage("var-positional argument cannot have default value", "var-positional parameter cannot have default value"), pos);
                    }
                } else if (kinds[pos] == COMMA) {
                    TokenKind next = kinds[pos + 1];
                    if (next == end || next == DOUBLESTAR) {
                        throw failAtToken(paramMessage("named arguments must follow bare *", "named parameters must follow bare *"), lambda ? pos + 1 : starToken);
                    }
                } else if (kinds[pos] == end) {
                    throw failAtToken(paramMessage("named arguments must follow bare *", "named parameters must follow bare *"), lambda ? pos : starToken);
                } else {
                    throw invalidSyntax();
                }
            } else if (k == DOUBLESTAR) {
                pos++;
                if (kinds[pos] != NAME) {
                    throw invalidSyntax();
                }
                kwarg = parameter(lambda, false);
                if (kinds[pos] == EQUAL) {
                    throw failAtToken(paramMessage("var-keyword argument cannot have default value", "var-keyword parameter cannot have default value"), pos);
                }
            } else if (k == NAME) {
                arg a = parameter(lambda, false);
                expr dflt = null;
                if (kinds[pos] == EQUAL) {
                    pos++;
                    if (kinds[pos] == COMMA || kinds[pos] == RPAR) {
                        throw failAtToken("expected default value expression", pos - 1);
                    }
                    int valueStart = pos;
                    // With its lambda, a default of a lambda costs CPython eight levels.
                    enter(6);
                    dflt = expression();
                    leave(6);
                    if (kinds[pos] != COMMA && kinds[pos] != end) {
                        throw expectedCommaOrClose(valueStart);
                    }
                }
                if (star) {
                    kwonly.add(a);
                    kwDefaults.add(dflt);
                } else {
                    if (dflt == null && !defaults.isEmpty()) {
                        if (kinds[pos] != COMMA && kinds[pos] != end) {
                            throw invalidSyntax();
                        }
                        throw fail(paramMessage("non-default argument follows default argument", "parameter without a default follows parameter with a default"), a.bstart(), a.bend());
                    }
                    positional.add(a);
                    if (dflt != null) {
                        defaults.add(dflt);
                    }
                }
            } else if (k == LPAR) {
                throw parenthesizedParameters(lambda);
            } else {
                throw invalidSyntax();
            }
            if (kinds[pos] == COMMA) {
                pos++;
            } else if (kinds[pos] != end) {
                throw invalidSyntax();
            }
        }
        if (star && vararg == null && kwonly.isEmpty() && kwarg == null) {
            throw failAtToken(paramMessage("named arguments must follow bare *", "named parameters must follow bare *"), starToken);
        }
        List<arg> posonly = List.of();
        List<arg> args;
        if (slash >= 0) {
            posonly = freeze(positional.subList(0, slash));
            args = freeze(positional.subList(slash, positional.size()));
        } else {
            args = freeze(positional);
        }
        return new arguments(posonly, args, vararg, freeze(kwonly), freeze(kwDefaults), kwarg, freeze(defaults));
    }

    /** CPython 3.12 renamed "arguments" to "parameters" in the messages about parameter lists. */
    private String paramMessage(String upTo311, String since312) {
        return version.minor() >= 12 ? since312 : upTo311;
    }

    /** CPython's message for {@code '(' NAME (',' NAME)* [','] ')'} in a parameter list. */
    private ParseFailure parenthesizedParameters(boolean lambda) {
        int open = pos;
        int i = pos + 1;
        while (kinds[i] == NAME) {
            i++;
            if (!lambda && kinds[i] == COLON) {
                break;
            }
            if (kinds[i] != COMMA) {
                break;
            }
            i++;
        }
        if (kinds[i] == RPAR && i > open + 1 && kinds[i - 1] != LPAR) {
            return fail(lambda ? "Lambda expression parameters cannot be parenthesized"
                    : "Function parameters cannot be parenthesized", sb(open), eb(i));
        }
        return invalidSyntax();
    }

    /** {@code param}: NAME with an annotation for a def ({@code *args} may have a starred one). */
    private arg parameter(boolean lambda, boolean varPositional) {
        int s = pos;
        String name = nameText(pos++);
        expr annotation = null;
        if (!lambda && kinds[pos] == COLON) {
            pos++;
            if (varPositional && kinds[pos] == STAR && version.minor() < 11) {
                throw invalidSyntax();
            }
            annotation = varPositional && kinds[pos] == STAR ? starred() : expression();
        }
        int e = last();
        return new arg(name, annotation, null, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    static <E> List<E> freeze(List<E> list) {
        return list.isEmpty() ? List.of() : new NodeList<>(list.toArray());
    }

    // ---- targets

    /**
     * {@code star_targets} of a for loop or comprehension: targets up to 'in', as a Tuple when
     * there is a comma. Each target is parsed as a {@code bitwise_or} (which stops before 'in')
     * and then checked and given the Store context.
     */
    final expr starTargets(int targetsType) {
        int s = pos;
        expr first = starTargetExpression();
        expr targets = kinds[pos] == COMMA ? tupleAfter(s, first, STAR_TARGET) : first;
        return toTarget(targets, expr_context.Store, targetsType);
    }

    /** One {@code star_target}, still in Load context. */
    final expr starTargetExpression() {
        if (kinds[pos] == STAR) {
            int s = pos++;
            if (kinds[pos] == STAR) {
                throw invalidSyntax();
            }
            expr v = starTargetExpression();
            int e = last();
            return new Starred(v, expr_context.Load, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        return bitwiseOr();
    }

    /**
     * The target in the given context (Store or Del), or a failure naming the first part that
     * cannot be a target, as CPython's {@code RAISE_SYNTAX_ERROR_INVALID_TARGET}.
     */
    final expr toTarget(expr e, expr_context ctx, int targetsType) {
        expr t = withContext(e, ctx);
        if (t != null) {
            return t;
        }
        expr invalid = invalidTarget(e, targetsType);
        if (invalid == null) {
            throw invalidSyntax();
        }
        String verb = targetsType == DEL_TARGETS ? "cannot delete " : "cannot assign to ";
        throw failAtNode(verb + exprName(invalid), invalid);
    }
}
