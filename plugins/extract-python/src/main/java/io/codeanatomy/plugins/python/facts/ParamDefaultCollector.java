package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AsyncFunctionDef;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.Lambda;
import io.codeanatomy.python.syntax.ast.arguments;
import io.codeanatomy.python.syntax.ast.expr;
import java.util.List;

/**
 * {@code py_param_defaults_v1}: each parameter's default expression. CPython's {@code arguments}
 * keeps positional defaults aligned to the last positional parameters and keyword-only defaults
 * one per keyword-only parameter (null where there is none), so the pairing is by position.
 */
final class ParamDefaultCollector implements FactCollector {
    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        if (scope.kind().isTypeScope()) {
            // A type scope's node is the generic definition (or a bound): its row comes with the definition's scope.
            return;
        }
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
        List<expr> defaults = args.defaults();
        List<expr> kwDefaults = args.kw_defaults();
        int positional = args.posonlyargs().size() + args.args().size();
        int firstDefault = positional - defaults.size();
        int keywordOnly = 0;
        for (Parameter p : scope.parameters()) {
            expr value = null;
            if (p.kind() == ParamKind.POSITIONAL_ONLY || p.kind() == ParamKind.REGULAR) {
                value = p.position() >= firstDefault ? defaults.get(p.position() - firstDefault) : null;
            } else if (p.kind() == ParamKind.KEYWORD_ONLY) {
                value = keywordOnly < kwDefaults.size() ? kwDefaults.get(keywordOnly) : null;
                keywordOnly++;
            }
            if (value != null) {
                context.emit(new ParamDefaultRow(context.id(IdKinds.PARAM_DEFAULT, value.bstart(), value.bend()),
                        value.bstart(), value.bend(), p.id(), scope.id(), context.exprId(value)));
            }
        }
    }
}
