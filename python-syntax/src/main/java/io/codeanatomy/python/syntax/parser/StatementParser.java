package io.codeanatomy.python.syntax.parser;

import static io.codeanatomy.python.syntax.parser.Targets.DEL_TARGETS;
import static io.codeanatomy.python.syntax.parser.Targets.FOR_TARGETS;
import static io.codeanatomy.python.syntax.parser.Targets.STAR_TARGETS;
import static io.codeanatomy.python.syntax.parser.Targets.exprName;
import static io.codeanatomy.python.syntax.parser.Targets.invalidTarget;
import static io.codeanatomy.python.syntax.parser.Targets.withContext;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AMPEREQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ASSERT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ASYNC;
import static io.codeanatomy.python.syntax.lexer.TokenKind.AT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ATEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.BREAK;
import static io.codeanatomy.python.syntax.lexer.TokenKind.CIRCUMFLEXEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.CLASS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COLON;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COLONEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.COMMA;
import static io.codeanatomy.python.syntax.lexer.TokenKind.CONTINUE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DEDENT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DEF;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DEL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESLASHEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESTAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.DOUBLESTAREQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ELIF;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ELLIPSIS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ELSE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.ENDMARKER;
import static io.codeanatomy.python.syntax.lexer.TokenKind.EQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.EXCEPT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.FINALLY;
import static io.codeanatomy.python.syntax.lexer.TokenKind.FOR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.FROM;
import static io.codeanatomy.python.syntax.lexer.TokenKind.GLOBAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.IF;
import static io.codeanatomy.python.syntax.lexer.TokenKind.IMPORT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.IN;
import static io.codeanatomy.python.syntax.lexer.TokenKind.INDENT;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LEFTSHIFTEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LPAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.LSQB;
import static io.codeanatomy.python.syntax.lexer.TokenKind.MINEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NAME;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NEWLINE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.NONLOCAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.PASS;
import static io.codeanatomy.python.syntax.lexer.TokenKind.PERCENTEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.PLUSEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RAISE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RARROW;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RETURN;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RIGHTSHIFTEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RPAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.RSQB;
import static io.codeanatomy.python.syntax.lexer.TokenKind.SEMI;
import static io.codeanatomy.python.syntax.lexer.TokenKind.SLASHEQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.STAR;
import static io.codeanatomy.python.syntax.lexer.TokenKind.STAREQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.TRY;
import static io.codeanatomy.python.syntax.lexer.TokenKind.VBAREQUAL;
import static io.codeanatomy.python.syntax.lexer.TokenKind.WHILE;
import static io.codeanatomy.python.syntax.lexer.TokenKind.WITH;
import static io.codeanatomy.python.syntax.lexer.TokenKind.YIELD;

import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.AnnAssign;
import io.codeanatomy.python.syntax.ast.Assert;
import io.codeanatomy.python.syntax.ast.Assign;
import io.codeanatomy.python.syntax.ast.AsyncFor;
import io.codeanatomy.python.syntax.ast.AsyncFunctionDef;
import io.codeanatomy.python.syntax.ast.AsyncWith;
import io.codeanatomy.python.syntax.ast.Attribute;
import io.codeanatomy.python.syntax.ast.AugAssign;
import io.codeanatomy.python.syntax.ast.Break;
import io.codeanatomy.python.syntax.ast.Call;
import io.codeanatomy.python.syntax.ast.ClassDef;
import io.codeanatomy.python.syntax.ast.Continue;
import io.codeanatomy.python.syntax.ast.Delete;
import io.codeanatomy.python.syntax.ast.ExceptHandler;
import io.codeanatomy.python.syntax.ast.Expr;
import io.codeanatomy.python.syntax.ast.For;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.Global;
import io.codeanatomy.python.syntax.ast.If;
import io.codeanatomy.python.syntax.ast.Import;
import io.codeanatomy.python.syntax.ast.ImportFrom;
import io.codeanatomy.python.syntax.ast.Match;
import io.codeanatomy.python.syntax.ast.Name;
import io.codeanatomy.python.syntax.ast.Nonlocal;
import io.codeanatomy.python.syntax.ast.ParamSpec;
import io.codeanatomy.python.syntax.ast.Pass;
import io.codeanatomy.python.syntax.ast.Raise;
import io.codeanatomy.python.syntax.ast.Return;
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.Subscript;
import io.codeanatomy.python.syntax.ast.Try;
import io.codeanatomy.python.syntax.ast.TryStar;
import io.codeanatomy.python.syntax.ast.Tuple;
import io.codeanatomy.python.syntax.ast.TypeAlias;
import io.codeanatomy.python.syntax.ast.TypeVar;
import io.codeanatomy.python.syntax.ast.TypeVarTuple;
import io.codeanatomy.python.syntax.ast.While;
import io.codeanatomy.python.syntax.ast.With;
import io.codeanatomy.python.syntax.ast.Yield;
import io.codeanatomy.python.syntax.ast.YieldFrom;
import io.codeanatomy.python.syntax.ast.alias;
import io.codeanatomy.python.syntax.ast.arguments;
import io.codeanatomy.python.syntax.ast.excepthandler;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.expr_context;
import io.codeanatomy.python.syntax.ast.match_case;
import io.codeanatomy.python.syntax.ast.operator;
import io.codeanatomy.python.syntax.ast.pattern;
import io.codeanatomy.python.syntax.ast.stmt;
import io.codeanatomy.python.syntax.ast.type_param;
import io.codeanatomy.python.syntax.ast.withitem;
import io.codeanatomy.python.syntax.lexer.TokenKind;
import io.codeanatomy.python.syntax.lexer.Tokens;
import java.util.List;

