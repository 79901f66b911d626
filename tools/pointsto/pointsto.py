"""Prototype of the whole-program points-to analysis and call graph of issue 10, over a build's tables.

Flow-insensitive, context-insensitive, Datalog-style: every relation is a set of tuples, every
rule a join over the extraction's value-flow tables and the CPG's scope edges, and the rules run
round after round until no relation grows (naive iteration; the data of a fixture is small). The
point is to find the rule set that reaches the targets before it is written as views of the spec;
docs/cpg-calls.md has the rules and the measured numbers.

Abstract objects (tuples, first element the kind):
  ('F', def)            a function or lambda          ('C', def)   a class
  ('I', class def)      the instances of a class      ('M', name)  a module
  ('B', def, recv)      def read through recv (an I or C object): a bound method
  ('E', qualified)      an external symbol (builtins.map, functools.partial, ...)
  ('L', expr)           the container a display or comprehension builds; fields by index, key, '*'
  ('G', def)            the generator (or async generator) a call of def makes
  ('SM', def) ('CM', def) ('P', getter, setter)   staticmethod, classmethod, property wrappers
  ('PART', call, fn)    functools.partial(fn, ...) made at call
  ('SUPER', class, recv)  super() in a method of class, for receiver recv
  ('LB', obj, method)   a builtin method of a container (dict.get, list.append, list.sort)
  ('ID',)               a decorator that returns its argument (functools.wraps(f), lru_cache(...))
  ('CTX', def)          what a @contextmanager function returns
"""
import json
import os
import re
import sys
from collections import defaultdict

# Rule groups to switch off for an ablation: POINTSTO_OFF=dunders,callbacks,decorators,indices
OFF = set(filter(None, os.environ.get("POINTSTO_OFF", "").split(",")))
COMP_PARTS = re.compile(r"\.<(listcomp|setcomp|dictcomp|genexpr)>")
OP_NAMES = {"Add": "+", "Sub": "-", "Mult": "*", "Div": "/", "FloorDiv": "//", "Mod": "%",
            "Pow": "**", "MatMult": "@", "BitAnd": "&", "BitOr": "|", "BitXor": "^", "LShift": "<<",
            "RShift": ">>", "USub": "-", "UAdd": "+", "Invert": "~", "Not": "not", "Eq": "==",
            "NotEq": "!=", "Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=", "In": "in",
            "NotIn": "not in", "Is": "is", "IsNot": "is not"}
BINOPS = {"+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "%": "mod",
          "**": "pow", "@": "matmul", "&": "and", "|": "or", "^": "xor", "<<": "lshift",
          ">>": "rshift"}
CMPOPS = {"==": ("__eq__", "__eq__"), "!=": ("__ne__", "__ne__"), "<": ("__lt__", "__gt__"),
          "<=": ("__le__", "__ge__"), ">": ("__gt__", "__lt__"), ">=": ("__ge__", "__le__")}
UNARY_BUILTINS = {"builtins.len": "__len__", "builtins.str": "__str__", "builtins.repr": "__repr__",
                  "builtins.bool": "__bool__", "builtins.hash": "__hash__",
                  "builtins.abs": "__abs__", "builtins.iter": "__iter__",
                  "builtins.next": "__next__", "builtins.format": "__format__"}
DRAINING = {"builtins.list", "builtins.tuple", "builtins.set", "builtins.sum", "builtins.sorted",
            "builtins.min", "builtins.max", "builtins.any", "builtins.all", "builtins.dict",
            "builtins.frozenset", "builtins.next", "builtins.enumerate", "builtins.zip",
            "builtins.map", "builtins.filter", "builtins.reversed", "builtins.iter"}


