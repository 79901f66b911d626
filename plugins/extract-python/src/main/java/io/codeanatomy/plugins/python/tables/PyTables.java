package io.codeanatomy.plugins.python.tables;

import static io.codeanatomy.plugins.python.tables.Column.bool;
import static io.codeanatomy.plugins.python.tables.Column.id;
import static io.codeanatomy.plugins.python.tables.Column.int32;
import static io.codeanatomy.plugins.python.tables.Column.int64;
import static io.codeanatomy.plugins.python.tables.Column.nullableId;
import static io.codeanatomy.plugins.python.tables.Column.nullableString;
import static io.codeanatomy.plugins.python.tables.Column.offsetList;
import static io.codeanatomy.plugins.python.tables.Column.string;
import static io.codeanatomy.plugins.python.tables.Column.stringList;

import io.codeanatomy.plugins.python.facts.AnnotationRow;
import io.codeanatomy.plugins.python.facts.AssignmentRow;
import io.codeanatomy.plugins.python.facts.BranchRow;
import io.codeanatomy.plugins.python.facts.CallArgRow;
import io.codeanatomy.plugins.python.facts.CallRow;
import io.codeanatomy.plugins.python.facts.ClassBaseRow;
import io.codeanatomy.plugins.python.facts.ComprehensionRow;
import io.codeanatomy.plugins.python.facts.DecoratorRow;
import io.codeanatomy.plugins.python.facts.DefRow;
import io.codeanatomy.plugins.python.facts.ElementRow;
import io.codeanatomy.plugins.python.facts.ErrorRow;
import io.codeanatomy.plugins.python.facts.ExprRow;
import io.codeanatomy.plugins.python.facts.FileFacts;
import io.codeanatomy.plugins.python.facts.FileRow;
import io.codeanatomy.plugins.python.facts.ImportRow;
import io.codeanatomy.plugins.python.facts.IterationRow;
import io.codeanatomy.plugins.python.facts.LineStartsRow;
import io.codeanatomy.plugins.python.facts.NameRow;
import io.codeanatomy.plugins.python.facts.OperandRow;
import io.codeanatomy.plugins.python.facts.OperatorOperandRow;
import io.codeanatomy.plugins.python.facts.ParamDefaultRow;
import io.codeanatomy.plugins.python.facts.ParamRow;
import io.codeanatomy.plugins.python.facts.ReturnRow;
import io.codeanatomy.plugins.python.facts.Row;
import io.codeanatomy.plugins.python.facts.ScopeDeclRow;
import io.codeanatomy.plugins.python.facts.SemanticErrorRow;
import io.codeanatomy.plugins.python.facts.TypeScopeRow;
import io.codeanatomy.spi.extract.TableDefinition;
import java.util.List;
import java.util.function.Function;

/**
 * The Python extraction tables, in the order they are declared and written. Every table starts
 * with its stable id, {@code file_id}, {@code path}, {@code bstart} and {@code bend} (UTF-8 byte
 * offsets into the file's decoded text). docs/extraction.md describes every column.
 */
public final class PyTables {
    public static final TableSpec<FileRow> FILES = new TableSpec<>("py_files_v1", f -> List.of(f.file()),
            id("file_id", FileRow::id), Column.path(), int64("bstart", Row::bstart), int64("bend", Row::bend),
            int64("size", FileRow::size), int64("raw_size", FileRow::rawSize),
            nullableString("sha256", FileRow::sha256), int32("line_count", FileRow::lineCount),
            nullableString("encoding", FileRow::encoding), bool("has_bom", FileRow::hasBom),
            string("status", r -> r.status().name()), int32("error_count", FileRow::errorCount),
            bool("future_annotations", FileRow::futureAnnotations), string("python_version", FileRow::pythonVersion),
            bool("path_is_exact", FileRow::pathIsExact),
            nullableString("module_name", r -> r.module().moduleName()), bool("is_package", r -> r.module().isPackage()),
            string("source_root", r -> r.module().sourceRoot()));

    public static final TableSpec<LineStartsRow> LINES = new TableSpec<>("py_lines_v2", FileFacts::lines,
            id("lines_id", LineStartsRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), offsetList("line_starts", LineStartsRow::starts));

    public static final TableSpec<DefRow> DEFS = new TableSpec<>("py_defs_v1", FileFacts::defs,
            id("def_id", DefRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()), string("name", DefRow::name),
            int64("name_bstart", DefRow::nameBstart), int64("name_bend", DefRow::nameBend),
            string("qualname", DefRow::qualname), nullableId("parent_def_id", DefRow::parentDefId),
            id("scope_id", DefRow::scopeId), int32("decorator_count", DefRow::decoratorCount),
            bool("is_async", DefRow::isAsync), bool("has_docstring", DefRow::hasDocstring),
            bool("recovered", DefRow::recovered), bool("in_annotation", DefRow::inAnnotation));

