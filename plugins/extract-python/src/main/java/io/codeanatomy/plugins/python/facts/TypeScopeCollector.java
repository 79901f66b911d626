package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AsyncFunctionDef;
import io.codeanatomy.python.syntax.ast.ClassDef;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.Located;
import io.codeanatomy.python.syntax.ast.TypeAlias;
import io.codeanatomy.python.syntax.ast.arguments;
import io.codeanatomy.python.syntax.ast.expr;

/** {@code py_type_scopes_v1}: one row per 3.12+ scope, as it is entered (the walker chose its span). */
final class TypeScopeCollector implements FactCollector {
    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        if (!scope.kind().isTypeScope()) {
            return;
        }
        Located node = (Located) scope.node();
        String ownerId = null;
        String ownerKind = null;
        boolean kwDefaults = false;
        if (scope.kind() == ScopeKind.TYPE_PARAMETERS) {
            if (node instanceof TypeAlias) {
                ownerKind = "TYPE_ALIAS";
            } else {
                ownerId = context.id(IdKinds.DEF, node.bstart(), node.bend());
                ownerKind = node instanceof ClassDef ? "CLASS" : "FUNCTION";
                if (node instanceof FunctionDef f) {
                    kwDefaults = hasKwDefaults(f.args());
                } else if (node instanceof AsyncFunctionDef f) {
                    kwDefaults = hasKwDefaults(f.args());
                }
            }
        }
        context.emit(new TypeScopeRow(scope.id(), scope.nameBstart(), scope.nameBend(), scope.kind(), scope.typeScopeName(),
                scope.parent().id(), ownerId, ownerKind, kwDefaults, scope.seesClass()));
    }

    private static boolean hasKwDefaults(arguments args) {
        for (expr d : args.kw_defaults()) {
            if (d != null) {
                return true;
            }
        }
        return false;
    }
}
