package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.Call;
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.keyword;
import java.util.ArrayList;
import java.util.List;

/** {@code py_calls_v1}: one row per call, in the scope that evaluates it. */
final class CallCollector implements FactCollector {
    @Override
    public void expression(expr e, WalkContext context) {
        if (!(e instanceof Call c)) {
            return;
        }
        expr func = c.func();
        boolean starArgs = false;
        for (expr a : c.args()) {
            starArgs |= a instanceof Starred;
        }
        boolean starKwargs = false;
        List<String> keywordNames = new ArrayList<>(c.keywords().size());
        for (keyword k : c.keywords()) {
            if (k.arg() == null) {
                starKwargs = true;
            } else {
                keywordNames.add(k.arg());
            }
        }
        context.emit(new CallRow(context.id(IdKinds.CALL, c.bstart(), c.bend()), c.bstart(), c.bend(),
                context.scope().id(), context.text(func.bstart(), func.bend()), DottedNames.of(func), func.bstart(),
                func.bend(), c.args().size(), c.keywords().size(), keywordNames, starArgs, starKwargs));
    }
}
