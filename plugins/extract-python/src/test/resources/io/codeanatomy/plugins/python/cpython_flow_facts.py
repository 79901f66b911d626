"""The CPython side of the value-flow differential test.

Reads file paths (one per line) on stdin and prints, per file, the value-flow facts CPython's own
ast has, grouped by a key that says what they are (table, kind and the properties that tell rows
apart), in a line format the Java test reads:

    FILE <path>
    ERROR <message>            CPython cannot parse the file
    FACT <key> <count> <sum>   count: facts with this key; sum: a checksum of their positions
    END

A position is lineno * 65536 + col_offset (UTF-8 bytes, as CPython counts). The checksum adds each
fact's anchor position and its links' positions and numbers times small factors, the same formula
the Java side (FlowFactsComparison) computes from the rows, so a fact at another place, or linked
to another node, changes it.
"""
import ast
import sys
import warnings

warnings.simplefilter("ignore")

KINDS = {
    "Name": "NAME", "Attribute": "ATTRIBUTE", "Subscript": "SUBSCRIPT", "Call": "CALL", "Lambda": "LAMBDA",
    "Tuple": "TUPLE", "List": "LIST", "Set": "SET", "Dict": "DICT", "Starred": "STARRED",
    "ListComp": "COMPREHENSION", "SetComp": "COMPREHENSION", "DictComp": "COMPREHENSION",
    "GeneratorExp": "COMPREHENSION", "Await": "AWAIT", "Yield": "YIELD", "YieldFrom": "YIELD_FROM",
    "Constant": "CONST", "IfExp": "IF_EXP", "BoolOp": "BOOL_OP", "NamedExpr": "NAMED_EXPR",
}
CONTEXTS = {ast.Load: "LOAD", ast.Store: "STORE", ast.Del: "DEL"}
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def pos(node):
    return 0 if node is None else node.lineno * 65536 + node.col_offset


def const_kind(value):
    if isinstance(value, bool):
        return "BOOL"
    if isinstance(value, int):
        return "INT"
    if isinstance(value, float):
        return "FLOAT"
    if isinstance(value, complex):
        return "COMPLEX"
    if isinstance(value, str):
        return "STR"
    if isinstance(value, bytes):
        return "BYTES"
    if value is None:
        return "NONE"
    return "ELLIPSIS"


def key_kind(node):
    """INT or STR when node is an int or str constant (or a negated int), else '-'."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
        if isinstance(node, ast.Constant) and const_kind(node.value) == "INT":
            return "INT"
        return "-"
    if isinstance(node, ast.Constant) and const_kind(node.value) in ("INT", "STR"):
        return const_kind(node.value)
    return "-"


def dotted(node):
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def dotted_string(value):
    s = value.strip()
    return bool(s) and all(part.isidentifier() for part in s.split("."))


def string_parts(tree):
    """The f-string parts that get no expression row: a JoinedStr's values and a FormattedValue's format spec."""
    parts = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts.update(id(v) for v in node.values)
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            parts.add(id(node.format_spec))
    return parts


class Facts:
    def __init__(self):
        self.counts = {}

    def add(self, key, anchor, *links):
        """links: pairs (factor, number) added to the anchor's position in the checksum."""
        total = pos(anchor) + sum(f * n for f, n in links)
        c = self.counts.setdefault(key, [0, 0])
        c[0] += 1
        c[1] += total