/**
 * The statement rules of CPython's grammar, the statement loop with its error recovery, and the
 * soft-keyword statements ({@code match}, {@code type}) decided by checkpoints.
 */
abstract class StatementParser extends PatternParser {
    private static final operator[] AUGMENTED = new operator[TokenKind.values().length];

    static {
        AUGMENTED[PLUSEQUAL.ordinal()] = operator.Add;
        AUGMENTED[MINEQUAL.ordinal()] = operator.Sub;
        AUGMENTED[STAREQUAL.ordinal()] = operator.Mult;
        AUGMENTED[ATEQUAL.ordinal()] = operator.MatMult;
        AUGMENTED[SLASHEQUAL.ordinal()] = operator.Div;
        AUGMENTED[PERCENTEQUAL.ordinal()] = operator.Mod;
        AUGMENTED[AMPEREQUAL.ordinal()] = operator.BitAnd;
        AUGMENTED[VBAREQUAL.ordinal()] = operator.BitOr;
        AUGMENTED[CIRCUMFLEXEQUAL.ordinal()] = operator.BitXor;
        AUGMENTED[LEFTSHIFTEQUAL.ordinal()] = operator.LShift;
        AUGMENTED[RIGHTSHIFTEQUAL.ordinal()] = operator.RShift;
        AUGMENTED[DOUBLESTAREQUAL.ordinal()] = operator.Pow;
        AUGMENTED[DOUBLESLASHEQUAL.ordinal()] = operator.FloorDiv;
    }

    StatementParser(SourceText source, Tokens tokens, PythonVersion version, List<SyntaxError> errors, int depth,
            FileScope file) {
        super(source, tokens, version, errors, depth, file);
    }

    // ---- checkpoints for the rules that try one alternative and fall back to another

    private int cpPos;
    private int cpDepth;
    private int cpBrackets;
    private int cpStack;
    private int cpInts;
    private int cpErrors;

    /** Saves the parser state; speculations do not nest, so one saved state is enough. */
    private void checkpoint() {
        cpPos = pos;
        cpDepth = depth;
        cpBrackets = brackets;
        cpStack = mark();
        cpInts = ints.size();
        cpErrors = errors.size();
    }

    private String deferredMessage;
    private int deferredStart;
    private int deferredEnd;

    private void restore() {
        clearFailure();
        pos = cpPos;
        depth = cpDepth;
        brackets = cpBrackets;
        resetStack(cpStack);
        ints.truncate(cpInts);
        truncateErrors(cpErrors);
    }

    // ---- statement loop and recovery

    /**
     * {@code statements}: up to the DEDENT that closes the block (not consumed) or ENDMARKER. A
     * statement that fails is dropped with its error recorded, and parsing resumes after it.
     */
    final List<stmt> statements(boolean topLevel) {
        int m = mark();
        while (true) {
            TokenKind k = kinds[pos];
            if (k == ENDMARKER) {
                break;
            }
            if (k == DEDENT) {
                if (!topLevel) {
                    break;
                }
                // An unbalanced dedent: the lexer has reported it.
                pos++;
                continue;
            }
            int before = pos;
            int savedDepth = depth;
            int savedBrackets = brackets;
            int stackMark = mark();
            int intsMark = ints.size();
            furthest = pos;
            try {
                statement();
            } catch (ParseFailure failure) {
                resetStack(stackMark);
                depth = savedDepth;
                brackets = savedBrackets;
                ints.truncate(intsMark);
                commitFailure();
                recover(before);
            } catch (StackOverflowError overflow) {
                // The nesting limits keep recursion within the default thread stack; a smaller
                // stack still gets an error instead of a crash.
                resetStack(stackMark);
                depth = savedDepth;
                brackets = savedBrackets;
                ints.truncate(intsMark);
                clearFailure();
                noteFirstError();
                errors.add(Positions.syntaxError(source, file.charColumns(), STACK_OVERFLOW, sb(before), eb(before)));
                recover(before);
            }
            if (pos <= before) {
                // Every statement and every recovery consumes a token; should a bug break that,
                // tests fail on the assertion and a parse still ends.
                assert false : "parser made no progress at token " + before;
                pos = before + 1;
            }
        }
        return popList(m);
    }

    /** Skips the rest of a failed statement: to the end of its line, and any block that follows. */
    private void recover(int before) {
        if (pos < before) {
            pos = before;
        }
        while (true) {
            TokenKind k = kinds[pos];
            if (k == ENDMARKER) {
                break;
            }
            if (k == NEWLINE) {
                pos++;
                break;
            }
            if ((k == DEDENT || k == INDENT) && pos > before) {
                break;
            }
            pos++;
        }
        if (kinds[pos] == INDENT) {
            int level = 0;
            do {
                TokenKind k = kinds[pos];
                if (k == INDENT) {
                    level++;
                } else if (k == DEDENT) {
                    level--;
                }
                pos++;
            } while (level > 0 && kinds[pos] != ENDMARKER);
        }
        if (pos == before && kinds[pos] != ENDMARKER) {
            pos++;
        }
    }

