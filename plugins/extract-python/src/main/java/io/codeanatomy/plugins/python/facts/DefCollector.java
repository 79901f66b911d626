package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AsyncFunctionDef;
import io.codeanatomy.python.syntax.ast.ClassDef;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.Expr;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.Lambda;
import io.codeanatomy.python.syntax.ast.Located;
import io.codeanatomy.python.syntax.ast.stmt;
import java.util.List;

/** {@code py_defs_v1}: one row per function, class and lambda, as its scope is entered. */
final class DefCollector implements FactCollector {
    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        if (scope.kind().isTypeScope()) {
            // A type scope's node is the generic definition (or a bound): its row comes with the definition's scope.
            return;
        }
        Scope outer = scope.outer();
        Located node = (Located) scope.node();
        DefRow row;
        if (node instanceof FunctionDef f) {
            row = row(scope, outer, node, DefKind.FUNCTION, f.name(), f.decorator_list().size(), false, f.body(), context);
        } else if (node instanceof AsyncFunctionDef f) {
            row = row(scope, outer, node, DefKind.ASYNC_FUNCTION, f.name(), f.decorator_list().size(), true, f.body(),
                    context);
        } else if (node instanceof ClassDef c) {
            row = row(scope, outer, node, DefKind.CLASS, c.name(), c.decorator_list().size(), false, c.body(), context);
        } else if (node instanceof Lambda) {
            row = row(scope, outer, node, DefKind.LAMBDA, "<lambda>", 0, false, List.of(), context);
        } else {
            return;
        }
        context.emit(row);
    }

    private static DefRow row(Scope scope, Scope outer, Located node, DefKind kind, String name, int decorators,
                              boolean async, List<stmt> body, WalkContext context) {
        return new DefRow(scope.id(), node.bstart(), node.bend(), kind, name, scope.nameBstart(), scope.nameBend(),
                scope.qualname(), outer.enclosingDefId(), outer.id(), decorators, async, hasDocstring(body),
                context.recovered(), kind == DefKind.LAMBDA && context.inAnnotation());
    }

    private static boolean hasDocstring(List<stmt> body) {
        return !body.isEmpty() && body.get(0) instanceof Expr e
                && e.value() instanceof Constant c && c.value() instanceof String;
    }
}
