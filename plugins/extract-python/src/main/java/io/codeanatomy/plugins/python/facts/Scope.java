package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.python.syntax.ast.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scope of the walk, as CPython's symbol table has it: the module, a function, lambda, class or
 * comprehension. Its id is the file id for the module, else the def or comprehension id; facts
 * inside it name it as their {@code scope_id}.
 *
 * <p>Only the {@code global} declarations made so far change while it is walked (a def or class
 * declared global gets its bare qualname); everything else is fixed when it is entered.
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
    private Set<String> declaredGlobal;

    private Scope(String id, ScopeKind kind, Scope parent, Node node, String enclosingDefId, String qualname,
                  String privateName, int nameBstart, int nameBend, List<Parameter> parameters) {
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

    /** Start of a def's or class's name token; a lambda's empty name span sits at its start. */
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
