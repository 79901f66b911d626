package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.AnnAssign;
import io.codeanatomy.python.syntax.ast.AsyncFunctionDef;
import io.codeanatomy.python.syntax.ast.Constant;
import io.codeanatomy.python.syntax.ast.FunctionDef;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.stmt;

/**
 * {@code py_annotations_v1}: the annotations of parameters and returns, as the function's scope is
 * entered, and of annotated assignments.
 */
final class AnnotationCollector implements FactCollector {
    @Override
    public void scopeEntered(Scope scope, WalkContext context) {
        if (scope.kind().isTypeScope()) {
            // A type scope's node is the generic definition (or a bound): its row comes with the definition's scope.
            return;
        }
        expr returns;
        if (scope.node() instanceof FunctionDef f) {
            returns = f.returns();
        } else if (scope.node() instanceof AsyncFunctionDef f) {
            returns = f.returns();
        } else {
            return;
        }
        String outer = scope.parent().id();
        for (Parameter p : scope.parameters()) {
            if (p.arg().annotation() != null) {
                emit(AnnotationKind.PARAM, p.id(), scope.id(), outer, p.arg().annotation(), context);
            }
        }
        if (returns != null) {
            emit(AnnotationKind.RETURN, scope.id(), scope.id(), outer, returns, context);
        }
    }

    @Override
    public void statement(stmt s, WalkContext context) {
        if (s instanceof AnnAssign a) {
            emit(AnnotationKind.VARIABLE, context.exprId(a.target()), null, context.scope().id(), a.annotation(), context);
        }
    }

    private static void emit(AnnotationKind kind, String ownerId, String defId, String scopeId, expr annotation,
                             WalkContext context) {
        boolean isString = annotation instanceof Constant c && c.value() instanceof String;
        String dotted = isString ? dottedString((String) ((Constant) annotation).value()) : DottedNames.of(annotation);
        context.emit(new AnnotationRow(context.id(IdKinds.ANNOTATION, annotation.bstart(), annotation.bend()),
                annotation.bstart(), annotation.bend(), kind, ownerId, defId, scopeId, context.exprId(annotation),
                context.text(annotation.bstart(), annotation.bend()), dotted, isString));
    }

    /** The stripped string when it is identifiers joined by dots ({@code "pkg.C"}), else null. */
    static String dottedString(String value) {
        String s = value.strip();
        if (s.isEmpty()) {
            return null;
        }
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp == '.') {
                if (start) {
                    return null;
                }
                start = true;
            } else if (start ? !(cp == '_' || Character.isUnicodeIdentifierStart(cp))
                    : !(cp == '_' || Character.isUnicodeIdentifierPart(cp)) || Character.isIdentifierIgnorable(cp)) {
                return null;
            } else {
                start = false;
            }
            i += Character.charCount(cp);
        }
        return start ? null : s;
    }
}