    public static final TableSpec<ParamRow> PARAMS = new TableSpec<>("py_params_v1", FileFacts::params,
            id("param_id", ParamRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), id("def_id", ParamRow::defId), string("name", ParamRow::name),
            string("kind", r -> r.kind().name()), int32("position", ParamRow::position),
            bool("has_default", ParamRow::hasDefault), bool("has_annotation", ParamRow::hasAnnotation));

    public static final TableSpec<NameRow> NAMES = new TableSpec<>("py_names_v1", FileFacts::names,
            id("name_id", NameRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("name", NameRow::name), string("symbol", NameRow::symbol),
            string("ctx", r -> r.ctx().name()),
            string("introduced_by", r -> r.introducedBy().name()), id("scope_id", NameRow::scopeId),
            nullableId("binding_scope_id", NameRow::bindingScopeId), bool("is_annotation", NameRow::isAnnotation),
            nullableId("introduced_id", NameRow::introducedId));

    public static final TableSpec<CallRow> CALLS = new TableSpec<>("py_calls_v1", FileFacts::calls,
            id("call_id", CallRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), id("scope_id", CallRow::scopeId), string("callee_text", CallRow::calleeText),
            nullableString("callee_dotted", CallRow::calleeDotted), int64("callee_bstart", CallRow::calleeBstart),
            int64("callee_bend", CallRow::calleeBend), int32("positional_count", CallRow::positionalCount),
            int32("keyword_count", CallRow::keywordCount), stringList("keyword_names", CallRow::keywordNames),
            bool("has_star_args", CallRow::hasStarArgs), bool("has_star_kwargs", CallRow::hasStarKwargs));

    public static final TableSpec<ImportRow> IMPORTS = new TableSpec<>("py_imports_v1", FileFacts::imports,
            id("import_id", ImportRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), id("scope_id", ImportRow::scopeId), nullableString("module", ImportRow::module),
            nullableString("name", ImportRow::name), nullableString("asname", ImportRow::asname),
            nullableString("bound_name", ImportRow::boundName), int32("level", ImportRow::level),
            bool("is_from", ImportRow::isFrom), bool("is_star", ImportRow::isStar),
            int64("stmt_bstart", ImportRow::stmtBstart), int64("stmt_bend", ImportRow::stmtBend));

    public static final TableSpec<DecoratorRow> DECORATORS = new TableSpec<>("py_decorators_v2", FileFacts::decorators,
            id("decorator_id", DecoratorRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), id("def_id", DecoratorRow::defId), int32("position", DecoratorRow::position),
            string("text", DecoratorRow::text), nullableString("dotted_name", DecoratorRow::dottedName),
            bool("is_call", DecoratorRow::isCall), id("scope_id", DecoratorRow::scopeId),
            id("expr_id", DecoratorRow::exprId));

    public static final TableSpec<ComprehensionRow> COMPREHENSIONS = new TableSpec<>("py_comprehensions_v1",
            FileFacts::comprehensions,
            id("comp_id", ComprehensionRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()),
            int32("generator_count", ComprehensionRow::generatorCount), bool("is_async", ComprehensionRow::isAsync),
            id("scope_id", ComprehensionRow::scopeId), nullableId("parent_def_id", ComprehensionRow::parentDefId),
            bool("in_annotation", ComprehensionRow::inAnnotation));

    public static final TableSpec<ScopeDeclRow> SCOPE_DECLS = new TableSpec<>("py_scope_decls_v1", FileFacts::scopeDecls,
            id("decl_id", ScopeDeclRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()), string("name", ScopeDeclRow::name),
            id("scope_id", ScopeDeclRow::scopeId), int64("stmt_bstart", ScopeDeclRow::stmtBstart),
            int64("stmt_bend", ScopeDeclRow::stmtBend));

    public static final TableSpec<ErrorRow> ERRORS = new TableSpec<>("py_errors_v1", FileFacts::errors,
            id("error_id", ErrorRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), int32("line", ErrorRow::line), int32("column", ErrorRow::column),
            string("message", ErrorRow::message), string("stage", r -> r.stage().name()));

    public static final TableSpec<SemanticErrorRow> SEMANTIC_ERRORS = new TableSpec<>("py_semantic_errors_v1",
            f -> f.rows(SemanticErrorRow.class),
            id("semantic_error_id", SemanticErrorRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), int32("line", SemanticErrorRow::line), int32("column", SemanticErrorRow::column),
            string("message", SemanticErrorRow::message), string("stage", r -> r.stage().name()),
            int64("cpython_order", SemanticErrorRow::cpythonOrder));

    public static final TableSpec<ClassBaseRow> CLASS_BASES = new TableSpec<>("py_class_bases_v1",
            f -> f.rows(ClassBaseRow.class),
            id("class_base_id", ClassBaseRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), id("def_id", ClassBaseRow::defId), int32("position", ClassBaseRow::position),
            nullableString("keyword", ClassBaseRow::keyword), bool("is_starred", ClassBaseRow::isStarred),
            string("text", ClassBaseRow::text), nullableString("dotted_name", ClassBaseRow::dottedName),
            id("scope_id", ClassBaseRow::scopeId), id("expr_id", ClassBaseRow::exprId));

    public static final TableSpec<ExprRow> EXPRS = new TableSpec<>("py_exprs_v1", f -> f.rows(ExprRow.class),
            id("expr_id", ExprRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()), string("node_type", ExprRow::nodeType),
            id("scope_id", ExprRow::scopeId), nullableString("ctx", name(ExprRow::ctx)),
            nullableString("name", ExprRow::name), nullableString("attr", ExprRow::attr),
            nullableId("base_expr_id", ExprRow::baseExprId), nullableId("index_expr_id", ExprRow::indexExprId),
            nullableId("value_expr_id", ExprRow::valueExprId), nullableString("const_kind", name(ExprRow::constKind)),
            nullableString("const_text", ExprRow::constText), nullableId("ref_id", ExprRow::refId));

    public static final TableSpec<OperandRow> EXPR_OPERANDS = new TableSpec<>("py_expr_operands_v1",
            f -> f.rows(OperandRow.class),
            id("operand_id", OperandRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), id("expr_id", OperandRow::exprId),
            id("operand_expr_id", OperandRow::operandExprId), int32("position", OperandRow::position));

    public static final TableSpec<OperatorOperandRow> OPERATOR_OPERANDS = new TableSpec<>("py_operator_operands_v1",
            f -> f.rows(OperatorOperandRow.class),
            id("operator_operand_id", OperatorOperandRow::id), Column.fileId(), Column.path(),
            int64("bstart", Row::bstart), int64("bend", Row::bend), id("expr_id", OperatorOperandRow::exprId),
            id("operand_expr_id", OperatorOperandRow::operandExprId),
            int32("position", OperatorOperandRow::position), nullableString("op", OperatorOperandRow::op));

    public static final TableSpec<ParamDefaultRow> PARAM_DEFAULTS = new TableSpec<>("py_param_defaults_v1",
            f -> f.rows(ParamDefaultRow.class),
            id("param_default_id", ParamDefaultRow::id), Column.fileId(), Column.path(),
            int64("bstart", Row::bstart), int64("bend", Row::bend), id("param_id", ParamDefaultRow::paramId),
            id("def_id", ParamDefaultRow::defId), id("value_expr_id", ParamDefaultRow::valueExprId));

    public static final TableSpec<AssignmentRow> ASSIGNMENTS = new TableSpec<>("py_assignments_v1",
            f -> f.rows(AssignmentRow.class),
            id("assignment_id", AssignmentRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()), id("scope_id", AssignmentRow::scopeId),
            id("target_expr_id", AssignmentRow::targetExprId), id("value_expr_id", AssignmentRow::valueExprId),
            int32("target_index", AssignmentRow::targetIndex), int32("target_count", AssignmentRow::targetCount),
            nullableString("op", AssignmentRow::op), int64("stmt_bstart", AssignmentRow::stmtBstart),
            int64("stmt_bend", AssignmentRow::stmtBend));

    public static final TableSpec<ElementRow> CONTAINER_ELEMENTS = new TableSpec<>("py_container_elements_v1",
            f -> f.rows(ElementRow.class),
            id("element_id", ElementRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), id("container_expr_id", ElementRow::containerExprId),
            string("container_kind", r -> r.containerKind().name()), string("ctx", r -> r.ctx().name()),
            id("element_expr_id", ElementRow::elementExprId), int32("index", ElementRow::index),
            nullableId("key_expr_id", ElementRow::keyExprId),
            nullableString("key_const_kind", name(ElementRow::keyConstKind)),
            nullableString("key_const_text", ElementRow::keyConstText), bool("is_starred", ElementRow::isStarred),
            bool("is_double_star", ElementRow::isDoubleStar), int32("element_count", ElementRow::elementCount),
            int32("star_index", ElementRow::starIndex));

    public static final TableSpec<ReturnRow> RETURNS = new TableSpec<>("py_returns_v1", f -> f.rows(ReturnRow.class),
            id("return_id", ReturnRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()), id("scope_id", ReturnRow::scopeId),
            nullableId("def_id", ReturnRow::defId), nullableId("value_expr_id", ReturnRow::valueExprId),
            nullableId("expr_id", ReturnRow::exprId));

    public static final TableSpec<CallArgRow> CALL_ARGS = new TableSpec<>("py_call_args_v1", f -> f.rows(CallArgRow.class),
            id("arg_id", CallArgRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), id("call_id", CallArgRow::callId), id("arg_expr_id", CallArgRow::argExprId),
            int32("position", CallArgRow::position), nullableString("keyword", CallArgRow::keyword),
            bool("is_star", CallArgRow::isStar), bool("is_double_star", CallArgRow::isDoubleStar));

    public static final TableSpec<IterationRow> ITERATIONS = new TableSpec<>("py_iterations_v1",
            f -> f.rows(IterationRow.class),
            id("iteration_id", IterationRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()), bool("is_async", IterationRow::isAsync),
            id("scope_id", IterationRow::scopeId), nullableId("target_expr_id", IterationRow::targetExprId),
            id("source_expr_id", IterationRow::sourceExprId), int32("item_index", IterationRow::itemIndex),
            nullableId("comp_id", IterationRow::compId));

    public static final TableSpec<AnnotationRow> ANNOTATIONS = new TableSpec<>("py_annotations_v1",
            f -> f.rows(AnnotationRow.class),
            id("annotation_id", AnnotationRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()), id("owner_id", AnnotationRow::ownerId),
            nullableId("def_id", AnnotationRow::defId), id("scope_id", AnnotationRow::scopeId),
            id("annotation_expr_id", AnnotationRow::annotationExprId), string("text", AnnotationRow::text),
            nullableString("dotted_name", AnnotationRow::dottedName), bool("is_string", AnnotationRow::isString));

    public static final TableSpec<TypeScopeRow> TYPE_SCOPES = new TableSpec<>("py_type_scopes_v1",
            f -> f.rows(TypeScopeRow.class),
            id("type_scope_id", TypeScopeRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()), string("name", TypeScopeRow::name),
            id("scope_id", TypeScopeRow::scopeId), nullableId("owner_id", TypeScopeRow::ownerId),
            nullableString("owner_kind", TypeScopeRow::ownerKind), bool("has_kwdefaults", TypeScopeRow::hasKwDefaults),
            bool("sees_class", TypeScopeRow::seesClass));

    public static final TableSpec<BranchRow> BRANCHES = new TableSpec<>("py_branches_v1", f -> f.rows(BranchRow.class),
            id("branch_id", BranchRow::id), Column.fileId(), Column.path(), int64("bstart", Row::bstart),
            int64("bend", Row::bend), string("kind", r -> r.kind().name()), id("scope_id", BranchRow::scopeId),
            id("test_expr_id", BranchRow::testExprId), int64("body_bstart", BranchRow::bodyBstart),
            int64("body_bend", BranchRow::bodyBend), int64("orelse_bstart", BranchRow::orelseBstart),
            int64("orelse_bend", BranchRow::orelseBend));

    /** Every table, in declaration order. */
    public static final List<TableSpec<?>> ALL = List.of(
            FILES, LINES, DEFS, PARAMS, NAMES, CALLS, IMPORTS, DECORATORS, COMPREHENSIONS, SCOPE_DECLS, ERRORS,
            SEMANTIC_ERRORS, CLASS_BASES, EXPRS, EXPR_OPERANDS, ASSIGNMENTS, CONTAINER_ELEMENTS, RETURNS, CALL_ARGS,
            ITERATIONS, ANNOTATIONS, OPERATOR_OPERANDS, PARAM_DEFAULTS, TYPE_SCOPES, BRANCHES);

    private PyTables() {
    }

    /** An enumeration column's value: the constant's name, null for null. */
    private static <R> Function<R, String> name(Function<R, ? extends Enum<?>> getter) {
        return r -> {
            Enum<?> value = getter.apply(r);
            return value == null ? null : value.name();
        };
    }

    public static List<TableDefinition> definitions() {
        return ALL.stream().<TableDefinition>map(TableSpec::definition).toList();
    }
}
