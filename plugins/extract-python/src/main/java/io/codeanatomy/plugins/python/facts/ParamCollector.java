package io.codeanatomy.plugins.python.facts;

/** {@code py_params_v1}: the parameters of each function and lambda, as its scope is entered. */
final class ParamCollector implements FactCollector {
    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        for (Parameter p : scope.parameters()) {
            context.emit(new ParamRow(p.id(), p.arg().bstart(), p.arg().bend(), scope.id(), p.arg().arg(), p.kind(),
                    p.position(), p.hasDefault(), p.arg().annotation() != null));
        }
    }
}
