package io.codeanatomy.testkit.callgraph;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A function, class or module defined in a fixture's source, named as the call graph names it; the
 * scorer counts only predictions between these (an external callee is no false positive).
 */
public record Definition(String kind, String name, String path, int line) {
    public static final String FUNCTION = "function";
    public static final String CLASS = "class";
    public static final String MODULE = "module";
    private static final Set<String> KINDS = Set.of(FUNCTION, CLASS, MODULE);

    public Definition {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("a definition is a function, class or module, not " + kind);
        }
    }

    public boolean isFunction() {
        return kind.equals(FUNCTION);
    }
}
