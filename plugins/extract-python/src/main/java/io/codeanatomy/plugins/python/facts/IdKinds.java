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

    private IdKinds() {
    }
}
