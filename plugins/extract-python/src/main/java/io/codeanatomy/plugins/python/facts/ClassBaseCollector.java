package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.ClassDef;
import io.codeanatomy.python.syntax.ast.Starred;
import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.keyword;
import io.codeanatomy.python.syntax.ast.stmt;

/**
 * {@code py_class_bases_v1}: the positional bases and the keywords of each class statement, in
 * source order, in the scope that evaluates them (the one the class statement is in).
 */
final class ClassBaseCollector implements FactCollector {
    @Override
    public void statement(stmt s, WalkContext context) {
        if (!(s instanceof ClassDef c)) {
            return;
        }
        String defId = context.id(IdKinds.DEF, c.bstart(), c.bend());
        for (int i = 0; i < c.bases().size(); i++) {
            expr base = c.bases().get(i);
            row(defId, base, i, null, base instanceof Starred, context);
        }
        for (keyword k : c.keywords()) {
            row(defId, k.value(), -1, k.arg(), k.arg() == null, context);
        }
    }

    private static void row(String defId, expr e, int position, String keyword, boolean starred, WalkContext context) {
        context.emit(new ClassBaseRow(context.id(IdKinds.CLASS_BASE, e.bstart(), e.bend()), e.bstart(), e.bend(), defId,
                position, keyword, starred, context.text(e.bstart(), e.bend()), DottedNames.of(e),
                context.scope().id(), context.exprId(e)));
    }
}
