package io.codeanatomy.python.syntax;

import io.codeanatomy.python.syntax.ast.Located;
import io.codeanatomy.python.syntax.ast.Module;
import io.codeanatomy.python.syntax.ast.Node;
import io.codeanatomy.python.syntax.ast.stmt;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RecursionError CPython 3.11's {@code ast.parse} raises after a successful parse, while it
 * turns the parser's C tree into Python objects: every node object (not the operator and context
 * singletons) counts one level, and a node deeper than the limit fails with "maximum recursion
 * depth exceeded during ast construction". The limit is three times {@code sys.getrecursionlimit()}
 * less three times the Python call depth at the call of {@code ast.parse}; {@link #MAX_DEPTH} is
 * its value for {@code ast.parse} called at the top level of a script with the default recursion
 * limit of 1000, as {@code python3 -c "import ast; ast.parse(...)"} calls it (measured on CPython
 * 3.11: {@code x = } and 2,988 unary minuses parse, 2,989 do not). Called from deeper in a
 * program, CPython gives up a few levels earlier; that is not a property of the source.
 */
final class AstConstruction {
    /** The deepest node (Module at depth 1) that {@code ast.parse} builds at a script's top level. */
    static final int MAX_DEPTH = 2991;
    static final String MESSAGE = "maximum recursion depth exceeded during ast construction";
    /**
     * A subtree cannot be much deeper than its source is long: every node below a located node
     * adds at least a byte of its own (an operator, a keyword, a bracket, a name), but for a few
     * that share their child's span (Expr) or have none (arguments, withitem). Twice the span plus
     * slack bounds the depth below a node with room to spare, so the walk skips every subtree too
     * short to reach the limit: nearly all of them, which keeps the check a small part of a parse.
     */
    private static final int SPAN_FACTOR = 2;
    private static final int SPAN_SLACK = 4;

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    /** Per node class, the getters of its components that may hold nodes: node-typed fields and lists. */
    private static final ClassValue<MethodHandle[]> CHILDREN = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            List<MethodHandle> getters = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> t = c.getType();
                if (t == List.class || Node.class.isAssignableFrom(t) && !t.isEnum()) {
                    try {
                        getters.add(lookup.unreflect(c.getAccessor()).asType(GETTER));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + c.getName(), e);
                    }
                }
            }
            return getters.toArray(MethodHandle[]::new);
        }
    };

    private AstConstruction() {
    }

    /**
     * The parse with CPython's error when its tree is too deep to build, else {@code parsed}
     * itself. Like a statement that fails to parse, each top-level statement too deep is left out
     * of the module and reported (CPython reports the first), so that no consumer of the tree
     * meets a tree deeper than CPython's.
     */
    static ParseResult check(ParseResult parsed) {
        List<stmt> body = parsed.module().body();
        List<stmt> kept = null;
        List<SyntaxError> errors = new ArrayList<>(parsed.errors());
        for (int i = 0; i < body.size(); i++) {
            SyntaxError error = firstTooDeep(body.get(i), 2);
            if (error != null && kept == null) {
                kept = new ArrayList<>(body.subList(0, i));
            }
            if (error != null) {
                errors.add(error);
            } else if (kept != null) {
                kept.add(body.get(i));
            }
        }
        if (kept == null) {
            return parsed;
        }
        Module module = new Module(kept, parsed.module().type_ignores());
        return new ParseResult(parsed.source(), module, errors);
    }

    /**
     * The error for the first node below {@code root} (at {@code rootDepth}), in CPython's order of
     * construction (fields in order, depth first), that lies too deep; it points at that node or
     * at the nearest node around it that has a position. Null if none is.
     */
    private static SyntaxError firstTooDeep(stmt root, int rootDepth) {
        // Iterative, so that the check itself has no depth limit: the nodes still to visit, each
        // with its depth and the located node that stands for it in an error.
        Object[] nodes = new Object[64];
        Located[] reported = new Located[64];
        int[] depths = new int[64];
        int size = 0;
        nodes[size] = root;
        depths[size++] = rootDepth;
        Object[] children = new Object[16];
        while (size > 0) {
            size--;
            Object node = nodes[size];
            int depth = depths[size];
            Located at = node instanceof Located located ? located : reported[size];
            if (depth > MAX_DEPTH) {
                return new SyntaxError(MESSAGE, at.bstart(), at.bend(), at.lineno(), at.col_offset() + 1);
            }
            if (node == at && depth + SPAN_FACTOR * Math.max(0, at.bend() - at.bstart()) + SPAN_SLACK <= MAX_DEPTH) {
                continue;
            }
            int count = 0;
            for (MethodHandle getter : CHILDREN.get(node.getClass())) {
                Object value = get(getter, node);
                if (value instanceof List<?> list) {
                    for (Object item : list) {
                        if (isNode(item)) {
                            children = append(children, count++, item);
                        }
                    }
                } else if (isNode(value)) {
                    children = append(children, count++, value);
                }
            }
            if (size + count > nodes.length) {
                int capacity = Math.max(nodes.length * 2, size + count);
                nodes = Arrays.copyOf(nodes, capacity);
                reported = Arrays.copyOf(reported, capacity);
                depths = Arrays.copyOf(depths, capacity);
            }
            // Pushed last to first, so that the first field is visited first.
            for (int i = count - 1; i >= 0; i--) {
                nodes[size] = children[i];
                reported[size] = at;
                depths[size++] = depth + 1;
                children[i] = null;
            }
        }
        return null;
    }

    /** A node that CPython builds as an object of its own: not an operator or context singleton. */
    private static boolean isNode(Object value) {
        return value instanceof Node && value instanceof Record;
    }

    private static Object[] append(Object[] array, int index, Object value) {
        Object[] a = index == array.length ? Arrays.copyOf(array, index * 2) : array;
        a[index] = value;
        return a;
    }

    private static Object get(MethodHandle getter, Object node) {
        try {
            return (Object) getter.invokeExact(node);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("a record accessor threw " + e, e);
        }
    }
}
