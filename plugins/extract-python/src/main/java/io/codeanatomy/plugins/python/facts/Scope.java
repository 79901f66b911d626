package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.ast.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scope of the walk, as CPython's symbol table has it: the module, a function, lambda, class or
 * comprehension, and from 3.12 the type-parameter, type-alias and type-variable scopes. Its id is
 * the file id for the module, else the def, comprehension or type-scope id; facts inside it name it
 * as their {@code scope_id}.
 *
 * <p>Only the {@code global} declarations made so far (a def or class declared global gets its bare
 * qualname) and, in a generic class's type-parameter scope, the type parameters declared so far
 * (they are mangled) change while it is walked; everything else is fixed when it is entered.
 */
public final class Scope {
    private final String id;
    private final ScopeKind kind;
    private final Scope parent;
    private final Node node;
    private final String enclosingDefId;
    private final String qualname;
    private final String privateName;
    private final int nameBstart;
    private final int nameBend;
    private final List<Parameter> parameters;
    /** Only these names are mangled with {@link #privateName}; null: every name (see {@link #typeScope}). */
    private final Set<String> mangledNames;
    private final boolean seesClass;
    private final String typeScopeName;
    private Set<String> declaredGlobal;

    private Scope(String id, ScopeKind kind, Scope parent, Node node, String enclosingDefId, String qualname,
                  String privateName, int nameBstart, int nameBend, List<Parameter> parameters) {
        this(id, kind, parent, node, enclosingDefId, qualname, privateName, nameBstart, nameBend, parameters, null,
                false, null);
    }

    private Scope(String id, ScopeKind kind, Scope parent, Node node, String enclosingDefId, String qualname,
                  String privateName, int nameBstart, int nameBend, List<Parameter> parameters, Set<String> mangledNames,
                  boolean seesClass, String typeScopeName) {
        this.id = requireNonNull(id, "id is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.parent = parent;
        this.node = requireNonNull(node, "node is null");
        this.enclosingDefId = enclosingDefId;
        this.qualname = qualname;
        this.privateName = privateName;
        this.nameBstart = nameBstart;
        this.nameBend = nameBend;
        this.parameters = List.copyOf(parameters);
        this.mangledNames = mangledNames;
        this.seesClass = seesClass;
        this.typeScopeName = typeScopeName;
    }

    static Scope module(String fileId, Node module) {
        return new Scope(fileId, ScopeKind.MODULE, null, module, null, null, null, 0, 0, List.of());
    }

    /**
     * A function, class or lambda scope inside this one: its id is the def id, definitions inside
     * it name it as their parent, and a class's name becomes the private name of everything inside.
     */
    Scope definition(String defId, ScopeKind kind, Node node, String name, String qualname, int nameBstart,
                     int nameBend, List<Parameter> parameters) {
        String mangleWith = kind == ScopeKind.CLASS ? name : privateName;
        return new Scope(defId, kind, this, node, defId, qualname, mangleWith, nameBstart, nameBend, parameters);
    }

    /** A comprehension scope inside this one: definitions inside it keep this scope's parent def. */
    Scope comprehension(String compId, Node node, String qualname) {
        return new Scope(compId, ScopeKind.COMPREHENSION, this, node, enclosingDefId, qualname, privateName, 0, 0,
                List.of());
    }

    /**
     * A 3.12+ scope inside this one ({@link ScopeKind#isTypeScope}), for the definition or type
     * alias {@code node} (a type variable's scope: its bound or default), named {@code name} as
     * symtable names it and spanning {@code [bstart, bend)} (in {@link #nameBstart}, {@link #nameBend}:
     * the span CPython gives the scope, so its line), with the {@code __qualname__} CPython's compiler
     * gives its code object ({@link ScopeTracker#childQualname}). Definitions inside it keep this
     * scope's parent def. {@code privateClass}, when not null, is the generic class
     * whose type-parameter scope this is: like CPython 3.13 ({@code ste_mangled_names}), only the
     * class's type parameters are mangled with its name there, added as they are declared.
     * {@code seesClass} is CPython's {@code ste_can_see_class_scope}: the scope reads the class
     * body's names through {@code __classdict__}.
     */
    Scope typeScope(String scopeId, ScopeKind kind, Node node, String name, String qualname, int bstart, int bend,
                    String privateClass, boolean seesClass) {
        if (!kind.isTypeScope()) {
            throw new IllegalArgumentException("not a type scope: " + kind);
        }
        return new Scope(scopeId, kind, this, node, enclosingDefId, qualname,
                privateClass != null ? privateClass : privateName, bstart, bend, List.of(),
                privateClass != null ? new HashSet<>() : null, seesClass, name);
    }

    public String id() {
        return id;
    }

    public ScopeKind kind() {
        return kind;
    }

    /** The enclosing scope, null for the module. */
    public Scope parent() {
        return parent;
    }

    /** The node that opens the scope: the Module, a def, class or lambda, or a comprehension. */
    public Node node() {
        return node;
    }

    /** The innermost def, class or lambda at or around this scope (comprehensions skipped), null at module level. */
    public String enclosingDefId() {
        return enclosingDefId;
    }

    /** CPython's {@code __qualname__} of the scope's code object; null for the module. */
    public String qualname() {
        return qualname;
    }

    /** The name of the innermost enclosing class, which private names are mangled with; null outside classes. */
    public String privateName() {
        return privateName;
    }

    /**
     * Start of a def's or class's name token; a lambda's empty name span sits at its start; a type
     * scope's span starts here.
     */
    public int nameBstart() {
        return nameBstart;
    }

    public int nameBend() {
        return nameBend;
    }

    /** A function's or lambda's parameters in declaration order; empty for other scopes. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The scope a definition's statement is evaluated in: the parent, except that a generic
     * function's or class's own type-parameter scope is skipped.
     */
    public Scope outer() {
        return parent != null && parent.kind == ScopeKind.TYPE_PARAMETERS && parent.node == node ? parent.parent : parent;
    }

    /** A type scope's name in symtable (the definition's, alias's or type variable's name); null for other scopes. */
    public String typeScopeName() {
        return typeScopeName;
    }

    /** CPython's {@code ste_can_see_class_scope}: a type scope directly inside a class body (or its type variables). */
    public boolean seesClass() {
        return seesClass;
    }

    /** {@code name} as this scope's symbol table holds it (private names mangled). */
    String symbol(String name) {
        if (mangledNames != null && !mangledNames.contains(name)) {
            return name;
        }
        return ScopeTracker.mangle(privateName, name);
    }

    /** A type parameter declared in this scope: in a generic class's type-parameter scope, it is mangled. */
    void declareTypeParameter(String name) {
        if (mangledNames != null) {
            mangledNames.add(name);
        }
    }

    /** The module scope this scope is in. */
    public Scope module() {
        Scope s = this;
        while (s.parent != null) {
            s = s.parent;
        }
        return s;
    }

    void declareGlobal(String name) {
        if (declaredGlobal == null) {
            declaredGlobal = new HashSet<>();
        }
        declaredGlobal.add(name);
    }

    boolean isDeclaredGlobal(String name) {
        return declaredGlobal != null && declaredGlobal.contains(name);
    }
}
