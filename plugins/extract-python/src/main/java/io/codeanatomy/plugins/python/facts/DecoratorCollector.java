package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AsyncFunctionDef;
import io.codeanatomy.python.syntax.ast.Call;
import io.codeanatomy.python.syntax.ast.ClassDef;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.expr;
import java.util.List;

/**
 * {@code py_decorators_v2}: the decorators of each function and class, with the def they decorate,
 * in the scope that evaluates them (the definition's enclosing scope), and their expression rows.
 */
final class DecoratorCollector implements FactCollector {
    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        if (scope.kind().isTypeScope()) {
            // A type scope's node is the generic definition (or a bound): its row comes with the definition's scope.
            return;
        }
        List<expr> decorators;
        if (scope.node() instanceof FunctionDef f) {
            decorators = f.decorator_list();
        } else if (scope.node() instanceof AsyncFunctionDef f) {
            decorators = f.decorator_list();
        } else if (scope.node() instanceof ClassDef c) {
            decorators = c.decorator_list();
        } else {
            return;
        }
        for (int i = 0; i < decorators.size(); i++) {
            expr d = decorators.get(i);
            boolean isCall = d instanceof Call;
            context.emit(new DecoratorRow(context.id(IdKinds.DECORATOR, d.bstart(), d.bend()), d.bstart(), d.bend(),
                    scope.id(), i, context.text(d.bstart(), d.bend()),
                    DottedNames.of(isCall ? ((Call) d).func() : d), isCall, scope.outer().id(),
                    context.exprId(d)));
        }
    }
}