class Facts:
    def __init__(self, path, root):
        self.root = root
        t = defaultdict(list)
        with open(path) as f:
            for line in f:
                row = json.loads(line)
                t[row["t"].strip()].append(row["r"])
        self.t = t
        self.exprs = {r["expr_id"]: r for r in t["py_exprs_v1"]}
        self.defs = {r["def_id"]: r for r in t["py_defs_v1"]}
        self.module_of_path = {r["path"]: r["module_name"] for r in t["py_files_v1"]}
        self.file_of_module = {r["module_name"]: r["file_id"] for r in t["py_files_v1"]}
        self.comp_scope = {r["comp_id"]: r["scope_id"] for r in t["py_comprehensions_v1"]}
        nodes = t["cpg_nodes"]
        self.node = {r["node_id"]: r for r in nodes}
        self.node_at = {(r["path"], r["bstart"], r["bend"], r["node_kind"]): r["node_id"]
                        for r in nodes}
        edges = defaultdict(lambda: defaultdict(set))
        for e in t["cpg_edges"]:
            edges[e["edge_kind"]][e["src_node_id"]].add(e["dst_node_id"])
        self.edges = edges
        self.defined_by = {}
        for b, ds in edges["DEFINES"].items():
            for d in ds:
                self.defined_by[d] = b
        self.names = {r["name_id"]: r for r in t["py_names_v1"]}
        # (scope, symbol) -> binding, from the names that write it
        self.scope_binding = {}
        for r in t["py_names_v1"]:
            nid = self.node_at.get((r["path"], r["bstart"], r["bend"], "PY_NAME"))
            for b in edges["WRITES"].get(nid, ()):
                self.scope_binding[(r["scope_id"], r["symbol"])] = b
        for r in t["py_defs_v1"]:
            kind = "PY_CLASS" if r["kind"] == "CLASS" else "PY_FUNCTION"
            nid = self.node_at.get((r["path"], r["bstart"], r["bend"], kind))
            b = self.defined_by.get(nid)
            if b is not None and r["kind"] != "LAMBDA":
                self.scope_binding[(r["scope_id"], r["name"])] = b
        self.class_bindings = defaultdict(list)
        for (scope, _), b in self.scope_binding.items():
            if scope in self.defs and self.defs[scope]["kind"] == "CLASS":
                self.class_bindings[scope].append(b)
        self.def_node = {}
        for r in t["py_defs_v1"]:
            for kind in ("PY_CLASS", "PY_FUNCTION", "PY_LAMBDA"):
                nid = self.node_at.get((r["path"], r["bstart"], r["bend"], kind))
                if nid:
                    self.def_node[nid] = r["def_id"]
        self.params = defaultdict(list)
        for r in sorted(t["py_params_v1"], key=lambda r: r["position"]):
            self.params[r["def_id"]].append(r)
        self.args = defaultdict(list)
        for r in t["py_call_args_v1"]:
            self.args[r["call_id"]].append(r)
        self.call_expr = {}
        for e in t["py_exprs_v1"]:
            if e["kind"] == "CALL":
                self.call_expr[e["ref_id"]] = e["expr_id"]
        self.elements = defaultdict(list)
        for r in t["py_container_elements_v1"]:
            self.elements[r["container_expr_id"]].append(r)
        self.returns = defaultdict(list)
        self.yields = defaultdict(list)
        for r in t["py_returns_v1"]:
            if r["def_id"] is None:
                continue
            if r["kind"] in ("RETURN", "LAMBDA") and r["value_expr_id"]:
                self.returns[r["def_id"]].append(r["value_expr_id"])
            elif r["kind"] in ("YIELD", "YIELD_FROM"):
                self.yields[r["def_id"]].append(r)
        self.decorators = defaultdict(list)
        for r in t["py_decorators_v2"]:
            self.decorators[r["def_id"]].append(r)
        self.operands = defaultdict(list)
        for r in t["py_expr_operands_v1"]:
            self.operands[r["expr_id"]].append(r["operand_expr_id"])
        # py_operator_operands_v1 where the build has it; else operands from spans and source
        self.operator_operands = defaultdict(list)
        for r in sorted(t["py_operator_operands_v1"], key=lambda r: r["position"]):
            self.operator_operands[r["expr_id"]].append(r)
        self.class_bases = defaultdict(list)
        for r in t["py_class_bases_v1"]:
            self.class_bases[r["def_id"]].append(r)
        self.mro = defaultdict(list)
        for r in sorted(t["cpg_mro"], key=lambda r: r["mro_position"]):
            d = self.def_node.get(r["base_id"])
            if d is not None:
                self.mro[self.def_node[r["class_id"]]].append(d)
        self.sources = {}
        self.by_scope = defaultdict(list)
        for e in t["py_exprs_v1"]:
            self.by_scope[(e["path"], e["scope_id"])].append(e)
        self.defaults = self.find_defaults()

    def find_defaults(self):
        """(param, default expression) pairs: py_param_defaults_v1 where the build has it, else the
        outermost expression after the parameter that follows an `=`."""
        if self.t["py_param_defaults_v1"]:
            params = {p["param_id"]: p for p in self.t["py_params_v1"]}
            return [(params[r["param_id"]], r["value_expr_id"]) for r in self.t["py_param_defaults_v1"]]
        out = []
        for p in self.t["py_params_v1"]:
            if not p["has_default"]:
                continue
            d = self.defs[p["def_id"]]
            src = self.source(p["path"])
            cands = [e for e in self.by_scope[(p["path"], d["scope_id"])]
                     if p["bend"] <= e["bstart"] < d["bend"]
                     and src[p["bend"]:e["bstart"]].decode().rstrip().endswith("=")]
            if cands:
                first = min(cands, key=lambda e: (e["bstart"], -e["bend"]))
                out.append((p, first["expr_id"]))
        return out

    def source(self, path):
        if path not in self.sources:
            with open(os.path.join(self.root, path), "rb") as f:
                self.sources[path] = f.read()
        return self.sources[path]

    def binding_of_name(self, name_id):
        r = self.names.get(name_id)
        if r is None:
            return None
        nid = self.node_at.get((r["path"], r["bstart"], r["bend"], "PY_NAME"))
        for kind in ("READS", "WRITES"):
            for b in self.edges[kind].get(nid, ()):
                return self.resolve(b)
        return None

    def resolve(self, b):
        seen = set()
        while b not in seen:
            seen.add(b)
            nxt = self.edges["RESOLVES_TO"].get(b)
            if not nxt:
                return b
            b = sorted(nxt)[0]
        return b

    def qualname(self, def_id):
        d = self.defs[def_id]
        return COMP_PARTS.sub("", self.module_of_path[d["path"]] + "." + d["qualname"])

    def caller(self, scope_id, path):
        while scope_id in self.comp_scope:
            scope_id = self.comp_scope[scope_id]
        if scope_id in self.defs:
            return self.qualname(scope_id)
        return self.module_of_path[path]

    def operator_parts(self, e):
        """[(operand expr, op text before it)] of a BinOp, UnaryOp or Compare."""
        rows = self.operator_operands.get(e["expr_id"])
        if rows or self.t["py_operator_operands_v1"]:
            ops = [OP_NAMES.get(r["op"]) for r in rows]
            if e["node_type"] == "BinOp":
                ops = [None, ops[0]]
            return [(self.exprs[r["operand_expr_id"]], op) for r, op in zip(rows, ops)]
        kids = self.children(e)
        src = self.source(e["path"])
        if e["node_type"] == "UnaryOp":
            return [(k, src[e["bstart"]:k["bstart"]].decode().strip("( ")) for k in kids[:1]]
        out = [(kids[0], None)] if kids else []
        for left, right in zip(kids, kids[1:]):
            out.append((right, src[left["bend"]:right["bstart"]].decode().strip().strip("()").strip()))
        return out

    def children(self, e):
        """The outermost expressions strictly inside e, in its scope, by span (operands)."""
        inner = [x for x in self.by_scope[(e["path"], e["scope_id"])]
                 if x["bstart"] >= e["bstart"] and x["bend"] <= e["bend"]
                 and x["expr_id"] != e["expr_id"] and (x["bstart"], x["bend"]) != (e["bstart"], e["bend"])]
        out = [x for x in inner if not any(y is not x and y["bstart"] <= x["bstart"] and x["bend"] <= y["bend"]
                                           and (y["bstart"], y["bend"]) != (x["bstart"], x["bend"]) for y in inner)]
        return sorted(out, key=lambda x: x["bstart"])


