"""Times what CPython needs for the facts the extraction produces: ast.parse and symtable.symtable
over the files named on stdin (one path per line), on one core. Prints: files bytes lines seconds
refused. Reads every file first so that only parsing and symbol tables are timed."""
import ast, symtable, sys, time, warnings

warnings.simplefilter("ignore")
paths = [line.rstrip("\n") for line in sys.stdin if line.strip()]
sources = []
for p in paths:
    with open(p, "rb") as f:
        sources.append(f.read())
lines = sum(s.count(b"\n") + (1 if s and not s.endswith(b"\n") else 0) for s in sources)
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
best = None
refused = 0
for _ in range(rounds):
    refused = 0
    t0 = time.perf_counter()
    for src in sources:
        try:
            ast.parse(src)
            symtable.symtable(src, "<bench>", "exec")
        except Exception:
            refused += 1
    elapsed = time.perf_counter() - t0
    best = elapsed if best is None else min(best, elapsed)
print(len(sources), sum(map(len, sources)), lines, "%.6f" % best, refused)
