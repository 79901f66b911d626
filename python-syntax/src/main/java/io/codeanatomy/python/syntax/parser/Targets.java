package io.codeanatomy.python.syntax.parser;

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
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.Subscript;
import io.codeanatomy.python.syntax.ast.Tuple;
import io.codeanatomy.python.syntax.ast.UnaryOp;
import io.codeanatomy.python.syntax.ast.Yield;
import io.codeanatomy.python.syntax.ast.YieldFrom;
import io.codeanatomy.python.syntax.ast.cmpop;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.expr_context;
import java.util.List;

/**
 * Assignment and deletion targets: CPython's {@code _PyPegen_set_expr_context} (an expression
 * parsed in Load context turned into a target), {@code _PyPegen_get_invalid_target} and
 * {@code _PyPegen_get_expr_name} for the messages about what cannot be a target.
 */
final class Targets {
    /** For messages, as CPython's {@code TARGETS_TYPE}. */
    static final int STAR_TARGETS = 0;
    static final int FOR_TARGETS = 1;
    static final int DEL_TARGETS = 2;

    private Targets() {
    }

    /** CPython's {@code _PyPegen_set_expr_context}, or null when the node cannot be a target. */
    static expr withContext(expr e, expr_context ctx) {
        if (e instanceof Name n) {
            return n.ctx() == ctx ? n
                    : new Name(n.id(), ctx, n.lineno(), n.col_offset(), n.end_lineno(), n.end_col_offset(),
                            n.bstart(), n.bend());
        }
        if (e instanceof Attribute a) {
            return new Attribute(a.value(), a.attr(), ctx, a.lineno(), a.col_offset(), a.end_lineno(),
                    a.end_col_offset(), a.bstart(), a.bend());
        }
        if (e instanceof Subscript s) {
            return new Subscript(s.value(), s.slice(), ctx, s.lineno(), s.col_offset(), s.end_lineno(),
                    s.end_col_offset(), s.bstart(), s.bend());
        }
        if (e instanceof Tuple t) {
            List<expr> elts = eltsWithContext(t.elts(), ctx);
            return elts == null ? null
                    : new Tuple(elts, ctx, t.lineno(), t.col_offset(), t.end_lineno(), t.end_col_offset(),
                            t.bstart(), t.bend());
        }
        if (e instanceof io.codeanatomy.python.syntax.ast.List l) {
            List<expr> elts = eltsWithContext(l.elts(), ctx);
            return elts == null ? null
                    : new io.codeanatomy.python.syntax.ast.List(elts, ctx, l.lineno(), l.col_offset(),
                            l.end_lineno(), l.end_col_offset(), l.bstart(), l.bend());
        }
        if (e instanceof Starred s && ctx != expr_context.Del) {
            expr v = withContext(s.value(), ctx);
            return v == null ? null
                    : new Starred(v, ctx, s.lineno(), s.col_offset(), s.end_lineno(), s.end_col_offset(),
                            s.bstart(), s.bend());
        }
        return null;
    }

    private static List<expr> eltsWithContext(List<expr> elts, expr_context ctx) {
        int n = elts.size();
        if (n == 0) {
            return elts;
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            expr c = withContext(elts.get(i), ctx);
            if (c == null) {
                return null;
            }
            out[i] = c;
        }
        return new NodeList<>(out);
    }

    /** CPython's {@code _PyPegen_get_invalid_target}. */
    static expr invalidTarget(expr e, int targetsType) {
        if (e instanceof Tuple t) {
            return firstInvalid(t.elts(), targetsType);
        }
        if (e instanceof io.codeanatomy.python.syntax.ast.List l) {
            return firstInvalid(l.elts(), targetsType);
        }
        if (e instanceof Starred s) {
            return targetsType == DEL_TARGETS ? e : invalidTarget(s.value(), targetsType);
        }
        if (e instanceof Compare c) {
            if (targetsType == FOR_TARGETS) {
                return c.ops().get(0) == cmpop.In ? invalidTarget(c.left(), targetsType) : null;
            }
            return e;
        }
        if (e instanceof Name || e instanceof Subscript || e instanceof Attribute) {
            return null;
        }
        return e;
    }

    private static expr firstInvalid(List<expr> elts, int targetsType) {
        for (expr child : elts) {
            expr invalid = invalidTarget(child, targetsType);
            if (invalid != null) {
                return invalid;
            }
        }
        return null;
    }

    /** CPython's {@code _PyPegen_get_expr_name}, for messages. */
    static String exprName(expr e) {
        if (e instanceof Constant c) {
            return constantName(c.value());
        }
        if (e instanceof Attribute) {
            return "attribute";
        }
        if (e instanceof Subscript) {
            return "subscript";
        }
        if (e instanceof Starred) {
            return "starred";
        }
        if (e instanceof Name) {
            return "name";
        }
        if (e instanceof io.codeanatomy.python.syntax.ast.List) {
            return "list";
        }
        if (e instanceof Tuple) {
            return "tuple";
        }
        if (e instanceof Lambda) {
            return "lambda";
        }
        if (e instanceof Call) {
            return "function call";
        }
        if (e instanceof BoolOp || e instanceof BinOp || e instanceof UnaryOp) {
            return "expression";
        }
        if (e instanceof GeneratorExp) {
            return "generator expression";
        }
        if (e instanceof Yield || e instanceof YieldFrom) {
            return "yield expression";
        }
        if (e instanceof Await) {
            return "await expression";
        }
        if (e instanceof ListComp) {
            return "list comprehension";
        }
        if (e instanceof SetComp) {
            return "set comprehension";
        }
        if (e instanceof DictComp) {
            return "dict comprehension";
        }
        if (e instanceof Dict) {
            return "dict literal";
        }
        if (e instanceof Set) {
            return "set display";
        }
        if (e instanceof io.codeanatomy.python.syntax.ast.JoinedStr
                || e instanceof io.codeanatomy.python.syntax.ast.FormattedValue) {
            return "f-string expression";
        }
        if (e instanceof io.codeanatomy.python.syntax.ast.TemplateStr
                || e instanceof io.codeanatomy.python.syntax.ast.Interpolation) {
            return "t-string expression";
        }
        if (e instanceof Compare) {
            return "comparison";
        }
        if (e instanceof IfExp) {
            return "conditional expression";
        }
        if (e instanceof NamedExpr) {
            return "named expression";
        }
        return "slice";
    }

    private static String constantName(Object value) {
        if (value == Singleton.NONE) {
            return "None";
        }
        if (value == Boolean.FALSE) {
            return "False";
        }
        if (value == Boolean.TRUE) {
            return "True";
        }
        if (value == Singleton.ELLIPSIS) {
            return "ellipsis";
        }
        return "literal";
    }
}