class Analysis:
    def __init__(self, facts):
        self.f = facts
        self.var = defaultdict(set)
        self.expr = defaultdict(set)
        self.field = defaultdict(set)
        self.star = defaultdict(set)
        self.edges = defaultdict(set)  # (caller, callee def) -> sites
        self.changed = True

    def add(self, rel, key, objs):
        s = rel[key]
        n = len(s)
        s |= objs
        if len(s) != n:
            self.changed = True

    def edge(self, caller, callee_def, site):
        key = (caller, self.f.qualname(callee_def))
        if site not in self.edges[key]:
            self.edges[key].add(site)
            self.changed = True

    # ---- lookups -------------------------------------------------------------------------------

    def class_attr(self, cls, name, start=0):
        """(defining class, objects) of the first class in cls's MRO after start that binds name."""
        mro = self.f.mro.get(cls) or [cls]
        for c in mro[start:]:
            b = self.f.scope_binding.get((c, name))
            objs = set(self.var.get(self.f.resolve(b), ())) if b else set()
            objs |= self.field.get((("C", c), name), set())
            if objs or b:
                return c, objs
        return None, set()

    def bind(self, obj, recv, site, caller, attr_site):
        """What reading a class attribute obj through recv gives."""
        kind = obj[0]
        if kind == "F" and recv[0] == "I":
            return {("B", obj[1], recv)}
        if kind == "CM":
            cls = recv if recv[0] == "C" else ("C", recv[1])
            return {("B", obj[1], cls)}
        if kind == "SM":
            return {("F", obj[1])}
        if kind == "P" and recv[0] == "I":
            return self.call_fn(obj[1], [{recv}], {}, caller, site) if obj[1] else set()
        return {obj}

    def load_attr(self, o, attr, caller, site):
        kind = o[0]
        if kind == "I":
            out = set(self.field.get((o, attr), ()))
            _, objs = self.class_attr(o[1], attr)
            for v in objs:
                out |= self.bind(v, o, site, caller, site)
            if not out and not self.field.get((o, attr)) and not objs:
                _, ga = self.class_attr(o[1], "__getattr__")
                for v in ga:
                    if v[0] == "F":
                        out |= self.call_fn(v[1], [{o}, set()], {}, caller, site)
            return out
        if kind == "C":
            out = set()
            _, objs = self.class_attr(o[1], attr)
            for v in objs:
                out |= self.bind(v, o, site, caller, site)
            return out
        if kind == "M":
            out = set()
            fid = self.f.file_of_module.get(o[1])
            b = self.f.scope_binding.get((fid, attr)) if fid else None
            if b:
                out |= self.var.get(self.f.resolve(b), set())
            out |= self.field.get((o, attr), set())
            sub = o[1] + "." + attr
            if sub in self.f.file_of_module:
                out.add(("M", sub))
            return out
        if kind == "SUPER":
            cls, recv = o[1], o[2]
            rc = recv[1]
            mro = self.f.mro.get(rc) or [rc]
            start = mro.index(cls) + 1 if cls in mro else len(mro)
            _, objs = self.class_attr(rc, attr, start)
            if not objs and attr == "__call__" and recv[0] == "C":
                return {("CTOR", recv[1])}
            out = set()
            for v in objs:
                out |= self.bind(v, recv, site, caller, site)
            return out
        if kind == "P" and attr in ("setter", "getter", "deleter"):
            return {("PSET", o[1])}
        if kind == "L" and attr in ("get", "append", "sort", "extend", "setdefault", "pop", "values", "items"):
            return {("LB", o, attr)}
        if kind == "F":
            return set(self.field.get((o, attr), ()))
        return set()

    def elements_of(self, o, caller, site):
        kind = o[0]
        if kind == "L":
            return set(self.field.get((o, "*"), ()))
        if kind == "G":
            self.edge(caller, o[1], site)
            out = set()
            for y in self.f.yields[o[1]]:
                if y["kind"] == "YIELD" and y["value_expr_id"]:
                    out |= self.expr.get(y["value_expr_id"], set())
                elif y["kind"] == "YIELD_FROM":
                    for s in self.expr.get(y["value_expr_id"], ()):
                        out |= self.elements_of(s, self.f.qualname(o[1]), site)
            return out
        if kind == "I":
            its = self.dunder(o, "__iter__", [], caller, site)
            out = set()
            for it in its:
                if it[0] == "I":
                    out |= self.dunder(it, "__next__", [], caller, site)
                else:
                    out |= self.elements_of(it, caller, site)
            return out
        if kind == "LB" and o[2] in ("values",):
            return set(self.field.get((o[1], "*"), ()))
        return set()

    def dunder(self, o, name, args, caller, site):
        if o[0] != "I" or "dunders" in OFF:
            return set()
        _, objs = self.class_attr(o[1], name)
        out = set()
        for v in objs:
            if v[0] == "F":
                out |= self.call_fn(v[1], [{o}] + args, {}, caller, site)
        return out

    # ---- calls ---------------------------------------------------------------------------------

    def call_fn(self, d, pos, kw, caller, site, star=None):
        """Calls function d with positional argument sets pos, keyword sets kw; returns results."""
        fd = self.f.defs[d]
        gen = bool(self.f.yields[d]) and fd["kind"] != "LAMBDA"
        if not gen:
            self.edge(caller, d, site)
        params = self.f.params[d]
        positional = [p for p in params if p["kind"] in ("POSITIONAL_ONLY", "REGULAR")]
        for i, objs in enumerate(pos):
            if i < len(positional):
                self.add_param(positional[i], objs)
            else:
                for p in params:
                    if p["kind"] == "VAR_POSITIONAL":
                        lst = ("L", "args:" + p["param_id"])
                        self.add_param(p, {lst})
                        self.add(self.field, (lst, "*"), objs)
                        self.add(self.field, (lst, i - len(positional)), objs)
        if star:
            for j, objs in star:
                for p in positional[j:]:
                    self.add_param(p, objs)
                for p in params:
                    if p["kind"] == "VAR_POSITIONAL":
                        lst = ("L", "args:" + p["param_id"])
                        self.add_param(p, {lst})
                        self.add(self.field, (lst, "*"), objs)
        for name, objs in kw.items():
            match = [p for p in params if p["name"] == name and p["kind"] != "VAR_POSITIONAL"]
            if name == "**":
                for o in objs:
                    for p in params:
                        if p["kind"] in ("REGULAR", "KEYWORD_ONLY"):
                            self.add_param(p, self.field.get((o, "k:" + p["name"]), set()))
                    for p in params:
                        if p["kind"] == "VAR_KEYWORD":
                            self.add_param(p, {o})
                continue
            if match:
                self.add_param(match[0], objs)
            else:
                for p in params:
                    if p["kind"] == "VAR_KEYWORD":
                        dct = ("L", "kwargs:" + p["param_id"])
                        self.add_param(p, {dct})
                        self.add(self.field, (dct, "*"), objs)
                        self.add(self.field, (dct, "k:" + name), objs)
        if gen:
            return {("G", d)}
        if fd["kind"] == "ASYNC_FUNCTION" or fd.get("is_async"):
            pass
        out = set()
        for v in self.f.returns[d]:
            out |= self.expr.get(v, set())
        return out

    def add_param(self, p, objs):
        nid = self.f.node_at.get((p["path"], p["bstart"], p["bend"], "PY_PARAM"))
        b = self.f.defined_by.get(nid)
        if b is not None and objs:
            self.add(self.var, b, objs)

    def call_obj(self, o, pos, kw, caller, site, star=None, arg_rows=()):
        kind = o[0]
        if kind == "F":
            return self.call_fn(o[1], pos, kw, caller, site, star)
        if kind == "B":
            return self.call_fn(o[1], [{o[2]}] + pos, kw, caller, site,
                                [(j + 1, s) for j, s in star] if star else None)
        if kind == "C":
            meta = self.metaclass_call(o[1])
            if meta:
                out = set()
                for m in meta:
                    out |= self.call_fn(m, [{o}] + pos, kw, caller, site,
                                        [(j + 1, s) for j, s in star] if star else None)
                return out
            return self.call_obj(("CTOR", o[1]), pos, kw, caller, site, star, arg_rows)
        if kind == "CTOR":
            inst = ("I", o[1])
            if self.is_dataclass(o[1]):
                for c in self.f.mro.get(o[1]) or [o[1]]:
                    for b in self.f.class_bindings[c]:
                        for v in list(self.var.get(self.f.resolve(b), ())):
                            if v[0] == "DF":
                                self.call_obj(v[1], [], {}, caller, site)
            _, new = self.class_attr(o[1], "__new__")
            for v in new:
                if v[0] in ("F", "SM"):
                    self.call_fn(v[1], [{o}] + pos, kw, caller, site)
            _, init = self.class_attr(o[1], "__init__")
            for v in init:
                if v[0] == "F":
                    self.call_fn(v[1], [{inst}] + pos, kw, caller, site,
                                 [(j + 1, s) for j, s in star] if star else None)
            _, post = self.class_attr(o[1], "__post_init__")
            for v in post:
                if v[0] == "F" and self.is_dataclass(o[1]):
                    self.call_fn(v[1], [{inst}], {}, caller, site)
            return {inst}
        if kind == "I":
            return self.dunder(o, "__call__", pos, caller, site)
        if kind == "PART":
            inner = self.expr_objs_of_partial(o)
            out = set()
            for fn in inner[0]:
                out |= self.call_obj(fn, inner[1] + pos, {**inner[2], **kw}, caller, site)
            return out
        if kind == "ID":
            return set().union(*pos) if pos else set()
        if kind == "SM" or kind == "CM":
            return set()
        if kind == "LB":
            return self.call_container_method(o, pos, kw, caller, site, arg_rows)
        if kind == "PSET":
            return {("P", o[1], next(iter(pos[0]))[1] if pos and pos[0] else None)} if pos else set()
        if kind == "CTXF":
            return {("CTX", o[1])}
        if kind == "E":
            return self.call_external(o[1], pos, kw, caller, site, arg_rows)
        return set()

    def metaclass_call(self, c):
        """The __call__ functions of the metaclass of c (declared by it or an ancestor)."""
        out = set()
        for k in self.f.mro.get(c) or [c]:
            for r in self.f.class_bases[k]:
                if r["keyword"] == "metaclass":
                    for m in self.expr.get(r["expr_id"], ()):
                        if m[0] == "C":
                            _, objs = self.class_attr(m[1], "__call__")
                            out |= {v[1] for v in objs if v[0] == "F"}
        return out

    def is_dataclass(self, c):
        return any((r["dotted_name"] or "").split(".")[-1] == "dataclass"
                   for r in self.f.decorators[c])

    def expr_objs_of_partial(self, o):
        call = o[1]
        rows = sorted(self.f.args[call], key=lambda r: r["position"])
        fn = set()
        pos = []
        kw = {}
        for r in rows:
            objs = self.expr.get(r["arg_expr_id"], set())
            if r["position"] == 0:
                fn = objs
            elif r["position"] > 0:
                pos.append(objs)
            elif r["keyword"]:
                kw[r["keyword"]] = objs
        return fn, pos, kw

    def call_container_method(self, o, pos, kw, caller, site, arg_rows):
        cont, m = o[1], o[2]
        if m == "get":
            key = self.f.exprs.get(arg_rows[0]["arg_expr_id"], {}) if arg_rows else {}
            exact = (self.field.get((cont, "k:" + key["const_text"]))
                     if key.get("const_kind") == "STR" else None)
            if exact is not None or (key.get("const_kind") == "STR" and (cont, "?") not in self.field):
                out = set(exact or ())
            else:
                out = set(self.field.get((cont, "*"), ()))
            if len(pos) > 1:
                out |= pos[1]
            return out
        if m in ("append", "extend") and pos:
            self.add(self.field, (cont, "*"), pos[0] if m == "append" else
                     set().union(*[self.field.get((x, "*"), set()) for x in pos[0]]))
            return set()
        if m == "sort":
            for fn in kw.get("key", ()):
                self.call_obj(fn, [self.field.get((cont, "*"), set())], {}, caller, site)
            self.compare_elements(self.field.get((cont, "*"), set()), caller, site)
            return set()
        if m == "setdefault" and len(pos) > 1:
            self.add(self.field, (cont, "*"), pos[1])
            self.add(self.field, (cont, "?"), {("?",)})
            return set(self.field.get((cont, "*"), ())) | pos[1]
        if m == "values":
            return {cont}
        if m == "pop":
            return set(self.field.get((cont, "*"), ()))
        return set()

    def compare_elements(self, elems, caller, site):
        for e in elems:
            if e[0] == "I":
                self.dunder(e, "__lt__", [{e}], caller, site)

    def call_external(self, name, pos, kw, caller, site, arg_rows):
        if "callbacks" in OFF and name in ("builtins.map", "builtins.filter", "builtins.sorted",
                                           "builtins.min", "builtins.max", "functools.reduce"):
            return set()
        if name in ("builtins.map", "builtins.filter") and pos:
            elems = set()
            for s in pos[1:]:
                for c in s:
                    elems |= self.elements_of(c, caller, site)
            out = set()
            for fn in pos[0]:
                out |= self.call_obj(fn, [elems] * max(1, len(pos) - 1), {}, caller, site)
            lst = ("L", "ext:" + site)
            self.add(self.field, (lst, "*"), out if name == "builtins.map" else elems)
            return {lst}
        if name in ("builtins.sorted", "builtins.min", "builtins.max") and pos:
            elems = set()
            for c in pos[0]:
                elems |= self.elements_of(c, caller, site)
            for fn in kw.get("key", ()):
                self.call_obj(fn, [elems], {}, caller, site)
            if "key" not in kw:
                for e in elems:
                    if e[0] == "I":
                        self.dunder(e, "__lt__" if name != "builtins.max" else "__gt__", [{e}], caller, site)
                        if name == "builtins.max":
                            self.dunder(e, "__lt__", [{e}], caller, site)
            if name == "builtins.sorted":
                lst = ("L", "ext:" + site)
                self.add(self.field, (lst, "*"), elems)
                return {lst}
            return elems
        if name == "functools.reduce" and pos:
            elems = set()
            for c in pos[1] if len(pos) > 1 else ():
                elems |= self.elements_of(c, caller, site)
            out = set()
            for fn in pos[0]:
                out |= self.call_obj(fn, [elems | (pos[2] if len(pos) > 2 else set()), elems], {}, caller, site)
            return out
        if name == "functools.partial":
            return {("PART", site.split("|")[1])}
        if name in ("functools.wraps",):
            return {("ID",)}
        if name in ("functools.lru_cache", "functools.cache", "dataclasses.dataclass",
                    "functools.total_ordering", "typing.runtime_checkable"):
            if pos and any(o[0] in ("F", "C") for o in pos[0]):
                return set(pos[0])
            return {("ID",)}
        if name == "builtins.property":
            return {("P", o[1], None) for o in (pos[0] if pos else ()) if o[0] == "F"}
        if name == "builtins.staticmethod":
            return {("SM", o[1]) for o in (pos[0] if pos else ()) if o[0] == "F"}
        if name == "builtins.classmethod":
            return {("CM", o[1]) for o in (pos[0] if pos else ()) if o[0] == "F"}
        if name == "contextlib.contextmanager":
            return {("CTXF", o[1]) for o in (pos[0] if pos else ()) if o[0] == "F"}
        if name in UNARY_BUILTINS and pos:
            out = set()
            for o in pos[0]:
                if o[0] == "I":
                    out |= self.dunder(o, UNARY_BUILTINS[name], [], caller, site)
                    if name == "builtins.bool":
                        _, b = self.class_attr(o[1], "__bool__")
                        if not b:
                            self.dunder(o, "__len__", [], caller, site)
                elif o[0] == "G" and name in ("builtins.next",):
                    out |= self.elements_of(o, caller, site)
                elif name == "builtins.iter":
                    out.add(o)
            if name in ("builtins.iter",):
                return out
            return out if name == "builtins.next" else set()
        if name == "builtins.getattr" and len(arg_rows) >= 2:
            attr = self.f.exprs.get(arg_rows[1]["arg_expr_id"], {})
            if attr.get("const_kind") == "STR":
                out = set()
                for o in pos[0]:
                    out |= self.load_attr(o, attr["const_text"], caller, site)
                return out
        if name == "builtins.super" and len(pos) == 2:
            return {("SUPER", c[1], r) for c in pos[0] if c[0] == "C" for r in pos[1]}
        if name in ("builtins.dict", "copy.copy") and pos and all(o[0] == "L" for o in pos[0]):
            lst = ("L", "ext:" + site)
            for (o, key), vals in list(self.field.items()):
                if o in pos[0] and key != "#":
                    self.add(self.field, (lst, key), vals)
            return {lst}
        if name == "dataclasses.field":
            return {("DF", fn) for fn in kw.get("default_factory", ())}
        if name in DRAINING and pos:
            out = set()
            for s in pos:
                for o in s:
                    if o[0] in ("G", "I", "L"):
                        out |= self.elements_of(o, caller, site)
            if name in ("builtins.list", "builtins.tuple", "builtins.set", "builtins.reversed", "builtins.enumerate", "builtins.zip"):
                lst = ("L", "ext:" + site)
                self.add(self.field, (lst, "*"), out)
                return {lst}
            return out
        if name == "asyncio.run" or name.startswith("asyncio."):
            return set()
        return set()

    # ---- the rules, one round ------------------------------------------------------------------

    def round(self):
        f = self.f
        for e in f.t["py_exprs_v1"]:
            self.eval_expr(e)
        for a in f.t["py_assignments_v1"]:
            self.assign(a["target_expr_id"], self.expr.get(a["value_expr_id"], set()))
        for it in f.t["py_iterations_v1"]:
            src = f.exprs[it["source_expr_id"]]
            caller = f.caller(src["scope_id"], src["path"])
            site = src["path"] + ":" + str(src["bstart"])
            objs = set()
            for o in self.expr.get(it["source_expr_id"], ()):
                if it["kind"] == "WITH":
                    if o[0] == "CTX":
                        self.edge(caller, o[1], site)
                        for y in f.yields[o[1]]:
                            if y["value_expr_id"]:
                                objs |= self.expr.get(y["value_expr_id"], set())
                    enter = "__aenter__" if it["is_async"] else "__enter__"
                    exitn = "__aexit__" if it["is_async"] else "__exit__"
                    objs |= self.dunder(o, enter, [], caller, site)
                    self.dunder(o, exitn, [set(), set(), set()], caller, site)
                else:
                    if it["is_async"] and o[0] == "I":
                        its = self.dunder(o, "__aiter__", [], caller, site)
                        for x in its:
                            objs |= self.dunder(x, "__anext__", [], caller, site) if x[0] == "I" else self.elements_of(x, caller, site)
                    else:
                        objs |= self.elements_of(o, caller, site)
            if it["target_expr_id"]:
                self.assign(it["target_expr_id"], objs)
        for d in f.t["py_defs_v1"]:
            self.define(d)
        for p, default in f.defaults:
            self.add_param(p, self.expr.get(default, set()))
        for imp in f.t["py_imports_v1"]:
            self.import_alias(imp)
            if imp["is_star"]:
                self.star_import(imp)
        for r in f.t["py_returns_v1"]:
            if r["kind"] == "YIELD_FROM" and r["def_id"]:
                src = f.exprs[r["value_expr_id"]]
                for o in self.expr.get(r["value_expr_id"], ()):
                    if o[0] == "G":
                        self.edge(f.qualname(r["def_id"]), o[1], src["path"] + ":" + str(src["bstart"]))
        for c in f.t["py_defs_v1"]:
            if c["kind"] == "CLASS":
                mro = f.mro.get(c["def_id"]) or []
                caller = f.caller(c["scope_id"], c["path"])
                for base in mro[1:]:
                    b = f.scope_binding.get((base, "__init_subclass__"))
                    if b:
                        for v in list(self.var.get(f.resolve(b), ())):
                            if v[0] in ("F", "CM"):
                                # implicitly a classmethod: cls is the new class
                                self.call_fn(v[1], [{("C", c["def_id"])}], {}, caller,
                                             c["path"] + ":" + str(c["bstart"]))
                        break

    def import_alias(self, imp):
        """An alias binds what its IMPORTS edges reach; `import a.b.c` binds the package a."""
        f = self.f
        nid = f.node_at.get((imp["path"], imp["bstart"], imp["bend"], "PY_IMPORT_ALIAS"))
        b = f.defined_by.get(nid)
        if b is None:
            return
        out = set()
        plain_dotted = (imp["name"] is None and "." in imp["module"]
                        and imp["bound_name"] == imp["module"].split(".")[0])
        for target in f.edges["IMPORTS"].get(nid, ()):
            n = f.node[target]
            kind = n["node_kind"]
            if plain_dotted:
                out.add(("M", imp["module"].split(".")[0]) if kind == "PY_MODULE"
                        else ("E", imp["module"].split(".")[0]))
            elif kind == "PY_MODULE":
                out.add(("M", n["qualified_name"]))
            elif kind in ("PY_FUNCTION", "PY_CLASS"):
                out |= self.var.get(f.resolve(f.defined_by.get(target)), set())
            elif kind == "PY_BINDING":
                out |= self.var.get(f.resolve(target), set())
            elif kind == "PY_EXTERNAL":
                out.add(("E", n["qualified_name"]))
        self.add(self.var, b, out)

    def star_import(self, imp):
        """`from m import *` binds no symbol; a module-level name it provides is read from here."""
        f = self.f
        nid = f.node_at.get((imp["path"], imp["bstart"], imp["bend"], "PY_IMPORT_ALIAS"))
        for target in f.edges["IMPORTS"].get(nid, ()):
            n = f.node[target]
            if n["node_kind"] in ("PY_FUNCTION", "PY_CLASS"):
                objs = self.var.get(f.resolve(f.defined_by.get(target)), set())
            elif n["node_kind"] == "PY_BINDING":
                objs = self.var.get(f.resolve(target), set())
            else:
                continue
            self.add(self.star, (imp["path"], n["name"]), objs)

    def define(self, d):
        f = self.f
        val = {("C", d["def_id"])} if d["kind"] == "CLASS" else {("F", d["def_id"])}
        caller = f.caller(d["scope_id"], d["path"])
        decorators = [] if "decorators" in OFF else f.decorators[d["def_id"]]
        for deco in sorted(decorators, key=lambda r: -r["position"]):
            fn = self.expr.get(deco["expr_id"], set())
            site = d["path"] + ":deco" + str(deco["position"]) + "|" + d["def_id"]
            out = set()
            for o in fn:
                out |= self.call_obj(o, [val], {}, caller, site)
            val = out
        if d["kind"] == "LAMBDA":
            return
        b = f.scope_binding.get((d["scope_id"], d["name"]))
        if b:
            self.add(self.var, f.resolve(b), val)

    def assign(self, target_id, objs):
        f = self.f
        t = f.exprs.get(target_id)
        if t is None or (not objs and t["kind"] not in ("ATTRIBUTE", "SUBSCRIPT")):
            return
        k = t["kind"]
        if k == "NAME":
            b = f.binding_of_name(t["ref_id"])
            if b:
                self.add(self.var, b, objs)
        elif k == "ATTRIBUTE":
            caller = f.caller(t["scope_id"], t["path"])
            for o in list(self.expr.get(t["base_expr_id"], ())):
                if o[0] == "I":
                    _, cls_objs = self.class_attr(o[1], t["attr"])
                    for v in cls_objs:
                        if v[0] == "P" and v[2]:
                            self.call_fn(v[2], [{o}, objs], {}, caller, t["path"] + ":" + str(t["bstart"]))
                if o[0] in ("I", "C", "M", "F") and objs:
                    self.add(self.field, (o, t["attr"]), objs)
                if o[0] == "M" and objs:
                    fid = f.file_of_module.get(o[1])
                    b = f.scope_binding.get((fid, t["attr"]))
                    if b:
                        self.add(self.var, f.resolve(b), objs)
        elif k == "SUBSCRIPT":
            caller = f.caller(t["scope_id"], t["path"])
            for o in list(self.expr.get(t["base_expr_id"], ())):
                if o[0] == "L" and objs:
                    self.add(self.field, (o, "*"), objs)
                    if t["const_kind"] == "STR":
                        self.add(self.field, (o, "k:" + t["const_text"]), objs)
                    elif t["const_kind"] == "INT":
                        self.add(self.field, (o, int(t["const_text"])), objs)
                    else:
                        self.add(self.field, (o, "?"), {("?",)})
                elif o[0] == "I":
                    self.dunder(o, "__setitem__", [set(), objs], caller, t["path"] + ":" + str(t["bstart"]))
        elif k in ("TUPLE", "LIST"):
            for el in f.elements[target_id]:
                i, n, star = el["index"], el["element_count"], el["star_index"]
                part = set()
                for o in objs:
                    if o[0] != "L":
                        part |= self.elements_of(o, f.caller(t["scope_id"], t["path"]), t["path"] + ":" + str(t["bstart"]))
                        continue
                    if el["is_starred"]:
                        lst = ("L", "star:" + el["element_expr_id"])
                        self.add(self.field, (lst, "*"), self.middle(o, star, n))
                        part.add(lst)
                    elif star < 0 or i < star:
                        part |= self.index(o, i)
                    else:
                        part |= self.index(o, i - n)
                self.assign(el["element_expr_id"], part)
        elif k == "STARRED":
            self.assign(t["value_expr_id"], objs)

    def middle(self, o, star, n):
        size = self.field.get((o, "#"))
        if size:
            total = next(iter(size))
            out = set()
            for j in range(star, total - (n - star - 1)):
                out |= self.field.get((o, j), set())
            return out
        return set(self.field.get((o, "*"), ()))

    def index(self, o, i):
        exact = None if "indices" in OFF else self.field.get((o, i))
        return set(exact) if exact else set(self.field.get((o, "*"), ()))

    def eval_expr(self, e):
        f = self.f
        k = e["kind"]
        eid = e["expr_id"]
        out = set()
        caller = f.caller(e["scope_id"], e["path"])
        site = e["path"] + ":" + str(e["bstart"])
        if k == "NAME" and e["ctx"] == "LOAD":
            b = f.binding_of_name(e["ref_id"])
            if b:
                out |= self.var.get(b, set())
                n = f.node.get(b)
                if n and n["node_kind"] == "PY_EXTERNAL":
                    out.add(("E", n["qualified_name"]))
            if not out:
                out |= self.star.get((e["path"], e["name"]), set())
            if e["name"] == "super" and not out:
                out.add(("E", "builtins.super"))
        elif k == "ATTRIBUTE" and e["ctx"] == "LOAD":
            for o in list(self.expr.get(e["base_expr_id"], ())):
                if o[0] == "E":
                    out.add(("E", o[1] + "." + e["attr"]))
                else:
                    out |= self.load_attr(o, e["attr"], caller, site)
        elif k == "SUBSCRIPT" and e["ctx"] == "LOAD":
            for o in list(self.expr.get(e["base_expr_id"], ())):
                if o[0] == "L":
                    if e["const_kind"] == "STR":
                        key = "k:" + e["const_text"]
                        out |= self.field.get((o, key)) or self.field.get((o, "*"), set())
                    elif e["const_kind"] == "INT":
                        out |= self.index(o, int(e["const_text"]))
                    else:
                        out |= self.field.get((o, "*"), set())
                elif o[0] == "I":
                    out |= self.dunder(o, "__getitem__", [set()], caller, site)
        elif k == "CALL":
            out |= self.eval_call(e, caller, site)
        elif k == "LAMBDA":
            out.add(("F", e["ref_id"]))
        elif k in ("TUPLE", "LIST", "SET", "DICT") and e["ctx"] != "STORE":
            lst = ("L", eid)
            out.add(lst)
            els = f.elements[eid]
            starred = any(x["is_starred"] for x in els)
            if not starred and k != "DICT":
                self.add(self.field, (lst, "#"), {len(els)})
            for x in els:
                v = self.expr.get(x["element_expr_id"], set())
                if x["is_starred"] or x["is_double_star"]:
                    inner = set()
                    for o in v:
                        inner |= self.field.get((o, "*"), set())
                        if x["is_double_star"]:
                            for (oo, key), vals in list(self.field.items()):
                                if oo == o and isinstance(key, str) and key.startswith("k:"):
                                    self.add(self.field, (lst, key), vals)
                    self.add(self.field, (lst, "*"), inner)
                    continue
                self.add(self.field, (lst, "*"), v)
                if k == "DICT":
                    if x["key_const_text"] is not None:
                        self.add(self.field, (lst, "k:" + x["key_const_text"]), v)
                    else:
                        self.add(self.field, (lst, "?"), {("?",)})
                elif not starred:
                    self.add(self.field, (lst, x["index"]), v)
                    self.add(self.field, (lst, x["index"] - len(els)), v)
        elif k == "COMPREHENSION":
            lst = ("L", eid)
            out.add(lst)
            for x in f.elements[eid]:
                self.add(self.field, (lst, "*"), self.expr.get(x["element_expr_id"], set()))
        elif k in ("STARRED",) and e["value_expr_id"]:
            out |= self.expr.get(e["value_expr_id"], set())
        elif k in ("IF_EXP", "BOOL_OP"):
            for o in f.operands[eid]:
                out |= self.expr.get(o, set())
        elif k == "NAMED_EXPR":
            out |= self.expr.get(e["value_expr_id"], set())
        elif k == "AWAIT":
            out |= self.expr.get(e["value_expr_id"], set())
        elif e["node_type"] in ("BinOp", "Compare", "UnaryOp"):
            out |= self.eval_operator(e, caller, site)
        if out:
            self.add(self.expr, eid, out)

    def eval_operator(self, e, caller, site):
        f = self.f
        parts = f.operator_parts(e)
        out = set()
        if e["node_type"] == "UnaryOp":
            text = parts[0][1] if parts else ""
            name = {"-": "__neg__", "+": "__pos__", "~": "__invert__", "not": "__bool__"}.get(text)
            if name and parts:
                for o in self.expr.get(parts[0][0]["expr_id"], ()):
                    out |= self.dunder(o, name, [], caller, site)
            return out if text != "not" else set()
        for (left, _), (right, op) in zip(parts, parts[1:]):
            lo = self.expr.get(left["expr_id"], set())
            ro = self.expr.get(right["expr_id"], set())
            if e["node_type"] == "BinOp" and op in BINOPS:
                n = BINOPS[op]
                for o in lo:
                    r = self.dunder(o, "__%s__" % n, [ro], caller, site)
                    out |= r
                if not any(self.class_attr(o[1], "__%s__" % n)[1] for o in lo if o[0] == "I"):
                    for o in ro:
                        out |= self.dunder(o, "__r%s__" % n, [lo], caller, site)
            elif op in CMPOPS:
                m, rm = CMPOPS[op]
                found = False
                for o in lo:
                    if o[0] == "I" and self.class_attr(o[1], m)[1]:
                        found = True
                        self.dunder(o, m, [ro], caller, site)
                if not found:
                    for o in ro:
                        self.dunder(o, rm, [lo], caller, site)
            elif op in ("in", "not in"):
                for o in ro:
                    self.dunder(o, "__contains__", [lo], caller, site)
        return out

    def eval_call(self, e, caller, site):
        f = self.f
        call_id = e["ref_id"]
        rows = f.args[call_id]
        pos, kw, star = [], {}, []
        for r in sorted(rows, key=lambda r: (r["position"] < 0, r["position"])):
            objs = self.expr.get(r["arg_expr_id"], set())
            if r["is_star"]:
                for o in objs:
                    if o[0] == "L":
                        cnt = self.field.get((o, "#"))
                        if cnt:
                            for j in range(next(iter(cnt))):
                                star.append((len(pos), self.field.get((o, j), set())))
                                pos_placeholder = None
                        else:
                            star.append((len(pos), self.field.get((o, "*"), set())))
            elif r["is_double_star"]:
                kw.setdefault("**", set()).update(objs)
            elif r["position"] >= 0:
                pos.append(objs)
            else:
                kw[r["keyword"]] = objs
        # exact star expansion when every starred list has a known size
        if star and all(True for _ in star):
            exact = []
            for r in sorted(rows, key=lambda r: (r["position"] < 0, r["position"])):
                if r["position"] < 0:
                    continue
                objs = self.expr.get(r["arg_expr_id"], set())
                if r["is_star"]:
                    sized = [o for o in objs if o[0] == "L" and self.field.get((o, "#"))]
                    if len(sized) == 1 and len(sized) == len(objs):
                        o = sized[0]
                        for j in range(next(iter(self.field[(o, "#")]))):
                            exact.append(self.field.get((o, j), set()))
                        continue
                    exact = None
                    break
                exact.append(objs)
            if exact is not None:
                pos, star = exact, []
        out = set()
        callees = list(self.expr.get(e["base_expr_id"], ()))
        base = f.exprs[e["base_expr_id"]]
        if base["kind"] == "NAME" and base["name"] == "super" and not rows:
            return self.zero_arg_super(e)
        for o in callees:
            out |= self.call_obj(o, pos, kw, caller, site + "|" + call_id, star or None, rows)
        if all(o[0] == "E" for o in callees):
            for s in pos:
                for o in s:
                    if o[0] == "G":
                        self.elements_of(o, caller, site)
        return out

    def zero_arg_super(self, e):
        f = self.f
        scope = e["scope_id"]
        while scope in f.comp_scope:
            scope = f.comp_scope[scope]
        d = f.defs.get(scope)
        if not d or not d["parent_def_id"]:
            return set()
        cls = d["parent_def_id"]
        params = f.params[d["def_id"]]
        if not params:
            return set()
        p = params[0]
        nid = f.node_at.get((p["path"], p["bstart"], p["bend"], "PY_PARAM"))
        b = f.defined_by.get(nid)
        return {("SUPER", cls, r) for r in self.var.get(b, ()) if r[0] in ("I", "C")}

    def run(self, limit=50):
        rounds = 0
        while self.changed and rounds < limit:
            self.changed = False
            self.round()
            rounds += 1
        return rounds


