package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.Import;
import io.codeanatomy.python.syntax.ast.ImportFrom;
import io.codeanatomy.python.syntax.ast.alias;
import io.codeanatomy.python.syntax.ast.stmt;

/** {@code py_imports_v1}: one row per alias of an import statement. */
final class ImportCollector implements FactCollector {
    @Override
    public void statement(stmt s, WalkContext context) {
        if (s instanceof Import i) {
            for (alias a : i.names()) {
                row(s, a, null, 0, false, context);
            }
        } else if (s instanceof ImportFrom i) {
            for (alias a : i.names()) {
                row(s, a, i.module(), i.level(), true, context);
            }
        }
    }

    private static void row(stmt s, alias a, String module, int level, boolean isFrom, WalkContext context) {
        context.emit(new ImportRow(context.id(IdKinds.IMPORT, a.bstart(), a.bend()), a.bstart(), a.bend(),
                context.scope().id(), isFrom ? module : a.name(), isFrom ? a.name() : null, a.asname(),
                FactWalker.boundName(a, isFrom), level, isFrom, isFrom && a.name().equals("*"), s.bstart(), s.bend()));
    }
}
