"""Records the dynamic call graph CPython actually runs: caller -> callee for every Python-level call.

Two modes, both printing sorted, deduplicated TSV on standard output:

  record_calls.py fixture ROOT CATEGORY
      runs ROOT/main.py as __main__ (cwd: a fresh temporary directory) and prints
        call <TAB> category <TAB> caller <TAB> callee <TAB> path <TAB> line <TAB> patterns
        def  <TAB> kind     <TAB> name   <TAB> path   <TAB> line
      where a `def` row names every function, class and module defined under ROOT (what the
      static graph may name), and `patterns` is the comma-separated `# pattern: a, b` tags
      written on the calling line ('-' when none).

  record_calls.py stdlib TEST_MODULE
      runs the standard library's test module (unittest, in process, quiet) and prints
        pair   <TAB> caller <TAB> callee
        stat   <TAB> key <TAB> value
        failed <TAB> test id <TAB> the last line of its traceback
      keeping pairs whose callee lives in a non-test standard-library module.

The attribution rules (docs/callgraph-truth.md says why):
  - names are module.qualname; module-level code is named by the module, class bodies by the class;
  - comprehension scopes (<listcomp>, <setcomp>, <dictcomp>, <genexpr>) are transparent: their
    calls belong to the enclosing function, and entering one is no call;
  - entering module or class-body code (import, class statement) is no call;
  - a call made by code outside the root (a C builtin such as map or sorted, the standard library,
    generated code such as a dataclass's __init__) is attributed to the nearest frame inside the
    root below it on the stack, at that frame's current line;
  - a generator or async generator is called by every frame that resumes it (next(), send(), a for
    loop, `yield from`, a builtin consuming it): creating one runs no code and CPython reports none;
    close() and throw() (a generator's finalisation too) are no calls;
  - a coroutine is called once, from where it was created (its cr_origin), since asyncio resumes
    it from the event loop; its later resumptions are no calls.
"""

import gc
import io
import opcode
import os
import sys
import sysconfig
import tempfile
import time
import types

RESUME = opcode.opmap["RESUME"]
COMPREHENSIONS = frozenset(("<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"))
CO_OPTIMIZED = 0x1
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200


def strip_comprehensions(qualname):
    """Drops comprehension scopes from a qualname: f.<locals>.<listcomp>.<lambda> -> f.<locals>.<lambda>."""
    parts = qualname.split(".")
    out = []
    for part in parts:
        if part in COMPREHENSIONS:
            if out and out[-1] == "<locals>":
                out.pop()
            continue
        if part == "<locals>" and out and out[-1] == "<locals>":
            continue
        out.append(part)
    return ".".join(out)


class Namer:
    """Names code objects module.qualname, for the code under one root; None for anything outside it."""

    def __init__(self, module_of_file):
        self.module_of_file = module_of_file
        self.cache = {}

    def describe(self, code):
        """(name, kind, module) with kind in function/comprehension/class/module, or None when outside the root."""
        found = self.cache.get(code)
        if found is None and code not in self.cache:
            found = self._describe(code)
            self.cache[code] = found
        return found

    def _describe(self, code):
        module = self.module_of_file(code.co_filename)
        if module is None:
            return None
        if code.co_name == "<module>":
            return module, "module", module
        qualname = strip_comprehensions(code.co_qualname)
        name = module + "." + qualname if qualname else module
        if code.co_name in COMPREHENSIONS:
            return name, "comprehension", module
        if code.co_flags & CO_OPTIMIZED:
            return name, "function", module
        return name, "class", module


def resumed(frame):
    """True when a generator's frame runs on from a RESUME: false when close() or throw() (also at a
    generator's finalisation) raise into it at its YIELD_VALUE, which runs only exception handling."""
    return frame.f_code.co_code[frame.f_lasti] == RESUME


def first_entry(frame):
    """True when a coroutine's frame starts its body (RESUME 0), false when it resumes after an await."""
    code = frame.f_code.co_code
    i = frame.f_lasti
    return code[i] == RESUME and code[i + 1] == 0