def load_truth(path):
    truth = defaultdict(set)
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cat, caller, callee = line.rstrip("\n").split("\t")[:3]
            truth[cat].add((caller, callee))
    return truth


def main(dumps, fixtures, truth_path, verbose=False):
    truth = load_truth(truth_path)
    total = [0, 0, 0]
    print("%-13s %5s %5s %5s %6s %6s %6s" % ("category", "tp", "fp", "fn", "prec", "rec", "rounds"))
    for cat in sorted(truth):
        if not os.path.exists(os.path.join(dumps, cat + ".jsonl")):
            print("%-13s (no dump)" % cat)
            continue
        facts = Facts(os.path.join(dumps, cat + ".jsonl"), os.path.join(fixtures, cat))
        a = Analysis(facts)
        rounds = a.run()
        defined = {facts.qualname(d) for d in facts.defs if facts.defs[d]["kind"] != "CLASS"}
        callers = defined | {facts.qualname(d) for d in facts.defs} | set(facts.module_of_path.values())
        pred = {p for p in a.edges if p[0] in callers and p[1] in defined}
        t = truth[cat]
        tp, fp, fn = len(pred & t), len(pred - t), len(t - pred)
        total[0] += tp
        total[1] += fp
        total[2] += fn
        print("%-13s %5d %5d %5d %6.3f %6.3f %6d" % (cat, tp, fp, fn, tp / max(1, tp + fp),
                                                      tp / max(1, tp + fn), rounds))
        if verbose:
            for p in sorted(pred - t):
                print("   FP", *p)
            for p in sorted(t - pred):
                print("   FN", *p)
    tp, fp, fn = total
    print("%-13s %5d %5d %5d %6.3f %6.3f" % ("overall", tp, fp, fn, tp / (tp + fp), tp / (tp + fn)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], "-v" in sys.argv)
