package io.codeanatomy.plugins.python.facts;

import io.codeanatomy.python.syntax.ast.expr;
import io.codeanatomy.python.syntax.ast.pattern;
import io.codeanatomy.python.syntax.ast.stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The collectors of a walk, grouped by the events each one implements, so that the walk calls a
 * collector only for those: most families need one event, and every node of a file passes here.
 */
final class CollectorEvents {
    /** Per collector class, which of the five events it overrides; looked up once per class. */
    private static final ClassValue<boolean[]> OVERRIDES = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            return new boolean[] {
                overrides(type, "statement", stmt.class), overrides(type, "expression", expr.class),
                overrides(type, "pattern", pattern.class),
                overrides(type, "scopeEntered", Scope.class) || overrides(type, "scopeExited", Scope.class),
                overrides(type, "name", NameOccurrence.class)};
        }
    };

    final FactCollector[] statement;
    final FactCollector[] expression;
    final FactCollector[] pattern;
    final FactCollector[] scope;
    final FactCollector[] name;

    CollectorEvents(List<FactCollector> collectors) {
        statement = select(collectors, 0);
        expression = select(collectors, 1);
        pattern = select(collectors, 2);
        scope = select(collectors, 3);
        name = select(collectors, 4);
    }

    private static FactCollector[] select(List<FactCollector> collectors, int event) {
        List<FactCollector> out = new ArrayList<>();
        for (FactCollector c : collectors) {
            if (OVERRIDES.get(c.getClass())[event]) {
                out.add(c);
            }
        }
        return out.toArray(FactCollector[]::new);
    }

    private static boolean overrides(Class<?> type, String method, Class<?> node) {
        try {
            return type.getMethod(method, node, WalkContext.class).getDeclaringClass() != FactCollector.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("FactCollector has no method " + method, e);
        }
    }
}
