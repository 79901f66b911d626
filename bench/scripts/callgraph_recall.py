#!/usr/bin/env python3
"""Scores the call graph of a build of the standard library against what CPython observes: runs the five
standard-library test modules of the testkit's StdlibCallTruth under its profile hook (record_calls.py,
sys.setprofile: every caller -> callee pair of Python functions), then reads the build's cpg_call_graph and
function names with the launcher's `query`, and prints

- recall: of the observed pairs with both ends among the build's functions, classes and modules, the share
  the call graph holds (overall and per test module);
- the observed share: of the pairs the call graph predicts for callers that ran under the hook, the share
  the hook observed, a lower bound on precision (tests do not take every path).

    STDLIB=$(python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')
    ./codeanatomy build "$STDLIB" --exclude 'site-packages/**' --out /tmp/stdlib-out
    python3 bench/scripts/callgraph_recall.py /tmp/stdlib-out [--truth truth.tsv] [--save-truth truth.tsv]

--save-truth keeps the recorded pairs (module, caller, callee; tab-separated), --truth reads them back
instead of running the tests again (about 20 s); --launcher picks another checkout's launcher.
"""
import argparse
import csv
import io
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
RECORDER = os.path.join(REPO, "testkit", "src", "main", "resources", "callgraph", "record_calls.py")
TEST_MODULES = ["test.test_json", "test.test_argparse", "test.test_email", "test.test_csv", "test.test_textwrap"]
NAMED_KINDS = "('PY_FUNCTION', 'PY_CLASS', 'PY_MODULE', 'PY_LAMBDA')"


def record(modules):
    """(module, caller, callee) for every pair the recorder observed running each test module."""
    triples = []
    for module in modules:
        done = subprocess.run([sys.executable, RECORDER, "stdlib", module], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"recording {module} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
        for line in done.stdout.splitlines():
            fields = line.split("\t")
            if fields[0] == "pair" and len(fields) == 3:
                triples.append((module, fields[1], fields[2]))
    return triples


def read_truth(path):
    with open(path, encoding="utf-8") as handle:
        return [tuple(line.rstrip("\n").split("\t")) for line in handle if line.strip()]


def query(launcher, out, sql):
    done = subprocess.run([launcher, "query", "--format", "csv", out, sql], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"query of {out} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    rows = list(csv.reader(io.StringIO(done.stdout)))
    return [row for row in rows[1:] if row]


def score(triples, names, call_graph):
    """Recall over the observed pairs within the build, overall and per module, and the observed share of the
    predicted pairs of callers that ran. `triples` (module, caller, callee), `names` the build's qualified
    names, `call_graph` a set of (caller, callee)."""
    truth = {(caller, callee) for _, caller, callee in triples}
    within = {pair for pair in truth if pair[0] in names and pair[1] in names}
    found = within & call_graph
    per_module = {}
    for module, caller, callee in triples:
        pairs = per_module.setdefault(module, (set(), set()))
        if (caller, callee) in within:
            pairs[0].add((caller, callee))
            if (caller, callee) in found:
                pairs[1].add((caller, callee))
    ran = {caller for caller, _ in truth}
    predicted = {pair for pair in call_graph if pair[0] in ran}
    return {
        "observed": len(truth),
        "within": len(within),
        "found": len(found),
        "recall": len(found) / len(within) if within else 0.0,
        "per_module": {m: (len(w), len(f)) for m, (w, f) in per_module.items()},
        "predicted_for_ran": len(predicted),
        "predicted_observed": len(predicted & truth),
        "call_graph": len(call_graph),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the --out directory of a build of the standard library")
    parser.add_argument("--launcher", default=os.path.join(REPO, "codeanatomy"))
    parser.add_argument("--truth", help="read the pairs recorded by an earlier --save-truth instead of recording")
    parser.add_argument("--save-truth", help="write the recorded pairs here")
    args = parser.parse_args(argv)
    triples = read_truth(args.truth) if args.truth else record(TEST_MODULES)
    if args.save_truth:
        with open(args.save_truth, "w", encoding="utf-8") as handle:
            handle.writelines("\t".join(t) + "\n" for t in triples)
    names = {row[0] for row in query(args.launcher, args.out, f"SELECT qualified_name FROM cpg_nodes WHERE node_kind IN {NAMED_KINDS}")}
    call_graph = {(row[0], row[1]) for row in query(args.launcher, args.out,
                                                    "SELECT caller_qualified_name, callee_qualified_name FROM cpg_call_graph")}
    s = score(triples, names, call_graph)
    print(f"observed pairs {s['observed']:,}; with both ends in the build {s['within']:,}; found {s['found']:,}; "
          f"recall {s['recall']:.4f}")
    for module, (within, found) in s["per_module"].items():
        print(f"  {module:<20} {found:>6,} of {within:>6,}  {found / within if within else 0.0:.3f}")
    share = s["predicted_observed"] / s["predicted_for_ran"] if s["predicted_for_ran"] else 0.0
    print(f"call graph {s['call_graph']:,} pairs; of the {s['predicted_for_ran']:,} for callers that ran, "
          f"{s['predicted_observed']:,} observed ({share:.3f}, a lower bound on precision)")


if __name__ == "__main__":
    main()