def exprs(tree, facts):
    skip = string_parts(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.expr) or id(node) in skip:
            continue
        name = type(node).__name__
        kind = KINDS.get(name, "OTHER")
        ctx = CONTEXTS[type(node.ctx)] if kind in ("NAME", "ATTRIBUTE", "SUBSCRIPT", "STARRED", "TUPLE", "LIST") else "-"
        const = "-"
        base = index = value = None
        if kind == "CONST":
            const = const_kind(node.value)
        elif kind == "SUBSCRIPT":
            const = key_kind(node.slice)
            base, index = node.value, node.slice
        elif kind == "ATTRIBUTE":
            base = node.value
        elif kind == "CALL":
            base = node.func
        elif kind in ("STARRED", "AWAIT", "YIELD", "YIELD_FROM", "NAMED_EXPR"):
            value = node.value
        facts.add("expr %s %s %s %s" % (kind, name, ctx, const), node, (3, pos(base)), (5, pos(index)),
                  (7, pos(value)))
        if kind == "IF_EXP":
            for i, o in enumerate((node.body, node.orelse)):
                facts.add("operand IfExp", o, (3, pos(node)), (11, i))
        elif kind == "BOOL_OP":
            for i, o in enumerate(node.values):
                facts.add("operand BoolOp", o, (3, pos(node)), (11, i))
        if isinstance(node, ast.BinOp):
            for i, o in enumerate((node.left, node.right)):
                facts.add("operator BinOp %s" % type(node.op).__name__, o, (3, pos(node)), (11, i))
        elif isinstance(node, ast.UnaryOp):
            facts.add("operator UnaryOp %s" % type(node.op).__name__, node.operand, (3, pos(node)), (11, 0))
        elif isinstance(node, ast.Compare):
            facts.add("operator Compare -", node.left, (3, pos(node)), (11, 0))
            for i, (op, o) in enumerate(zip(node.ops, node.comparators)):
                facts.add("operator Compare %s" % type(op).__name__, o, (3, pos(node)), (11, i + 1))


def elements(node, facts):
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        kind = KINDS[type(node).__name__]
        ctx = "LOAD" if isinstance(node, ast.Set) else CONTEXTS[type(node.ctx)]
        star = next((i for i, e in enumerate(node.elts) if isinstance(e, ast.Starred)), -1)
        for i, e in enumerate(node.elts):
            starred = isinstance(e, ast.Starred)
            element = e.value if starred else e
            facts.add("element %s %s %s -" % (kind, ctx, "starred" if starred else "plain"), e,
                      (3, pos(node)), (5, pos(element)), (11, i), (13, star), (17, len(node.elts)))
    elif isinstance(node, ast.Dict):
        for i, (k, v) in enumerate(zip(node.keys, node.values)):
            facts.add("element DICT LOAD %s %s" % ("double-star" if k is None else "plain",
                                                   "-" if k is None else key_kind(k)), v,
                      (3, pos(node)), (5, pos(v)), (7, pos(k)), (11, i), (13, -1), (17, len(node.values)))
    elif isinstance(node, COMPREHENSIONS):
        key, value = (node.key, node.value) if isinstance(node, ast.DictComp) else (None, node.elt)
        facts.add("element COMPREHENSION LOAD plain %s" % ("-" if key is None else key_kind(key)), value,
                  (3, pos(node)), (5, pos(value)), (7, pos(key)), (11, -1), (13, -1), (17, 1))