class Recorder:
    """The profile hook: keeps (caller, callee, caller's file, caller's line, callee's module) for calls inside the root."""

    def __init__(self, namer, origin):
        self.namer = namer
        self.origin = origin
        self.calls = set()

    def hook(self, frame, event, arg):
        if event != "call":
            return
        code = frame.f_code
        callee = self.namer.describe(code)
        if callee is None or callee[1] != "function":
            return
        if code.co_flags & (CO_GENERATOR | CO_ASYNC_GENERATOR) and not resumed(frame):
            return
        site = None
        if code.co_flags & CO_COROUTINE:
            if not first_entry(frame):
                return
            site = self.origin(frame)
        if site is None:
            site = self.caller(frame.f_back)
        if site is not None:
            self.calls.add((site[0], callee[0], site[1], site[2], callee[2]))

    def caller(self, frame):
        """The nearest frame inside the root, from `frame` down the stack: (name, filename, line)."""
        while frame is not None:
            described = self.namer.describe(frame.f_code)
            if described is not None:
                return described[0], frame.f_code.co_filename, frame.f_lineno
            frame = frame.f_back
        return None


class CoroutineOrigins:
    """Finds where a coroutine was created: its cr_origin, mapped back to the code that created it."""

    DEPTH = 64

    def __init__(self, namer):
        self.namer = namer
        self.codes = {}

    def __call__(self, frame):
        coroutine = next((o for o in gc.get_referrers(frame)
                          if isinstance(o, types.CoroutineType) and o.cr_frame is frame), None)
        if coroutine is None or not coroutine.cr_origin:
            return None
        for filename, line, function in coroutine.cr_origin:
            code = self.innermost(filename, line, function)
            if code is not None:
                described = self.namer.describe(code)
                if described is not None:
                    return described[0], filename, line
        return None

    def innermost(self, filename, line, function):
        """The code object named `function` in `filename` whose lines hold `line`, the most nested one."""
        if filename.startswith("<") or self.namer.module_of_file(filename) is None:
            return None
        if filename not in self.codes:
            with open(filename, encoding="utf-8") as f:
                self.codes[filename] = list(walk(compile(f.read(), filename, "exec")))
        best = None
        for depth, code in self.codes[filename]:
            if code.co_name == function and any(l == line for _, _, l in code.co_lines()):
                if best is None or depth > best[0]:
                    best = (depth, code)
        return None if best is None else best[1]


def walk(code, depth=0):
    yield depth, code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from walk(const, depth + 1)


def tsv(fields):
    for field in fields:
        text = str(field)
        if "\t" in text or "\n" in text:
            raise ValueError("a field holds a tab or a newline: %r" % text)
    return "\t".join(str(f) for f in fields)


def profiled(recorder, run):
    """Runs `run()` with the hook on, with origin tracking for coroutines; always takes the hook off."""
    sys.set_coroutine_origin_tracking_depth(CoroutineOrigins.DEPTH)
    sys.setprofile(recorder.hook)
    try:
        return run()
    finally:
        sys.setprofile(None)
        sys.set_coroutine_origin_tracking_depth(0)


# ---------------------------------------------------------------- fixtures

def file_modules(root, excluded=(), frozen=False):
    """Maps a file under `root` (not under `excluded`) to its importable dotted name relative to `root`;
    with `frozen`, a frozen module's `<frozen name>` to its name. None for anything else."""
    root = os.path.realpath(root)
    cache = {}

    def module_of_file(filename):
        found = cache.get(filename, False)
        if found is not False:
            return found
        found = None
        if frozen and filename.startswith("<frozen ") and filename.endswith(">"):
            name = filename[len("<frozen "):-1]
            # The import system's own frames are how `import` runs, not calls in the source.
            if not name.startswith("importlib._bootstrap"):
                found = name
        elif filename.endswith(".py") and not filename.startswith("<"):
            path = os.path.realpath(filename)
            if path.startswith(root + os.sep) and not path.startswith(excluded):
                relative = os.path.relpath(path, root)[:-3].split(os.sep)
                if relative[-1] == "__init__":
                    relative.pop()
                found = ".".join(relative)
        cache[filename] = found
        return found

    return module_of_file


def patterns_on(path, line, lines_of):
    if path not in lines_of:
        with open(path, encoding="utf-8") as f:
            lines_of[path] = f.read().splitlines()
    text = lines_of[path][line - 1] if 0 < line <= len(lines_of[path]) else ""
    marker = text.find("# pattern:")
    if marker < 0:
        return "-"
    return ",".join(sorted(p.strip() for p in text[marker + len("# pattern:"):].split(",") if p.strip()))


