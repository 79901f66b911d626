package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.ast.Node;
import io.codeanatomy.python.syntax.ast.expr;
import java.util.List;

/**
 * The symbol table's view of where the walk is, shared by every fact family: the current scope
 * and its chain, which names are declared global in it, whether the walk is inside an annotation,
 * and the rules that follow from them ({@code Python/symtable.c} and {@code Python/compile.c}):
 * {@code __qualname__}, private name mangling, where {@code :=} and {@code global} also bind.
 * The walker says when scopes open and close; collectors read the result from the context.
 */
final class ScopeTracker {
    private final WalkContext context;
    private final FactCollector[] collectors;
    private int annotationDepth;

    ScopeTracker(WalkContext context, FactCollector[] collectors) {
        this.context = requireNonNull(context, "context is null");
        this.collectors = requireNonNull(collectors, "collectors is null");
    }

    Scope current() {
        return context.scope();
    }

    /**
     * Enters the scope of a function, class or lambda named {@code name} defined in the current
     * scope. {@code qualname} comes from {@link #childQualname} taken where the definition starts.
     */
    void enterDefinition(String defId, ScopeKind kind, Node node, String name, String qualname, int nameBstart,
                         int nameBend, List<Parameter> parameters) {
        enter(current().definition(defId, kind, node, name, qualname, nameBstart, nameBend, parameters));
    }

    void enterComprehension(String compId, expr node, ComprehensionKind kind) {
        enter(current().comprehension(compId, node, childQualname(kind.codeName(), false)));
    }

    /** Enters a 3.12+ scope ({@link Scope#typeScope}) inside the current one. */
    void enterTypeScope(String scopeId, ScopeKind kind, Node node, String name, int bstart, int bend, String privateClass,
                        boolean seesClass) {
        // The compiler's names for the code objects: "<generic parameters of f>", the alias's, the variable's.
        String qualname = childQualname(kind == ScopeKind.TYPE_PARAMETERS ? "<generic parameters of " + name + ">" : name, false);
        enter(current().typeScope(scopeId, kind, node, name, qualname, bstart, bend, privateClass, seesClass));
    }

    private void enter(Scope scope) {
        context.setScope(scope);
        for (FactCollector c : collectors) {
            c.scopeEntered(scope, context);
        }
    }

    void exit() {
        Scope scope = current();
        context.setScope(scope.parent());
        for (FactCollector c : collectors) {
            c.scopeExited(scope, context);
        }
    }

    void beginAnnotation() {
        annotationDepth++;
        context.setInAnnotation(true);
    }

    void endAnnotation() {
        annotationDepth--;
        context.setInAnnotation(annotationDepth > 0);
    }

    boolean inAnnotation() {
        return annotationDepth > 0;
    }

    /** Records a {@code global} declaration of the current scope. */
    void declareGlobal(String name) {
        current().declareGlobal(name);
    }

    /** CPython also enters a {@code global} name in the module's table: the module's id, null at module level. */
    String globalBindingScopeId() {
        Scope module = current().module();
        return current() == module ? null : module.id();
    }

    /**
     * An assignment expression in a comprehension binds in the nearest enclosing function or
     * module (PEP 572): that scope's id, null outside comprehensions.
     */
    String walrusBindingScopeId() {
        if (current().kind() != ScopeKind.COMPREHENSION) {
            return null;
        }
        Scope s = current();
        while (s.kind() == ScopeKind.COMPREHENSION) {
            s = s.parent();
        }
        return s.id();
    }

    /** {@code name} as the current scope's symbol table holds it. */
    String symbol(String name) {
        return current().symbol(name);
    }

    /**
     * CPython's private name mangling ({@code _Py_Mangle}): inside class {@code C}, {@code __x}
     * becomes {@code _C__x}; dunder names, dotted names and classes named only by underscores
     * are left alone.
     */
    static String mangle(String privateName, String name) {
        if (privateName == null || !name.startsWith("__") || name.endsWith("__") || name.indexOf('.') >= 0) {
            return name;
        }
        int i = 0;
        while (i < privateName.length() && privateName.charAt(i) == '_') {
            i++;
        }
        return i == privateName.length() ? name : "_" + privateName.substring(i) + name;
    }

    /**
     * CPython's {@code __qualname__} for a definition named {@code name} in the current scope
     * ({@code compiler_set_qualname}): a function, lambda or type alias parent adds {@code .<locals>},
     * a class, comprehension or type-parameter parent does not; a type-parameter or type-variable
     * scope is looked past (a generic {@code f} at module level is {@code f}; a lambda in its bound
     * is {@code <generic parameters of f>.<lambda>}); a def or class declared global in its parent
     * gets its bare name.
     */
    String childQualname(String name, boolean mayBeGlobal) {
        Scope scope = current();
        if (scope.kind() == ScopeKind.TYPE_PARAMETERS || scope.kind() == ScopeKind.TYPE_VARIABLE) {
            // compiler_set_qualname looks past a type-parameter unit (a type variable's bound is one too).
            scope = scope.parent();
        }
        if (scope.kind() == ScopeKind.MODULE || (mayBeGlobal && scope.isDeclaredGlobal(name))) {
            return name;
        }
        // A type alias's value is compiled as a function.
        boolean locals = scope.kind() == ScopeKind.FUNCTION || scope.kind() == ScopeKind.LAMBDA
                || scope.kind() == ScopeKind.TYPE_ALIAS;
        return scope.qualname() + (locals ? ".<locals>." : ".") + name;
    }
}