def statements_and_more(tree, facts):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for i, t in enumerate(node.targets):
                facts.add("assign ASSIGN %s -" % type(t).__name__, t, (3, pos(node.value)), (11, i),
                          (13, len(node.targets)))
        elif isinstance(node, ast.AnnAssign):
            if node.value is not None:
                facts.add("assign ANN_ASSIGN %s -" % type(node.target).__name__, node.target,
                          (3, pos(node.value)), (11, 0), (13, 1))
            annotation("VARIABLE", node.annotation, facts)
        elif isinstance(node, ast.AugAssign):
            facts.add("assign AUG_ASSIGN %s %s" % (type(node.target).__name__, type(node.op).__name__), node.target,
                      (3, pos(node.value)), (11, 0), (13, 1))
        elif isinstance(node, ast.NamedExpr):
            facts.add("assign NAMED_EXPR %s -" % type(node.target).__name__, node.target, (3, pos(node.value)),
                      (11, 0), (13, 1))
        elif isinstance(node, ast.Return):
            facts.add("return RETURN %s" % (node.value is not None), node, (3, pos(node.value)))
        elif isinstance(node, (ast.Yield, ast.YieldFrom, ast.Await)):
            kind = {"Yield": "YIELD", "YieldFrom": "YIELD_FROM", "Await": "AWAIT"}[type(node).__name__]
            facts.add("return %s %s" % (kind, node.value is not None), node, (3, pos(node.value)))
        elif isinstance(node, ast.Lambda):
            facts.add("return LAMBDA True", node, (3, pos(node.body)))
        elif isinstance(node, ast.Call):
            for i, a in enumerate(node.args):
                starred = isinstance(a, ast.Starred)
                facts.add("arg %s" % ("star" if starred else "positional"), a, (3, pos(node)),
                          (5, pos(a.value if starred else a)), (11, i))
            for k in node.keywords:
                facts.add("arg %s" % ("double-star" if k.arg is None else "keyword"), k, (3, pos(node)),
                          (5, pos(k.value)), (11, -1))
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            facts.add("iter FOR %s True" % isinstance(node, ast.AsyncFor), node.iter, (3, pos(node.target)), (11, 0))
        elif isinstance(node, (ast.If, ast.While)):
            branch("IF" if isinstance(node, ast.If) else "WHILE", node, node.body[0], node.body[-1],
                   node.orelse[0] if node.orelse else None, node.orelse[-1] if node.orelse else None, facts)
        elif isinstance(node, ast.IfExp):
            branch("IF_EXP", node, node.body, node.body, node.orelse, node.orelse, facts)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for i, item in enumerate(node.items):
                facts.add("iter WITH %s %s" % (isinstance(node, ast.AsyncWith), item.optional_vars is not None),
                          item.context_expr, (3, pos(item.optional_vars)), (11, i))
        elif isinstance(node, COMPREHENSIONS):
            for i, g in enumerate(node.generators):
                facts.add("iter COMPREHENSION %s True" % bool(g.is_async), g.iter, (3, pos(g.target)), (11, i))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            a = node.args
            for arg in a.posonlyargs + a.args + ([a.vararg] if a.vararg else []) + a.kwonlyargs + (
                    [a.kwarg] if a.kwarg else []):
                if arg.annotation is not None:
                    annotation("PARAM", arg.annotation, facts)
            if node.returns is not None:
                annotation("RETURN", node.returns, facts)
        elif isinstance(node, ast.ClassDef):
            for i, b in enumerate(node.bases):
                facts.add("base positional %s %s" % (isinstance(b, ast.Starred), dotted(b)), b, (3, pos(node)),
                          (11, i))
            for k in node.keywords:
                facts.add("base keyword %s %s" % (k.arg is None, dotted(k.value)), k.value, (3, pos(node)), (11, -1))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                facts.add("default", d, (3, pos(d)))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for i, d in enumerate(node.decorator_list):
                facts.add("decorator", d, (3, pos(node)), (11, i))
        elements(node, facts)


def end(node):
    return 0 if node is None else node.end_lineno * 65536 + node.end_col_offset


def branch(kind, node, first, last, else_first, else_last, facts):
    facts.add("branch %s %s" % (kind, else_first is not None), node, (3, pos(node.test)), (5, pos(first)), (7, end(last)),
              (13, pos(else_first)), (17, end(else_last)), (19, end(node)))


def annotation(kind, node, facts):
    is_string = isinstance(node, ast.Constant) and isinstance(node.value, str)
    has_dotted = dotted_string(node.value) if is_string else dotted(node)
    facts.add("annotation %s %s %s" % (kind, has_dotted, is_string), node)


def describe(path):
    out = ["FILE " + path]
    try:
        with open(path, "rb") as f:
            tree = ast.parse(f.read())
    except (SyntaxError, ValueError, OverflowError, MemoryError, RecursionError) as e:
        out.append("ERROR %s: %s" % (type(e).__name__, " ".join(str(e).split())))
        return out
    facts = Facts()
    exprs(tree, facts)
    statements_and_more(tree, facts)
    for key in sorted(facts.counts):
        count, total = facts.counts[key]
        out.append("FACT %s\t%d %d" % (key, count, total))
    return out


def main():
    for line in sys.stdin:
        path = line.rstrip("\n")
        if path:
            sys.stdout.write("\n".join(describe(path)) + "\nEND\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
