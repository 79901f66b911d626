package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.Dict;
import io.codeanatomy.python.syntax.ast.DictComp;
import io.codeanatomy.python.syntax.ast.GeneratorExp;
import io.codeanatomy.python.syntax.ast.ListComp;
import io.codeanatomy.python.syntax.ast.Set;
import io.codeanatomy.python.syntax.ast.SetComp;
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.Tuple;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.expr_context;
import java.util.List;

/**
 * {@code py_container_elements_v1}: the elements of every tuple, list, set and dict display (an
 * unpacking target is a tuple or list in STORE context, so {@code a, (b, *c) = v} is described
 * by its rows and the nested tuple's), and the element each comprehension produces.
 */
final class ElementCollector implements FactCollector {
    @Override
    public void expression(expr e, WalkContext context) {
        if (e instanceof Tuple t) {
            sequence(e, ExprKind.TUPLE, t.ctx(), t.elts(), context);
        } else if (e instanceof io.codeanatomy.python.syntax.ast.List l) {
            sequence(e, ExprKind.LIST, l.ctx(), l.elts(), context);
        } else if (e instanceof Set s) {
            sequence(e, ExprKind.SET, expr_context.Load, s.elts(), context);
        } else if (e instanceof Dict d) {
            dict(d, context);
        } else if (e instanceof ListComp c) {
            produced(e, null, c.elt(), context);
        } else if (e instanceof SetComp c) {
            produced(e, null, c.elt(), context);
        } else if (e instanceof GeneratorExp c) {
            produced(e, null, c.elt(), context);
        } else if (e instanceof DictComp c) {
            produced(e, c.key(), c.value(), context);
        }
    }

    private static void sequence(expr container, ExprKind kind, expr_context ctx, List<expr> elts,
                                 WalkContext context) {
        int star = -1;
        for (int i = 0; i < elts.size(); i++) {
            if (elts.get(i) instanceof Starred) {
                star = i;
                break;
            }
        }
        String containerId = context.exprId(container);
        NameContext nameContext = NameContext.of(ctx);
        for (int i = 0; i < elts.size(); i++) {
            expr elt = elts.get(i);
            boolean starred = elt instanceof Starred;
            expr element = starred ? ((Starred) elt).value() : elt;
            context.emit(new ElementRow(context.id(IdKinds.ELEMENT, elt.bstart(), elt.bend()), elt.bstart(), elt.bend(),
                    containerId, kind, nameContext, context.exprId(element), i, null, null, null, starred, false,
                    elts.size(), star));
        }
    }

    private static void dict(Dict d, WalkContext context) {
        String containerId = context.exprId(d);
        int count = d.values().size();
        for (int i = 0; i < count; i++) {
            expr key = d.keys().get(i);
            expr value = d.values().get(i);
            context.emit(new ElementRow(context.id(IdKinds.ELEMENT, value.bstart(), value.bend()), value.bstart(),
                    value.bend(), containerId, ExprKind.DICT, NameContext.LOAD, context.exprId(value), i,
                    key == null ? null : context.exprId(key), key == null ? null : Constants.keyKind(key),
                    key == null ? null : Constants.keyText(key), false, key == null, count, -1));
        }
    }

    private static void produced(expr comprehension, expr key, expr value, WalkContext context) {
        context.emit(new ElementRow(context.id(IdKinds.ELEMENT, value.bstart(), value.bend()), value.bstart(),
                value.bend(), context.exprId(comprehension), ExprKind.COMPREHENSION, NameContext.LOAD,
                context.exprId(value), -1, key == null ? null : context.exprId(key),
                key == null ? null : Constants.keyKind(key), key == null ? null : Constants.keyText(key), false, false,
                1, -1));
    }
}
