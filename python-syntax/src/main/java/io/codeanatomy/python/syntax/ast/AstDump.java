package io.codeanatomy.python.syntax.ast;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Prints a tree exactly as CPython 3.11's {@code ast.dump(tree, include_attributes=...)} prints it
 * (no indent, annotated fields): {@code Name(id='x', ctx=Load(), lineno=1, ...)}.
 *
 * <p>The rules of {@code ast.dump}: fields in {@code _fields} order, each as {@code name=value};
 * a field that is None is left out when the node class declares it optional (a {@code ?} field of
 * the ASDL, whose class attribute is None), and printed as {@code name=None} otherwise; lists print
 * as {@code [a, b]}; scalars print with {@code repr} ({@link PyRepr}); operator and context
 * singletons print as {@code Load()}. With attributes, {@code lineno}, {@code col_offset},
 * {@code end_lineno} and {@code end_col_offset} follow the fields; our extra byte offsets
 * {@code bstart} and {@code bend} are never printed.
 *
 * <p>Fields newer than 3.11 exist in the records so that one tree serves every version: a
 * {@code type_params} list (FunctionDef, AsyncFunctionDef, ClassDef, TypeAlias) is left out when
 * empty, as a 3.11 tree has no such field, and printed when not (only a 3.12+ parse fills it);
 * {@code default_value} (TypeVar, ParamSpec, TypeVarTuple) is optional and so left out when null.
 * With these rules a tree of 3.11 syntax prints as 3.11 prints it.
 *
 * <p>Record components are read through method handles looked up once per class (ints unboxed).
 * The walk keeps its own stack instead of recursing, so the depth of a tree is bounded by memory,
 * not by the thread's stack, and it allocates nothing per node. An int that CPython refuses to
 * print (more than {@value PyRepr#MAX_STR_DIGITS} digits) throws
 * {@link IntegerConversionLimitException}, where {@code ast.dump} raises ValueError.
 */
public final class AstDump {
    /** The optional ({@code ?}) fields of CPython's ASDL, as "Class.field" (java.util.Set: this package has a Set node). */
    private static final java.util.Set<String> OPTIONAL = java.util.Set.of(
            "FunctionDef.returns", "FunctionDef.type_comment",
            "AsyncFunctionDef.returns", "AsyncFunctionDef.type_comment",
            "Return.value", "Assign.type_comment", "AnnAssign.value",
            "For.type_comment", "AsyncFor.type_comment", "With.type_comment", "AsyncWith.type_comment",
            "Raise.exc", "Raise.cause", "Assert.msg", "ImportFrom.module", "ImportFrom.level",
            "Yield.value", "FormattedValue.format_spec", "Interpolation.format_spec", "Constant.kind",
            "Slice.lower", "Slice.upper", "Slice.step",
            "ExceptHandler.type", "ExceptHandler.name",
            "arguments.vararg", "arguments.kwarg", "arg.annotation", "arg.type_comment",
            "keyword.arg", "alias.asname", "withitem.optional_vars", "match_case.guard",
            "MatchMapping.rest", "MatchStar.name", "MatchAs.pattern", "MatchAs.name",
            "TypeVar.bound", "TypeVar.default_value", "ParamSpec.default_value", "TypeVarTuple.default_value");
    /** The list field that CPython 3.11 does not have, left out while it is empty. */
    private static final String TYPE_PARAMS = "type_params";
    /** The position attributes of a located node, in CPython's order, then our byte offsets. */
    private static final List<String> ATTRIBUTES =
            List.of("lineno", "col_offset", "end_lineno", "end_col_offset", "bstart", "bend");
    private static final int DUMPED_ATTRIBUTES = 4;
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType INT_GETTER = MethodType.methodType(int.class, Object.class);

    private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            return Layout.of(type);
        }
    };

    private final StringBuilder out;
    private final boolean includeAttributes;
    /**
     * The open nodes and lists, innermost last: the object, its layout (null for a list), the index
     * of its next field or item, and whether a comma must precede the next one printed.
     */
    private Object[] objects = new Object[64];
    private Layout[] layouts = new Layout[64];
    private int[] next = new int[64];
    private boolean[] comma = new boolean[64];
    private int depth;

    private AstDump(StringBuilder out, boolean includeAttributes) {
        this.out = out;
        this.includeAttributes = includeAttributes;
    }

    /**
     * {@code ast.dump(node, include_attributes=includeAttributes)} as CPython 3.11 returns it.
     *
     * @throws IntegerConversionLimitException where {@code ast.dump} raises ValueError: the tree
     *         holds an int of more than {@value PyRepr#MAX_STR_DIGITS} decimal digits
     */
    public static String dump(Node node, boolean includeAttributes) {
        StringBuilder out = new StringBuilder(4096);
        dump(node, includeAttributes, out);
        return out.toString();
    }

    /**
     * Appends {@code ast.dump(node, include_attributes=includeAttributes)} to {@code out}.
     *
     * @throws IntegerConversionLimitException as {@link #dump(Node, boolean)}; {@code out} then
     *         holds the part printed before the int
     */
    public static void dump(Node node, boolean includeAttributes, StringBuilder out) {
        requireNonNull(node, "node is null");
        requireNonNull(out, "out is null");
        new AstDump(out, includeAttributes).run(node);
    }

    /**
     * Prints the tree depth-first. Each step either prints a leaf in place or opens a node or list
     * (printing its head and pushing it); a node or list whose items are all printed is closed and
     * popped. Nothing is allocated per node.
     */
    private void run(Node root) {
        value(root);
        while (depth > 0) {
            int top = depth - 1;
            Layout layout = layouts[top];
            if (layout == null) {
                listStep(top);
            } else {
                nodeStep(top, layout);
            }
        }
    }

    private void listStep(int top) {
        List<?> list = (List<?>) objects[top];
        int i = next[top];
        if (i == list.size()) {
            out.append(']');
            pop();
            return;
        }
        if (i > 0) {
            out.append(", ");
        }
        next[top] = i + 1;
        value(list.get(i));
    }

    /** Prints the node's fields from the next one on, until one opens a child or none is left. */
    private void nodeStep(int top, Layout layout) {
        Object node = objects[top];
        int count = includeAttributes ? layout.names.length : layout.fieldCount;
        for (int i = next[top]; i < count; i++) {
            if (layout.isInt[i]) {
                separate(top, layout, i).append(layout.getInt(i, node));
                continue;
            }
            Object value = layout.get(i, node);
            if (value == null ? layout.optional[i] : layout.omitWhenEmpty[i] && ((List<?>) value).isEmpty()) {
                continue;
            }
            separate(top, layout, i);
            next[top] = i + 1;
            if (value(value)) {
                return;
            }
        }
        out.append(')');
        pop();
    }

    /** Appends {@code name=}, after a comma unless it is the node's first printed field. */
    private StringBuilder separate(int top, Layout layout, int field) {
        if (comma[top]) {
            out.append(", ");
        }
        comma[top] = true;
        return out.append(layout.names[field]).append('=');
    }

    /** Prints a leaf, or opens a non-empty node or list and returns true. */
    private boolean value(Object value) {
        if (value instanceof Node && value instanceof Record) {
            Layout layout = LAYOUTS.get(value.getClass());
            out.append(layout.name).append('(');
            push(value, layout);
            return true;
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return false;
            }
            out.append('[');
            push(list, null);
            return true;
        }
        if (value instanceof Enum<?> e && value instanceof Node) {
            out.append(e.name()).append("()");
        } else {
            PyRepr.repr(value, out);
        }
        return false;
    }

    private void push(Object object, Layout layout) {
        if (depth == objects.length) {
            objects = Arrays.copyOf(objects, depth * 2);
            layouts = Arrays.copyOf(layouts, depth * 2);
            next = Arrays.copyOf(next, depth * 2);
            comma = Arrays.copyOf(comma, depth * 2);
        }
        objects[depth] = object;
        layouts[depth] = layout;
        next[depth] = 0;
        comma[depth] = false;
        depth++;
    }

    private void pop() {
        depth--;
        objects[depth] = null;
    }

    /** How one node class prints: its name, then its fields and dumped attributes in order. */
    private static final class Layout {
        final String name;
        final int fieldCount;
        final String[] names;
        final boolean[] isInt;
        final boolean[] optional;
        final boolean[] omitWhenEmpty;
        /** Getters typed (Object)Object, or (Object)int for int components, which print unboxed. */
        private final MethodHandle[] getters;

        private Layout(String name, int fieldCount, List<RecordComponent> dumped) {
            this.name = name;
            this.fieldCount = fieldCount;
            int n = dumped.size();
            names = new String[n];
            isInt = new boolean[n];
            optional = new boolean[n];
            omitWhenEmpty = new boolean[n];
            getters = new MethodHandle[n];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (int i = 0; i < n; i++) {
                RecordComponent c = dumped.get(i);
                names[i] = c.getName();
                isInt[i] = c.getType() == int.class;
                optional[i] = i < fieldCount && OPTIONAL.contains(name + "." + c.getName());
                omitWhenEmpty[i] = c.getName().equals(TYPE_PARAMS);
                try {
                    getters[i] = lookup.unreflect(c.getAccessor()).asType(isInt[i] ? INT_GETTER : GETTER);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + name + "." + c.getName(), e);
                }
            }
        }

        static Layout of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null || !Node.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException("not an AST node record: " + type.getName());
            }
            List<RecordComponent> all = List.of(components);
            int fieldCount = all.size();
            if (Located.class.isAssignableFrom(type)) {
                fieldCount -= ATTRIBUTES.size();
                for (int i = 0; i < ATTRIBUTES.size(); i++) {
                    String actual = all.get(fieldCount + i).getName();
                    if (!actual.equals(ATTRIBUTES.get(i))) {
                        throw new IllegalStateException(type.getSimpleName() + " has " + actual + " where "
                                + ATTRIBUTES.get(i) + " belongs");
                    }
                }
            }
            return new Layout(type.getSimpleName(), fieldCount,
                    all.subList(0, fieldCount + (fieldCount < all.size() ? DUMPED_ATTRIBUTES : 0)));
        }

        Object get(int index, Object node) {
            try {
                return (Object) getters[index].invokeExact(node);
            } catch (Throwable e) {
                throw unchecked(e);
            }
        }

        int getInt(int index, Object node) {
            try {
                return (int) getters[index].invokeExact(node);
            } catch (Throwable e) {
                throw unchecked(e);
            }
        }

        /** A record accessor throws nothing checked; rethrows what it does throw. */
        private static RuntimeException unchecked(Throwable e) {
            if (e instanceof Error error) {
                throw error;
            }
            return e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
