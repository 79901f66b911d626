package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.Call;
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.keyword;

/** {@code py_call_args_v1}: every positional and keyword argument of every call, in source order. */
final class CallArgCollector implements FactCollector {
    @Override
    public void expression(expr e, WalkContext context) {
        if (!(e instanceof Call c)) {
            return;
        }
        String callId = context.id(IdKinds.CALL, c.bstart(), c.bend());
        for (int i = 0; i < c.args().size(); i++) {
            expr a = c.args().get(i);
            boolean star = a instanceof Starred;
            expr value = star ? ((Starred) a).value() : a;
            context.emit(new CallArgRow(context.id(IdKinds.CALL_ARG, a.bstart(), a.bend()), a.bstart(), a.bend(), callId,
                    context.exprId(value), i, null, star, false));
        }
        for (keyword k : c.keywords()) {
            context.emit(new CallArgRow(context.id(IdKinds.CALL_ARG, k.bstart(), k.bend()), k.bstart(), k.bend(), callId,
                    context.exprId(k.value()), -1, k.arg(), false, k.arg() == null));
        }
    }
}
