package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AsyncFunctionDef;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.Lambda;
import io.codeanatomy.python.syntax.ast.arguments;

/** {@code py_params_v1}: the parameters of each function and lambda, as its scope is entered. */
final class ParamCollector implements FactCollector {
    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        arguments args;
        if (scope.node() instanceof FunctionDef f) {
            args = f.args();
        } else if (scope.node() instanceof AsyncFunctionDef f) {
            args = f.args();
        } else if (scope.node() instanceof Lambda l) {
            args = l.args();
        } else {
            return;
        }
        for (Parameter p : Parameter.of(args)) {
            context.emit(new ParamRow(context.id(IdKinds.PARAM, p.arg().bstart(), p.arg().bend()), p.arg().bstart(),
                    p.arg().bend(), scope.id(), p.arg().arg(), p.kind(), p.position(), p.hasDefault(),
                    p.arg().annotation() != null));
        }
    }
}
