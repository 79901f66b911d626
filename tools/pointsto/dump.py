"""Dumps the tables the points-to prototype reads from a build output into one JSON-lines file.

One `codeanatomy query` per output (a JVM start costs seconds on the shared machine): every table
is one branch of a UNION ALL whose rows are JSON objects tagged with the table's name.
"""
import csv
import io
import json
import subprocess
import sys

TABLES = {
    "py_files_v1": ["file_id", "path", "module_name"],
    "py_exprs_v1": ["expr_id", "path", "bstart", "bend", "kind", "node_type", "scope_id", "ctx",
                    "name", "attr", "base_expr_id", "index_expr_id", "value_expr_id", "const_kind",
                    "const_text", "ref_id"],
    "py_names_v1": ["name_id", "path", "bstart", "bend", "name", "symbol", "ctx", "introduced_by",
                    "scope_id", "introduced_id"],
    "py_defs_v1": ["def_id", "path", "bstart", "bend", "kind", "name", "qualname", "parent_def_id",
                   "scope_id", "decorator_count"],
    "py_params_v1": ["param_id", "path", "bstart", "bend", "def_id", "name", "kind", "position",
                     "has_default"],
    "py_assignments_v1": ["kind", "scope_id", "target_expr_id", "value_expr_id"],
    "py_container_elements_v1": ["container_expr_id", "container_kind", "ctx", "element_expr_id",
                                 "index", "key_const_text", "is_starred", "is_double_star",
                                 "element_count", "star_index"],
    "py_returns_v1": ["kind", "scope_id", "def_id", "value_expr_id", "expr_id"],
    "py_call_args_v1": ["call_id", "arg_expr_id", "position", "keyword", "is_star",
                        "is_double_star"],
    "py_calls_v1": ["call_id", "path", "bstart", "bend", "scope_id"],
    "py_iterations_v1": ["kind", "is_async", "scope_id", "target_expr_id", "source_expr_id"],
    "py_annotations_v1": ["kind", "owner_id", "def_id", "annotation_expr_id", "dotted_name",
                          "scope_id"],
    "py_expr_operands_v1": ["expr_id", "operand_expr_id", "position"],
    "py_operator_operands_v1": ["expr_id", "operand_expr_id", "position", "op"],
    "py_param_defaults_v1": ["param_id", "value_expr_id"],
    "py_class_bases_v1": ["def_id", "position", "keyword", "expr_id"],
    "py_decorators_v2": ["def_id", "position", "expr_id", "dotted_name"],
    "py_imports_v1": ["import_id", "path", "bstart", "bend", "scope_id", "module", "name",
                      "bound_name", "is_star"],
    "py_comprehensions_v1": ["comp_id", "scope_id"],
    "cpg_nodes": ["node_id", "node_kind", "path", "bstart", "bend", "name", "qualified_name"],
    "cpg_edges": ["edge_kind", "src_node_id", "dst_node_id"],
    "cpg_mro": ["class_id", "mro_position", "base_id", "base_qualified_name"],
}

WHERE = {
    "cpg_nodes": "WHERE node_kind IN ('PY_NAME','PY_BINDING','PY_FUNCTION','PY_CLASS','PY_LAMBDA',"
                 "'PY_MODULE','PY_EXTERNAL','PY_IMPORT_ALIAS','PY_PARAM','PY_SCOPE')",
    "cpg_edges": "WHERE edge_kind IN ('READS','WRITES','RESOLVES_TO','IMPORTS','DEFINES',"
                 "'INHERITS','BINDS')",
}


def sql():
    parts = []
    for table, cols in TABLES.items():
        fields = ", ".join(f"KEY '{c}' VALUE \"{c}\"" for c in cols)
        parts.append(f"SELECT '{table}' AS t, JSON_OBJECT({fields}) AS j FROM {table} "
                     + WHERE.get(table, ""))
    return " UNION ALL ".join(parts)


def main(launcher, out, dest):
    text = subprocess.run([launcher, "query", out, sql(), "--format", "csv"], check=True,
                          capture_output=True, text=True).stdout
    rows = csv.reader(io.StringIO(text))
    next(rows)
    with open(dest, "w") as f:
        for t, j in rows:
            f.write(json.dumps({"t": t, "r": json.loads(j)}) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
