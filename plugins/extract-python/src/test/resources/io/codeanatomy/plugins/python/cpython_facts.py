"""The CPython side of the extraction differential test.

Reads file paths (one per line) on stdin and prints, per file, what CPython's own ast, symtable
and compiler say about it, in a line format the Java test reads:

    FILE <path>
    SEMANTIC <line> <offset> <message> the error compile() raises for a file ast.parse accepts
    ERROR <stage> <message>            the file is not comparable (CPython cannot parse it)
    FUTURE_ANNOTATIONS                 the file has `from __future__ import annotations`
    COUNT <what> <n>                   counts of AST nodes
    SCOPE <chain>\t<name> <name> ...   one per symbol table: its chain of type:name:lineno from the
                                       module, and the names it holds explicitly (see below),
                                       an annotated one (DEF_ANNOT: x: int) followed by '+'
    QUALNAME <qualname>                one per code object of a def, class or lambda (when the file compiles)
    END

A symbol table's names are those with a flag the source put there: the implicit free variables
the analysis adds to enclosing scopes and the comprehension argument '.0' are left out.
"""
import ast
import symtable
import sys
import _symtable
import warnings

warnings.simplefilter("ignore")

EXPLICIT = (_symtable.DEF_GLOBAL | _symtable.DEF_LOCAL | _symtable.DEF_PARAM | _symtable.DEF_NONLOCAL
            | _symtable.USE | _symtable.DEF_IMPORT | _symtable.DEF_ANNOT)
COMPREHENSION_CODE = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"}


def one_line(text):
    return " ".join(str(text).split())


def counts(tree):
    c = {"function": 0, "async_function": 0, "class": 0, "lambda": 0, "calls": 0, "import_aliases": 0,
         "decorators": 0, "params": 0, "comprehensions": 0, "global_names": 0, "nonlocal_names": 0}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            c["function"] += 1
        elif isinstance(node, ast.AsyncFunctionDef):
            c["async_function"] += 1
        elif isinstance(node, ast.ClassDef):
            c["class"] += 1
        elif isinstance(node, ast.Lambda):
            c["lambda"] += 1
        elif isinstance(node, ast.Call):
            c["calls"] += 1
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            c["import_aliases"] += len(node.names)
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            c["comprehensions"] += 1
        elif isinstance(node, ast.Global):
            c["global_names"] += len(node.names)
        elif isinstance(node, ast.Nonlocal):
            c["nonlocal_names"] += len(node.names)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            c["decorators"] += len(node.decorator_list)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            a = node.args
            c["params"] += (len(a.posonlyargs) + len(a.args) + len(a.kwonlyargs)
                            + (a.vararg is not None) + (a.kwarg is not None))
    return c


def scopes(table, chain, out):
    key = "%s:%s:%d" % (table.get_type(), table.get_name(), table.get_lineno())
    chain = chain + "/" + key if chain else key
    names = sorted(s.get_name() + ("+" if s.is_annotated() else "") for s in table.get_symbols()
                   if s._Symbol__flags & EXPLICIT and not s.get_name().startswith("."))
    out.append("SCOPE %s\t%s" % (chain, " ".join(names)))
    for child in table.get_children():
        scopes(child, chain, out)


def qualnames(code, out):
    for const in code.co_consts:
        if hasattr(const, "co_qualname"):
            if const.co_name not in COMPREHENSION_CODE:
                out.append("QUALNAME " + const.co_qualname)
            qualnames(const, out)


def describe(path):
    out = ["FILE " + path]
    try:
        with open(path, "rb") as f:
            source = f.read()
        tree = ast.parse(source)
    except (SyntaxError, ValueError, OverflowError, MemoryError, RecursionError) as e:
        out.append("ERROR ast %s: %s" % (type(e).__name__, one_line(e)))
        return out
    try:
        compile(source, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        out.append("SEMANTIC %d %d %s" % (e.lineno or 0, e.offset or 0, one_line(e.msg)))
    except (ValueError, RecursionError, MemoryError):
        pass
    try:
        text = source.decode(tree_encoding(source))
        table = symtable.symtable(text, path, "exec")
    except (SyntaxError, ValueError, LookupError, RecursionError) as e:
        out.append("ERROR symtable %s: %s" % (type(e).__name__, one_line(e)))
        return out
    if any(isinstance(s, ast.ImportFrom) and s.module == "__future__" and any(a.name == "annotations" for a in s.names)
           for s in tree.body):
        out.append("FUTURE_ANNOTATIONS")
    for what, n in sorted(counts(tree).items()):
        out.append("COUNT %s %d" % (what, n))
    scopes(table, "", out)
    try:
        code = compile(tree, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError):
        code = None
    if code is not None:
        out.append("QUALNAMES")
        qualnames(code, out)
    return out


def tree_encoding(source):
    import tokenize, io
    encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
    return encoding


def main():
    for line in sys.stdin:
        path = line.rstrip("\n")
        if path:
            sys.stdout.write("\n".join(describe(path)) + "\nEND\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