    /** One statement; pushes the statements it produces. */
    private void statement() {
        switch (kinds[pos]) {
            case DEF:
                push(functionDef(List.of(), pos));
                return;
            case CLASS:
                push(classDef(List.of(), pos));
                return;
            case AT:
                push(decorated());
                return;
            case IF:
                push(ifStatement());
                return;
            case WHILE:
                push(whileStatement());
                return;
            case FOR:
                push(forStatement(pos, pos));
                return;
            case WITH:
                push(withStatement(pos, pos));
                return;
            case TRY:
                push(tryStatement());
                return;
            case ASYNC: {
                TokenKind next = kinds[pos + 1];
                if (next == DEF) {
                    push(functionDef(List.of(), pos));
                    return;
                }
                if (next == WITH) {
                    push(withStatement(pos, pos + 1));
                    return;
                }
                if (next == FOR) {
                    push(forStatement(pos, pos + 1));
                    return;
                }
                throw invalidSyntaxAt(pos + 1);
            }
            case INDENT:
                unexpectedIndent();
                return;
            case NAME:
                if (isName(pos, "match") && version.minor() >= 10) {
                    if (matchStatement()) {
                        return;
                    }
                    if (deferredMessage != null) {
                        // CPython tries the match statement first: its error wins if the line is
                        // no simple statement either.
                        String message = deferredMessage;
                        int start = deferredStart;
                        int end = deferredEnd;
                        deferredMessage = null;
                        try {
                            simpleStatements();
                        } catch (ParseFailure failure) {
                            clearFailure();
                            throw fail(message, start, end);
                        }
                        return;
                    }
                }
                simpleStatements();
                return;
            default:
                simpleStatements();
        }
    }

    /** An indented block where none may start: reported, and its statements kept. */
    private void unexpectedIndent() {
        int at = pos;
        commitFailure();
        noteFirstError();
        errors.add(cursorError("unexpected indent", sb(at)));
        pos++;
        enter(5);
        List<stmt> inner = statements(false);
        leave(5);
        if (kinds[pos] == DEDENT) {
            pos++;
        }
        for (stmt s : inner) {
            push(s);
        }
    }

    /** {@code simple_stmts}: simple statements separated by ';' up to NEWLINE. */
    private void simpleStatements() {
        while (true) {
            int s = pos;
            push(simpleStatement());
            TokenKind k = kinds[pos];
            if (k == SEMI) {
                pos++;
                if (kinds[pos] == NEWLINE) {
                    pos++;
                    return;
                }
                if (kinds[pos] == ENDMARKER) {
                    return;
                }
                continue;
            }
            if (k == NEWLINE) {
                pos++;
                return;
            }
            if (k == ENDMARKER) {
                return;
            }
            throw unexpectedAfterStatement(s);
        }
    }

    /** The error for a token that follows a complete simple statement on its line. */
    private ParseFailure unexpectedAfterStatement(int s) {
        if (startsStarExpression(kinds[s]) && lastTopLevelElement(s, pos) > s && startsExpression(kinds[pos])) {
            ParseFailure named = namedExpressionAfterTuple();
            if (named != null) {
                return named;
            }
        }
        if ((isName(s, "print") || isName(s, "exec")) && pos == s + 1 && startsStarExpression(kinds[pos])) {
            ParseFailure legacy = probe(() -> {
                starExpressions();
                String name = nameText(s);
                return fail("Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?", sb(s),
                        eb(last()));
            });
            if (legacy != null) {
                return legacy;
            }
        }
        return invalidSyntax();
    }

    /**
     * CPython's second pass reads a statement that starts {@code a, ...} as
     * {@code star_named_expression ',' star_named_expressions*} (for "only single target"), which
     * lets a further named expression follow without a comma; that one gets the named-expression
     * messages.
     */
    private ParseFailure namedExpressionAfterTuple() {
        int start = pos;
        return probe(() -> {
            if (kinds[start] == NAME && kinds[start + 1] == COLONEQUAL) {
                return null;
            }
            expr a = expression();
            if (kinds[pos] == COLONEQUAL) {
                pos++;
                expression();
                return failAtNode("cannot use assignment expressions with " + exprName(a), a);
            }
            return kinds[pos] == EQUAL ? assignmentHint(start, pos) : null;
        });
    }

