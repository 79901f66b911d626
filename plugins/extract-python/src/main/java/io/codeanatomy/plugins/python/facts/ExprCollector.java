package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AnnAssign;
import io.codeanatomy.python.syntax.ast.Attribute;
import io.codeanatomy.python.syntax.ast.Await;
import io.codeanatomy.python.syntax.ast.Call;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.FormattedValue;
import io.codeanatomy.python.syntax.ast.Interpolation;
import io.codeanatomy.python.syntax.ast.JoinedStr;
import io.codeanatomy.python.syntax.ast.Name;
import io.codeanatomy.python.syntax.ast.NamedExpr;
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.Subscript;
import io.codeanatomy.python.syntax.ast.TemplateStr;
import io.codeanatomy.python.syntax.ast.Tuple;
import io.codeanatomy.python.syntax.ast.Yield;
import io.codeanatomy.python.syntax.ast.YieldFrom;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.stmt;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code py_exprs_v1}: one row per expression node, in the scope that evaluates it, except the
 * parts of f-strings and t-strings: their literal pieces, their {@code {...}} nodes
 * (FormattedValue, Interpolation) and the format specs inside them. CPython 3.11 gives those
 * the whole string's span, so they would share ids, and no value flows through them; the
 * expressions inside the braces do get rows.
 *
 * <p>A Name's row links to its {@code py_names_v1} row, which every Name has but the target of
 * {@code (x): int}: CPython's symbol table binds nothing there, so there is no occurrence.
 */
final class ExprCollector implements FactCollector {
    /** The f-string parts announced next in the current file; each is removed when it comes. */
    private final Set<expr> stringParts = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Names announced next in the current file that have no name occurrence. */
    private final Set<expr> unboundNames = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The file being walked, held weakly: the collector outlives it and must not keep its tree. */
    private WeakReference<WalkContext> file = new WeakReference<>(null);

    @Override
    public void statement(stmt s, WalkContext context) {
        if (s instanceof AnnAssign a && a.target() instanceof Name && a.simple() == 0 && a.value() == null) {
            startFile(context);
            unboundNames.add(a.target());
        }
    }

    private void startFile(WalkContext context) {
        if (context != file.get()) {
            // A new file: nodes left by a walk that stopped half-way belong to the old one.
            stringParts.clear();
            unboundNames.clear();
            file = new WeakReference<>(context);
        }
    }

    @Override
    public void expression(expr e, WalkContext context) {
        startFile(context);
        if (!stringParts.isEmpty() && stringParts.remove(e)) {
            skipParts(e);
            return;
        }
        if (e instanceof JoinedStr j) {
            stringParts.addAll(j.values());
        } else if (e instanceof TemplateStr t) {
            stringParts.addAll(t.values());
        }
        context.emit(row(e, !unboundNames.isEmpty() && unboundNames.remove(e), context));
    }

    /** A skipped part's own parts are skipped too: a format spec is an f-string of its own. */
    private void skipParts(expr part) {
        if (part instanceof FormattedValue f && f.format_spec() != null) {
            stringParts.add(f.format_spec());
        } else if (part instanceof Interpolation i && i.format_spec() != null) {
            stringParts.add(i.format_spec());
        } else if (part instanceof JoinedStr j) {
            stringParts.addAll(j.values());
        } else if (part instanceof TemplateStr t) {
            stringParts.addAll(t.values());
        }
    }

    private static ExprRow row(expr e, boolean unbound, WalkContext context) {
        ExprKind kind = ExprKind.of(e);
        NameContext ctx = null;
        String name = null;
        String attr = null;
        String base = null;
        String index = null;
        String value = null;
        ConstKind constKind = null;
        String constText = null;
        String ref = null;
        switch (kind) {
            case NAME -> {
                Name n = (Name) e;
                ctx = NameContext.of(n.ctx());
                name = n.id();
                ref = unbound ? null : context.id(IdKinds.NAME, n.bstart(), n.bend());
            }
            case ATTRIBUTE -> {
                Attribute a = (Attribute) e;
                ctx = NameContext.of(a.ctx());
                attr = a.attr();
                base = context.exprId(a.value());
            }
            case SUBSCRIPT -> {
                Subscript s = (Subscript) e;
                ctx = NameContext.of(s.ctx());
                base = context.exprId(s.value());
                index = context.exprId(s.slice());
                constKind = Constants.keyKind(s.slice());
                constText = Constants.keyText(s.slice());
            }
            case CALL -> {
                base = context.exprId(((Call) e).func());
                ref = context.id(IdKinds.CALL, e.bstart(), e.bend());
            }
            case CONST -> {
                Constant c = (Constant) e;
                constKind = Constants.kind(c);
                constText = Constants.text(c);
            }
            case TUPLE -> ctx = NameContext.of(((Tuple) e).ctx());
            case LIST -> ctx = NameContext.of(((io.codeanatomy.python.syntax.ast.List) e).ctx());
            case STARRED -> {
                Starred s = (Starred) e;
                ctx = NameContext.of(s.ctx());
                value = context.exprId(s.value());
            }
            case LAMBDA -> ref = context.id(IdKinds.DEF, e.bstart(), e.bend());
            case COMPREHENSION -> ref = context.id(IdKinds.COMPREHENSION, e.bstart(), e.bend());
            case AWAIT -> value = context.exprId(((Await) e).value());
            case YIELD -> {
                expr v = ((Yield) e).value();
                value = v == null ? null : context.exprId(v);
            }
            case YIELD_FROM -> value = context.exprId(((YieldFrom) e).value());
            case NAMED_EXPR -> value = context.exprId(((NamedExpr) e).value());
            default -> {
                // SET, DICT, IF_EXP, BOOL_OP and OTHER: their parts are rows of py_container_elements_v1
                // and py_expr_operands_v1, or of no interest to the flow.
            }
        }
        return new ExprRow(context.exprId(e), e.bstart(), e.bend(), kind, NodeTypes.of(e), context.scope().id(), ctx,
                name, attr, base, index, value, constKind, constText, ref);
    }
}