def definitions(root, module_of_file, namer):
    rows = set()
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as f:
                module = compile(f.read(), path, "exec")
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            for _, code in walk(module):
                named, kind, _ = namer.describe(code)
                if kind != "comprehension":
                    rows.add(("def", kind, named, relative, code.co_firstlineno if kind != "module" else 1))
    return rows


def record_fixture(root, category):
    root = os.path.realpath(root)
    entry = os.path.join(root, "main.py")
    if not os.path.isfile(entry):
        raise SystemExit("fixture %s has no main.py; add one that runs the fixture" % root)
    module_of_file = file_modules(root)
    namer = Namer(module_of_file)
    recorder = Recorder(namer, CoroutineOrigins(namer))
    real_stdout = sys.stdout
    sys.path.insert(0, root)
    sys.argv = [entry]
    sys.dont_write_bytecode = True
    with tempfile.TemporaryDirectory(prefix="ca-callgraph-") as work:
        os.chdir(work)
        sys.stdout = io.StringIO()
        try:
            with open(entry, encoding="utf-8") as f:
                code = compile(f.read(), entry, "exec")
            namespace = {"__name__": "__main__", "__file__": entry, "__builtins__": __builtins__}
            profiled(recorder, lambda: exec(code, namespace))
        finally:
            sys.stdout = real_stdout
            os.chdir(root)
    lines_of = {}
    rows = set()
    for caller, callee, filename, line, _ in recorder.calls:
        relative = os.path.relpath(os.path.realpath(filename), root).replace(os.sep, "/")
        rows.add(("call", category, caller, callee, relative, line, patterns_on(filename, line, lines_of)))
    rows |= definitions(root, module_of_file, namer)
    for row in sorted(rows, key=lambda r: tuple(str(f) if not isinstance(f, int) else "%09d" % f for f in r)):
        print(tsv(row))


# ---------------------------------------------------------------- standard library

def stdlib_modules():
    """Maps a standard-library file (or frozen module) to its dotted name relative to the stdlib root."""
    root = os.path.realpath(sysconfig.get_paths()["stdlib"])
    excluded = (os.path.join(root, "site-packages") + os.sep, os.path.join(root, "lib-dynload") + os.sep)
    return file_modules(root, excluded, frozen=True)


def is_test_module(module):
    """test.*, and the test packages inside other packages (unittest.test, idlelib.idle_test, lib2to3.tests)."""
    return any(part in ("test", "tests", "idle_test") for part in module.split("."))


def record_stdlib(test_module):
    import unittest

    namer = Namer(stdlib_modules())
    recorder = Recorder(namer, CoroutineOrigins(namer))
    sys.dont_write_bytecode = True
    # Some tests print the program name (argparse's help): one that does not vary with this script's temporary name.
    sys.argv = ["unittest"]
    stream = io.StringIO()
    real_stdout = sys.stdout
    with tempfile.TemporaryDirectory(prefix="ca-callgraph-stdlib-") as work:
        os.chdir(work)
        sys.stdout = io.StringIO()
        try:
            started = time.perf_counter()
            suite = unittest.defaultTestLoader.loadTestsFromName(test_module)
            runner = unittest.TextTestRunner(stream=stream, verbosity=0)
            result = profiled(recorder, lambda: runner.run(suite))
            elapsed = time.perf_counter() - started
        finally:
            sys.stdout = real_stdout
            os.chdir(os.path.dirname(work))
    pairs = set()
    for caller, callee, _, _, callee_module in recorder.calls:
        if not is_test_module(callee_module):
            pairs.add(("pair", caller, callee))
    rows = sorted(pairs)
    rows.append(("stat", "tests", result.testsRun))
    rows.append(("stat", "failures", len(result.failures) + len(result.errors)))
    for test, trace in result.failures + result.errors:
        last = trace.strip().splitlines()[-1] if trace.strip() else ""
        rows.append(("failed", test.id(), last.replace("\t", " ")))
    rows.append(("stat", "seconds", "%.3f" % elapsed))
    for row in rows:
        print(tsv(row))


def main(argv):
    if len(argv) == 3 and argv[0] == "fixture":
        record_fixture(argv[1], argv[2])
    elif len(argv) == 2 and argv[0] == "stdlib":
        record_stdlib(argv[1])
    else:
        raise SystemExit("usage: record_calls.py fixture ROOT CATEGORY | stdlib TEST_MODULE")


if __name__ == "__main__":
    main(sys.argv[1:])
