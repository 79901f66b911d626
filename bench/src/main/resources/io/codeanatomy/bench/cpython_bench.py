"""Times CPython over the files named on stdin (one path per line), on one core: `parse` runs
ast.parse, `symtable` runs ast.parse and symtable.symtable (what the extraction's facts need).
Usage: cpython_bench.py parse|symtable ROUNDS. Reads every file first so that only the work is
timed; prints: files bytes lines best-seconds refused."""
import ast, symtable, sys, time, warnings

warnings.simplefilter("ignore")
mode, rounds = sys.argv[1], int(sys.argv[2])
sources = []
for path in (line.rstrip("\n") for line in sys.stdin if line.strip()):
    with open(path, "rb") as f:
        sources.append(f.read())
lines = sum(s.count(b"\n") + (1 if s and not s.endswith(b"\n") else 0) for s in sources)
best = None
refused = 0
for _ in range(rounds):
    refused = 0
    t0 = time.perf_counter()
    for src in sources:
        try:
            ast.parse(src)
            if mode == "symtable":
                symtable.symtable(src, "<bench>", "exec")
        except Exception:
            refused += 1
    elapsed = time.perf_counter() - t0
    best = elapsed if best is None else min(best, elapsed)
print(len(sources), sum(map(len, sources)), lines, "%.6f" % best, refused)
