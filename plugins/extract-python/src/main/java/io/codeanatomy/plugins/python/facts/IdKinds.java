package io.codeanatomy.plugins.python.facts;

/**
 * The {@code kind} that each extraction table's stable ids are computed with (the id's prefix).
 * One kind per table, so ids of different tables never collide, and two rows of one table never
 * share a span.
 */
public final class IdKinds {
    public static final String FILE = "py_file";
    public static final String LINES = "py_lines";
    public static final String DEF = "py_def";
    public static final String PARAM = "py_param";
    public static final String NAME = "py_name";
    public static final String CALL = "py_call";
    public static final String IMPORT = "py_import";
    public static final String DECORATOR = "py_decorator";
    public static final String COMPREHENSION = "py_comprehension";
    public static final String SCOPE_DECL = "py_scope_decl";
    public static final String ERROR = "py_error";
    public static final String SEMANTIC_ERROR = "py_semantic_error";
    /**
     * The prefix of an expression's kind: {@code py_expr.} followed by its CPython node type
     * ({@code py_expr.Name}), because in CPython 3.11 some nodes share a span (see
     * {@link WalkContext#exprId}).
     */
    public static final String EXPR_PREFIX = "py_expr.";
    /**
     * The prefix of a 3.12+ scope's kind: {@code py_type_scope.} followed by its {@link ScopeKind}
     * ({@code py_type_scope.TYPE_ALIAS}), because a generic type alias's type-parameter scope and
     * its value's scope both span the statement.
     */
    public static final String TYPE_SCOPE_PREFIX = "py_type_scope.";
    public static final String EXPR_OPERAND = "py_expr_operand";
    public static final String OPERATOR_OPERAND = "py_operator_operand";
    public static final String PARAM_DEFAULT = "py_param_default";
    public static final String CLASS_BASE = "py_class_base";
    public static final String ASSIGNMENT = "py_assignment";
    public static final String ELEMENT = "py_element";
    public static final String RETURN = "py_return";
    public static final String CALL_ARG = "py_call_arg";
    public static final String ITERATION = "py_iteration";
    public static final String ANNOTATION = "py_annotation";
    public static final String BRANCH = "py_branch";

    private IdKinds() {
    }
}
