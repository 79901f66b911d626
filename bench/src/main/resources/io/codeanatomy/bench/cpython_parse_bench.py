"""Times CPython's ast.parse over the files named on stdin (one path per line), on one core.
Prints: files bytes seconds refused. Reads every file first so that only parsing is timed."""
import ast, sys, time, warnings

warnings.simplefilter("ignore")
paths = [line.rstrip("\n") for line in sys.stdin if line.strip()]
sources = []
for p in paths:
    with open(p, "rb") as f:
        sources.append(f.read())
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
best = None
refused = 0
for _ in range(rounds):
    refused = 0
    t0 = time.perf_counter()
    for src in sources:
        try:
            ast.parse(src)
        except Exception:
            refused += 1
    elapsed = time.perf_counter() - t0
    best = elapsed if best is None else min(best, elapsed)
print(len(sources), sum(map(len, sources)), "%.6f" % best, refused)
