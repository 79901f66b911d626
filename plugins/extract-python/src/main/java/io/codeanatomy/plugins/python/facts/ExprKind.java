package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.Attribute;
import io.codeanatomy.python.syntax.ast.Await;
import io.codeanatomy.python.syntax.ast.BoolOp;
import io.codeanatomy.python.syntax.ast.Call;
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
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.Subscript;
import io.codeanatomy.python.syntax.ast.Tuple;
import io.codeanatomy.python.syntax.ast.Yield;
import io.codeanatomy.python.syntax.ast.YieldFrom;
import io.codeanatomy.python.syntax.ast.expr;

/**
 * What an expression is to the value-flow analysis. The node types it tells apart are the ones
 * that create, name, move or take apart values; the rest (operators, comparisons, f-strings,
 * slices) are {@code OTHER}, their node type in {@code py_exprs_v1.node_type}.
 */
public enum ExprKind {
    NAME, ATTRIBUTE, SUBSCRIPT, CALL, LAMBDA, TUPLE, LIST, SET, DICT, STARRED,
    /** A list, set or dict comprehension or a generator expression. */
    COMPREHENSION,
    AWAIT, YIELD, YIELD_FROM, CONST, IF_EXP, BOOL_OP, NAMED_EXPR, OTHER;

    static ExprKind of(expr e) {
        if (e instanceof Name) {
            return NAME;
        } else if (e instanceof Attribute) {
            return ATTRIBUTE;
        } else if (e instanceof Call) {
            return CALL;
        } else if (e instanceof Constant) {
            return CONST;
        } else if (e instanceof Subscript) {
            return SUBSCRIPT;
        } else if (e instanceof Tuple) {
            return TUPLE;
        } else if (e instanceof io.codeanatomy.python.syntax.ast.List) {
            return LIST;
        } else if (e instanceof Dict) {
            return DICT;
        } else if (e instanceof Set) {
            return SET;
        } else if (e instanceof Starred) {
            return STARRED;
        } else if (e instanceof Lambda) {
            return LAMBDA;
        } else if (e instanceof ListComp || e instanceof SetComp || e instanceof DictComp || e instanceof GeneratorExp) {
            return COMPREHENSION;
        } else if (e instanceof Await) {
            return AWAIT;
        } else if (e instanceof Yield) {
            return YIELD;
        } else if (e instanceof YieldFrom) {
            return YIELD_FROM;
        } else if (e instanceof IfExp) {
            return IF_EXP;
        } else if (e instanceof BoolOp) {
            return BOOL_OP;
        } else if (e instanceof NamedExpr) {
            return NAMED_EXPR;
        }
        return OTHER;
    }
}