    private stmt simpleStatement() {
        int s = pos;
        switch (kinds[pos]) {
            case RETURN: {
                pos++;
                expr v = startsStarExpression(kinds[pos]) ? starExpressions() : null;
                int e = last();
                return new Return(v, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            }
            case IMPORT:
                return importName();
            case FROM:
                return importFrom();
            case RAISE:
                return raiseStatement();
            case PASS:
                pos++;
                return new Pass(sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
            case BREAK:
                pos++;
                return new Break(sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
            case CONTINUE:
                pos++;
                return new Continue(sl(s), sc(s), el(s), ec(s), sb(s), eb(s));
            case DEL:
                return deleteStatement();
            case YIELD: {
                expr y = yieldExpression();
                if (kinds[pos] == EQUAL) {
                    throw failAtNode("assignment to yield expression not possible", y);
                }
                int e = last();
                return new Expr(y, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
            }
            case ASSERT:
                return assertStatement();
            case GLOBAL:
            case NONLOCAL:
                return globalOrNonlocal();
            case NAME:
                if (kinds[pos + 1] == NAME && isName(pos, "type") && version.minor() >= 12) {
                    TokenKind k = kinds[pos + 2];
                    if (k == EQUAL || k == LSQB) {
                        return typeAlias();
                    }
                }
                return expressionStatement();
            default:
                return expressionStatement();
        }
    }

    // ---- assignments and expression statements

    private stmt expressionStatement() {
        int s = pos;
        expr first = starExpressions();
        TokenKind k = kinds[pos];
        if (k == EQUAL) {
            return assignment(s, first);
        }
        if (k == COLON) {
            return annotatedAssignment(s, first);
        }
        operator aug = AUGMENTED[k.ordinal()];
        if (aug != null) {
            return augmentedAssignment(s, first, aug);
        }
        if (k == COLONEQUAL) {
            throw walrusAtStatementLevel(s);
        }
        int e = last();
        return new Expr(first, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** {@code (star_targets '=')+ (yield_expr | star_expressions)}. */
    private stmt assignment(int s, expr first) {
        int m = mark();
        expr target = first;
        int firstEqual = pos;
        while (kinds[pos] == EQUAL) {
            expr t = withContext(target, expr_context.Store);
            if (t == null) {
                throw invalidAssignmentTarget(target, s, firstEqual);
            }
            push(t);
            pos++;
            target = annotatedRhs();
        }
        int e = last();
        return new Assign(popList(m), target, null, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /**
     * ':=' after an expression statement: CPython's second pass reads the last element as a named
     * expression; unless it is a plain name, it names what cannot be assigned.
     */
    private ParseFailure walrusAtStatementLevel(int s) {
        int walrus = pos;
        int element = lastTopLevelElement(s, walrus);
        if (!(kinds[element] == NAME && element + 1 == walrus) && kinds[element] != STAR) {
            ParseFailure named = probe(() -> {
                pos = element;
                expr a = expression();
                if (pos != walrus) {
                    return null;
                }
                pos++;
                expression();
                return failAtNode("cannot use assignment expressions with " + exprName(a), a);
            });
            if (named != null) {
                return named;
            }
        }
        return invalidSyntaxAt(walrus);
    }

    /** {@code yield_expr | star_expressions}. */
    private expr annotatedRhs() {
        return kinds[pos] == YIELD ? yieldExpression() : starExpressions();
    }

    /**
     * An assignment with a target that cannot be assigned. CPython's second pass first reads the
     * statement's start as named expressions: the expression just before the first '=' (the
     * first target, or the last element of a tuple without parentheses) gets the "Maybe you meant
     * '=='" messages if it fits them.
     */
    private ParseFailure invalidAssignmentTarget(expr target, int start, int firstEqual) {
        int candidate = lastTopLevelElement(start, firstEqual);
        if (kinds[candidate] != STAR) {
            ParseFailure hint = assignmentHint(candidate, firstEqual);
            if (hint != null) {
                return hint;
            }
        }
        if (target instanceof Yield || target instanceof YieldFrom) {
            return failAtNode("assignment to yield expression not possible", target);
        }
        return invalidTargetFailure(target, STAR_TARGETS);
    }

    private ParseFailure invalidTargetFailure(expr target, int targetsType) {
        expr invalid = invalidTarget(target, targetsType);
        if (invalid == null) {
            return invalidSyntax();
        }
        String verb = targetsType == DEL_TARGETS ? "cannot delete " : "cannot assign to ";
        return failAtNode(verb + exprName(invalid), invalid);
    }

    private stmt annotatedAssignment(int s, expr target) {
        int colon = pos;
        int simple = 0;
        if (target instanceof Name) {
            simple = target.bstart() == sb(s) ? 1 : 0;
        } else if (!(target instanceof Attribute) && !(target instanceof Subscript)) {
            throw invalidAnnotationTarget(s, colon, target);
        }
        pos++;
        expr annotation = expression();
        expr value = null;
        if (kinds[pos] == EQUAL) {
            pos++;
            value = annotatedRhs();
        }
        int e = last();
        return new AnnAssign(withContext(target, expr_context.Store), annotation, value, simple, sl(s), sc(s), el(e),
                ec(e), sb(s), eb(e));
    }

    /** The first token after the last comma outside brackets in {@code [from, to)}. */
    private int lastTopLevelElement(int from, int to) {
        int level = 0;
        int element = from;
        for (int i = from; i < to; i++) {
            TokenKind k = kinds[i];
            if (k == LPAR || k == LSQB || k == TokenKind.LBRACE) {
                level++;
            } else if (k == RPAR || k == RSQB || k == TokenKind.RBRACE) {
                level--;
            } else if (k == COMMA && level == 0 && i + 1 < to) {
                element = i + 1;
            }
        }
        return element;
    }

    /** CPython's messages for a target that cannot be annotated; they need the annotation to parse. */
    private ParseFailure invalidAnnotationTarget(int s, int colon, expr target) {
        ParseFailure specific = probe(() -> {
            pos = colon + 1;
            expression();
            if (target instanceof Tuple t) {
                boolean parenthesized = kinds[s] == LPAR && closingBracket(s) == colon - 1;
                return parenthesized || t.elts().isEmpty()
                        ? failAtNode("only single target (not tuple) can be annotated", t)
                        : failAtNode("only single target (not tuple) can be annotated", t.elts().get(0));
            }
            if (target instanceof io.codeanatomy.python.syntax.ast.List) {
                return failAtNode("only single target (not list) can be annotated", target);
            }
            return failAtNode("illegal target for annotation", target);
        });
        return specific != null ? specific : invalidSyntaxAt(colon);
    }

    private stmt augmentedAssignment(int s, expr target, operator op) {
        if (!(target instanceof Name) && !(target instanceof Attribute) && !(target instanceof Subscript)) {
            throw failAtNode("'" + exprName(target) + "' is an illegal expression for augmented assignment", target);
        }
        pos++;
        expr value = annotatedRhs();
        int e = last();
        return new AugAssign(withContext(target, expr_context.Store), op, value, sl(s), sc(s), el(e), ec(e), sb(s),
                eb(e));
    }

    // ---- other simple statements

    private stmt deleteStatement() {
        int s = pos++;
        int m = mark();
        while (true) {
            expr t = starExpression();
            push(toTarget(t, expr_context.Del, DEL_TARGETS));
            if (kinds[pos] != COMMA) {
                break;
            }
            pos++;
            if (!startsStarExpression(kinds[pos])) {
                break;
            }
        }
        if (kinds[pos] != SEMI && kinds[pos] != NEWLINE && kinds[pos] != ENDMARKER) {
            throw invalidSyntax();
        }
        int e = last();
        return new Delete(popList(m), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private stmt raiseStatement() {
        int s = pos++;
        expr exc = null;
        expr cause = null;
        if (startsExpression(kinds[pos])) {
            exc = expression();
            if (kinds[pos] == FROM) {
                pos++;
                cause = expression();
            }
        }
        int e = last();
        return new Raise(exc, cause, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private stmt assertStatement() {
        int s = pos++;
        expr test = expression();
        expr msg = null;
        if (kinds[pos] == COMMA) {
            pos++;
            msg = expression();
        }
        int e = last();
        return new Assert(test, msg, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private stmt globalOrNonlocal() {
        int s = pos;
        boolean global = kinds[pos] == GLOBAL;
        pos++;
        int m = mark();
        while (true) {
            if (kinds[pos] != NAME) {
                throw invalidSyntax();
            }
            push(nameText(pos++));
            if (kinds[pos] != COMMA) {
                break;
            }
            pos++;
        }
        int e = last();
        List<String> names = popList(m);
        return global ? new Global(names, sl(s), sc(s), el(e), ec(e), sb(s), eb(e))
                : new Nonlocal(names, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private stmt importName() {
        int s = pos++;
        int m = mark();
        while (true) {
            int a = pos;
            push(alias(a, dottedName()));
            if (kinds[pos] != COMMA) {
                break;
            }
            pos++;
        }
        int e = last();
        return new Import(popList(m), sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** An alias for {@code name} (read from token {@code a} on), with its optional {@code 'as' NAME}. */
    private alias alias(int a, String name) {
        String asname = null;
        if (kinds[pos] == AS) {
            pos++;
            if (kinds[pos] != NAME) {
                throw invalidSyntax();
            }
            asname = nameText(pos++);
        }
        int e = last();
        return new alias(name, asname, sl(a), sc(a), el(e), ec(e), sb(a), eb(e));
    }

    /** {@code dotted_name}, joined with dots. */
    private String dottedName() {
        if (kinds[pos] != NAME) {
            throw invalidSyntax();
        }
        String first = nameText(pos++);
        if (kinds[pos] != DOT) {
            return first;
        }
        StringBuilder b = new StringBuilder(first);
        while (kinds[pos] == DOT) {
            pos++;
            if (kinds[pos] != NAME) {
                throw invalidSyntax();
            }
            b.append('.').append(nameText(pos++));
        }
        return b.toString();
    }

    private stmt importFrom() {
        int s = pos++;
        int level = 0;
        while (kinds[pos] == DOT || kinds[pos] == ELLIPSIS) {
            level += kinds[pos] == DOT ? 1 : 3;
            pos++;
        }
        String module = null;
        if (kinds[pos] == NAME) {
            module = dottedName();
        } else if (level == 0) {
            throw invalidSyntax();
        }
        if (kinds[pos] != IMPORT) {
            throw invalidSyntax();
        }
        pos++;
        List<alias> names;
        if (kinds[pos] == STAR) {
            int a = pos++;
            names = listOf(new alias("*", null, sl(a), sc(a), el(a), ec(a), sb(a), eb(a)));
        } else if (kinds[pos] == LPAR) {
            pos++;
            openBracket();
            names = importFromNames(true);
            closeBracket(RPAR);
        } else {
            names = importFromNames(false);
        }
        int e = last();
        return new ImportFrom(module, names, level, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private List<alias> importFromNames(boolean parenthesized) {
        int m = mark();
        while (true) {
            if (kinds[pos] != NAME) {
                throw invalidSyntax();
            }
            int a = pos;
            push(alias(a, nameText(pos++)));
            if (kinds[pos] != COMMA) {
                break;
            }
            pos++;
            if (kinds[pos] != NAME) {
                if (parenthesized && kinds[pos] == RPAR) {
                    break;
                }
                if (!parenthesized && kinds[pos] == NEWLINE) {
                    throw fail("trailing comma not allowed without surrounding parentheses", sb(pos), eb(pos));
                }
                throw invalidSyntax();
            }
        }
        return popList(m);
    }

    // ---- type aliases and type parameters (3.12)

    private stmt typeAlias() {
        int s = pos++;
        int n = pos++;
        Name name = new Name(nameText(n), expr_context.Store, sl(n), sc(n), el(n), ec(n), sb(n), eb(n));
        List<type_param> params = kinds[pos] == LSQB ? typeParams() : List.of();
        if (kinds[pos] != EQUAL) {
            throw invalidSyntax();
        }
        pos++;
        expr value = expression();
        int e = last();
        return new TypeAlias(name, params, value, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** {@code type_params: '[' type_param_seq ']'}. */
    private List<type_param> typeParams() {
        pos++;
        openBracket();
        if (kinds[pos] == RSQB) {
            throw fail("Type parameter list cannot be empty", sb(pos), eb(pos));
        }
        int m = mark();
        while (kinds[pos] != RSQB) {
            push(typeParam());
            if (kinds[pos] != COMMA) {
                break;
            }
            pos++;
        }
        closeBracket(RSQB);
        return popList(m);
    }

    private type_param typeParam() {
        int s = pos;
        TokenKind k = kinds[pos];
        if (k == STAR || k == DOUBLESTAR) {
            pos++;
        }
        if (kinds[pos] != NAME) {
            throw invalidSyntax();
        }
        String name = nameText(pos++);
        if (k == NAME) {
            expr bound = null;
            if (kinds[pos] == COLON) {
                pos++;
                bound = expression();
            }
            expr dflt = typeParamDefault(false);
            int e = last();
            return new TypeVar(name, bound, dflt, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        String kindName = k == STAR ? "TypeVarTuple" : "ParamSpec";
        if (kinds[pos] == COLON) {
            int colon = pos++;
            expr bound = expression();
            throw fail(bound instanceof Tuple ? "cannot use constraints with " + kindName
                    : "cannot use bound with " + kindName, sb(colon), bound.bend());
        }
        expr dflt = typeParamDefault(k == STAR);
        int e = last();
        return k == STAR ? new TypeVarTuple(name, dflt, sl(s), sc(s), el(e), ec(e), sb(s), eb(e))
                : new ParamSpec(name, dflt, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private expr typeParamDefault(boolean starred) {
        if (kinds[pos] != EQUAL) {
            return null;
        }
        if (version.minor() < 13) {
            throw invalidSyntax();
        }
        pos++;
        return starred ? starExpression() : expression();
    }

    // ---- blocks

    /**
     * {@code block}: an indented block after NEWLINE, or simple statements on the same line.
     *
     * @param what    how CPython names the statement in "expected an indented block after ..."
     * @param keyword the token whose line that message cites
     */
    private List<stmt> block(String what, int keyword) {
        if (kinds[pos] == NEWLINE) {
            if (kinds[pos + 1] != INDENT) {
                pos++;
                throw failAtToken("expected an indented block after " + what + " on line " + sl(keyword), pos);
            }
            pos += 2;
            enter(5);
            List<stmt> body = statements(false);
            leave(5);
            if (kinds[pos] == DEDENT) {
                pos++;
            }
            return body;
        }
        int m = mark();
        simpleStatements();
        return popList(m);
    }

    /** The ':' of a compound statement header; NEWLINE instead gets CPython's "expected ':'". */
    private void colon() {
        if (kinds[pos] == COLON) {
            pos++;
            return;
        }
        if (kinds[pos] == NEWLINE) {
            throw fail("expected ':'", sb(pos), eb(pos));
        }
        throw invalidSyntax();
    }

    /** A ':' that CPython forces ({@code &&':'}): anything else is "expected ':'". */
    private void forcedColon() {
        if (kinds[pos] == COLON) {
            pos++;
            return;
        }
        throw failAtToken("expected ':'", pos);
    }

    private List<stmt> elseBlock() {
        int s = pos++;
        forcedColon();
        return block("'else' statement", s);
    }

    // ---- compound statements

    private stmt ifStatement() {
        int s = pos++;
        expr test = namedExpression();
        colon();
        List<stmt> body = block("'if' statement", s);
        if (kinds[pos] != ELIF) {
            List<stmt> orelse = kinds[pos] == ELSE ? elseBlock() : List.of();
            int e = last();
            return new If(test, body, orelse, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
        }
        // An elif chain nests to the right; it is collected first and folded from its end.
        int base = mark();
        int ib = ints.size();
        while (kinds[pos] == ELIF) {
            int es = pos++;
            enter(1);
            expr t = namedExpression();
            colon();
            List<stmt> b = block("'elif' statement", es);
            push(t);
            push(b);
            ints.push(es);
        }
        List<stmt> orelse = kinds[pos] == ELSE ? elseBlock() : List.of();
        int e = last();
        int n = ints.size() - ib;
        leave(n);
        for (int i = n - 1; i >= 0; i--) {
            int es = ints.pop();
            expr t = stackAt(base + 2 * i);
            List<stmt> b = stackAt(base + 2 * i + 1);
            orelse = listOf(new If(t, b, orelse, sl(es), sc(es), el(e), ec(e), sb(es), eb(e)));
        }
        resetStack(base);
        return new If(test, body, orelse, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private stmt whileStatement() {
        int s = pos++;
        expr test = namedExpression();
        colon();
        List<stmt> body = block("'while' statement", s);
        List<stmt> orelse = kinds[pos] == ELSE ? elseBlock() : List.of();
        int e = last();
        return new While(test, body, orelse, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** {@code ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block]}. */
    private stmt forStatement(int s, int forToken) {
        pos = forToken + 1;
        expr target = starTargets(FOR_TARGETS);
        if (kinds[pos] != IN) {
            throw invalidSyntax();
        }
        pos++;
        expr iter = starExpressions();
        colon();
        List<stmt> body = block("'for' statement", forToken);
        List<stmt> orelse = kinds[pos] == ELSE ? elseBlock() : List.of();
        int e = last();
        return s == forToken
                ? new For(target, iter, body, orelse, null, sl(s), sc(s), el(e), ec(e), sb(s), eb(e))
                : new AsyncFor(target, iter, body, orelse, null, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** {@code ['async'] 'with' ...}: the parenthesized form first (3.9+), then the plain one. */
    private stmt withStatement(int s, int withToken) {
        pos = withToken + 1;
        List<withitem> items = null;
        if (kinds[pos] == LPAR && version.minor() >= 9) {
            checkpoint();
            try {
                pos++;
                openBracket();
                int m = mark();
                while (true) {
                    push(withItem());
                    if (kinds[pos] != COMMA) {
                        break;
                    }
                    pos++;
                    if (kinds[pos] == RPAR) {
                        break;
                    }
                }
                closeBracket(RPAR);
                if (kinds[pos] != COLON) {
                    throw invalidSyntax();
                }
                items = popList(m);
            } catch (ParseFailure notParenthesized) {
                deferredMessage = GENERIC.equals(pendingMessage()) ? null : pendingMessage();
                deferredStart = pendingStart();
                deferredEnd = pendingEnd();
                restore();
            }
        }
        if (items == null) {
            String message = deferredMessage;
            deferredMessage = null;
            int m = mark();
            try {
                while (true) {
                    push(withItem());
                    if (kinds[pos] != COMMA) {
                        break;
                    }
                    pos++;
                }
                if (kinds[pos] != COLON) {
                    colon();
                }
            } catch (ParseFailure failure) {
                if (message != null) {
                    // CPython's second pass meets the parenthesized form's error first.
                    clearFailure();
                    throw fail(message, deferredStart, deferredEnd);
                }
                throw failure;
            }
            items = popList(m);
        }
        colon();
        List<stmt> body = block("'with' statement", withToken);
        int e = last();
        return s == withToken ? new With(items, body, null, sl(s), sc(s), el(e), ec(e), sb(s), eb(e))
                : new AsyncWith(items, body, null, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    /** {@code with_item: expression ['as' star_target &(',' | ')' | ':')]}. */
    private withitem withItem() {
        expr e = expression();
        if (kinds[pos] != AS) {
            return new withitem(e, null);
        }
        pos++;
        int targetStart = pos;
        expr target = kinds[pos] == STAR ? starTargetExpression() : expression();
        TokenKind k = kinds[pos];
        if (k != COMMA && k != RPAR && k != COLON) {
            throw expectedCommaOrClose(targetStart);
        }
        return new withitem(e, toTarget(target, expr_context.Store, STAR_TARGETS));
    }

    private stmt tryStatement() {
        int s = pos++;
        forcedColon();
        List<stmt> body = block("'try' statement", s);
        int m = mark();
        int star = -1;
        while (kinds[pos] == EXCEPT) {
            int hs = pos++;
            boolean isStar = kinds[pos] == STAR;
            if (isStar) {
                pos++;
            }
            if (star >= 0 && (star == 1) != isStar) {
                throw fail("cannot have both 'except' and 'except*' on the same 'try'", sb(hs),
                        eb(isStar ? hs + 1 : hs));
            }
            if (isStar && version.minor() < 11) {
                throw invalidSyntaxAt(hs + 1);
            }
            star = isStar ? 1 : 0;
            push(exceptHandler(hs, isStar));
        }
        List<excepthandler> handlers = popList(m);
        List<stmt> orelse = List.of();
        if (kinds[pos] == ELSE && !handlers.isEmpty()) {
            orelse = elseBlock();
        }
        List<stmt> finalbody = List.of();
        if (kinds[pos] == FINALLY) {
            int f = pos++;
            forcedColon();
            finalbody = block("'finally' statement", f);
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw failAtToken("expected 'except' or 'finally' block", pos);
        }
        int e = last();
        return star == 1 ? new TryStar(body, handlers, orelse, finalbody, sl(s), sc(s), el(e), ec(e), sb(s), eb(e))
                : new Try(body, handlers, orelse, finalbody, sl(s), sc(s), el(e), ec(e), sb(s), eb(e));
    }

    private excepthandler exceptHandler(int hs, boolean isStar) {
        expr type = null;
        String name = null;
        if (kinds[pos] == NEWLINE && !isStar) {
            throw fail("expected ':'", sb(pos), eb(pos));
        }
        if (kinds[pos] != COLON) {
            if (kinds[pos] == NEWLINE && isStar) {
                throw fail("expected one or more exception types", sb(pos), eb(pos));
            }
            int ts = pos;
            type = expression();
            if (kinds[pos] == COMMA) {
                int m = mark();
                push(type);
                while (kinds[pos] == COMMA) {
                    pos++;
                    if (!startsExpression(kinds[pos])) {
                        break;
                    }
                    push(expression());
                }
                int e = last();
                type = new Tuple(popList(m), expr_context.Load, sl(ts), sc(ts), el(e), ec(e), sb(ts), eb(e));
                if (version.minor() < 14 || kinds[pos] == AS) {
                    String message = kinds[pos] == AS && version.minor() >= 14
                            ? "multiple exception types must be parenthesized when using 'as'"
                            : "multiple exception types must be parenthesized";
                    throw fail(message, sb(ts), eb(e));
                }
            } else if (kinds[pos] == AS) {
                pos++;
                if (kinds[pos] != NAME) {
                    throw invalidSyntax();
                }
                name = nameText(pos++);
            }
        } else if (isStar) {
            throw fail("expected one or more exception types", sb(pos), eb(pos));
        }
        colon();
        List<stmt> body = block(isStar ? "'except*' statement" : "'except' statement", hs);
        int e = last();
        return new ExceptHandler(type, name, body, sl(hs), sc(hs), el(e), ec(e), sb(hs), eb(e));
    }

    private stmt decorated() {
        int m = mark();
        while (kinds[pos] == AT) {
            pos++;
            if (version.minor() < 9) {
                checkDecoratorBefore39();
            }
            push(namedExpression());
            if (kinds[pos] != NEWLINE) {
                throw invalidSyntax();
            }
            pos++;
        }
        List<expr> decorators = popList(m);
        TokenKind k = kinds[pos];
        if (k == DEF || (k == ASYNC && kinds[pos + 1] == DEF)) {
            return functionDef(decorators, pos);
        }
        if (k == CLASS) {
            return classDef(decorators, pos);
        }
        throw invalidSyntaxAt(k == ASYNC ? pos + 1 : pos);
    }

    /**
     * Before 3.9 (PEP 614) a decorator is {@code dotted_name ['(' [arglist] ')'] NEWLINE}; the
     * first token that leaves that shape is where CPython 3.8 reports invalid syntax.
     */
    private void checkDecoratorBefore39() {
        int i = pos;
        if (kinds[i] != NAME) {
            throw invalidSyntaxAt(i);
        }
        i++;
        while (kinds[i] == DOT) {
            if (kinds[i + 1] != NAME) {
                throw invalidSyntaxAt(i + 1);
            }
            i += 2;
        }
        if (kinds[i] == LPAR) {
            int close = closingBracket(i);
            if (close < 0) {
                return;
            }
            i = close + 1;
        }
        if (kinds[i] != NEWLINE) {
            throw invalidSyntaxAt(i);
        }
    }

    /** {@code ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' block}. */
    private stmt functionDef(List<expr> decorators, int s) {
        boolean async = kinds[s] == ASYNC;
        int def = async ? s + 1 : s;
        pos = def + 1;
        if (kinds[pos] != NAME) {
            throw invalidSyntax();
        }
        String name = nameText(pos++);
        List<type_param> typeParams = kinds[pos] == LSQB && version.minor() >= 12 ? typeParams() : List.of();
        if (kinds[pos] != LPAR) {
            throw failAtToken("expected '('", pos);
        }
        pos++;
        openBracket();
        arguments args = kinds[pos] == RPAR ? NO_ARGUMENTS : parameters(false);
        closeBracket(RPAR);
        expr returns = null;
        if (kinds[pos] == RARROW) {
            int arrow = pos++;
            if (!startsExpression(kinds[pos])) {
                throw failAtToken("expected ':'", arrow);
            }
            returns = expression();
        }
        forcedColon();
        List<stmt> body = block("function definition", def);
        int e = last();
        return async
                ? new AsyncFunctionDef(name, args, body, decorators, returns, null, typeParams, sl(s), sc(s), el(e),
                        ec(e), sb(s), eb(e))
                : new FunctionDef(name, args, body, decorators, returns, null, typeParams, sl(s), sc(s), el(e), ec(e),
                        sb(s), eb(e));
    }

    /** {@code 'class' NAME [type_params] ['(' [arguments] ')'] ':' block}. */
    private stmt classDef(List<expr> decorators, int s) {
        pos = s + 1;
        if (kinds[pos] != NAME) {
            throw invalidSyntax();
        }
        String name = nameText(pos++);
        List<type_param> typeParams = kinds[pos] == LSQB && version.minor() >= 12 ? typeParams() : List.of();
        List<expr> bases = List.of();
        List<io.codeanatomy.python.syntax.ast.keyword> keywords = List.of();
        if (kinds[pos] == LPAR) {
            Call c = classArguments();
            bases = c.args();
            keywords = c.keywords();
        }
        colon();
        List<stmt> body = block("class definition", s);
        int e = last();
        return new ClassDef(name, bases, keywords, body, decorators, typeParams, sl(s), sc(s), el(e), ec(e), sb(s),
                eb(e));
    }

    // ---- match statement (3.10)

    /**
     * {@code "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT}. {@code match} is a soft
     * keyword: when the header does not parse, the statement is an ordinary one and this returns
     * false with the cursor unchanged.
     */
    private boolean matchStatement() {
        int s = pos;
        checkpoint();
        expr subject;
        try {
            pos++;
            subject = subjectExpression();
            if (kinds[pos] == NEWLINE) {
                throw fail("expected ':'", sb(pos), eb(pos));
            }
            if (kinds[pos] != COLON || kinds[pos + 1] != NEWLINE) {
                throw invalidSyntax();
            }
        } catch (ParseFailure notMatch) {
            deferredMessage = pendingMessage();
            deferredStart = pendingStart();
            deferredEnd = pendingEnd();
            if (GENERIC.equals(deferredMessage)) {
                deferredMessage = null;
            }
            restore();
            return false;
        }
        pos += 2;
        if (kinds[pos] != INDENT) {
            throw failAtToken("expected an indented block after 'match' statement on line " + sl(s), pos);
        }
        pos++;
        enter(5);
        int m = mark();
        while (isName(pos, "case")) {
            push(caseBlock());
        }
        if (m == mark() || kinds[pos] != DEDENT) {
            throw invalidSyntax();
        }
        leave(5);
        List<match_case> cases = popList(m);
        pos++;
        int e = last();
        push(new Match(subject, cases, sl(s), sc(s), el(e), ec(e), sb(s), eb(e)));
        return true;
    }

    /** {@code subject_expr: star_named_expression ',' star_named_expressions? | named_expression}. */
    private expr subjectExpression() {
        int s = pos;
        expr first = starNamedExpression();
        if (kinds[pos] == COMMA) {
            return tupleAfter(s, first, STAR_NAMED_EXPRESSION);
        }
        if (first instanceof Starred) {
            throw invalidSyntax();
        }
        return first;
    }

    private match_case caseBlock() {
        int s = pos++;
        pattern p = patterns();
        expr guard = null;
        if (kinds[pos] == IF) {
            pos++;
            guard = namedExpression();
        }
        colon();
        List<stmt> body = block("'case' statement", s);
        return new match_case(p, guard, body);
    }
}
