#!/usr/bin/env python3
"""Builds a directory with the codeanatomy launcher and prints, from the same run, how it compares
with CPython over the same files: wall and CPU time per build phase, peak RSS, MB/s, and the
ratios to CPython's parse only (ast.parse of every file, what `python3 -m ast` does per file) and
to CPython's ast.parse + symtable walk (what the extraction's facts need).

    python3 bench/scripts/build_bench.py DIR [--exclude-dir NAME ...] [--launcher PATH] [--out DIR]
                                             [--workers N] [--java-opts OPTS] [--rounds N] [--no-calls]

The machine may be shared: CPU times are the robust figures, and the load average is printed
before and after. The build's CPU per phase comes from sampling /proc/PID/stat every 10 ms and
cutting the curve at the phase boundaries of the run's run-result.json; `startup` is everything
before the pipeline's first phase (JVM start, class loading, plugin discovery, planning), `exit`
everything after its last. CPython runs on one core, best of --rounds, files read beforehand.
"""
import argparse
import datetime
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ALWAYS_SKIPPED = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv"}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

CPYTHON = r'''
import ast, os, symtable, sys, time, warnings
warnings.simplefilter("ignore")
mode, rounds = sys.argv[1], int(sys.argv[2])
sources = [open(p, "rb").read() for p in sys.stdin.read().split("\n") if p]
best_wall = best_cpu = None
for _ in range(rounds):
    w0, c0 = time.perf_counter(), time.process_time()
    for src in sources:
        try:
            ast.parse(src)
            if mode == "walk":
                symtable.symtable(src, "<bench>", "exec")
        except Exception:
            pass
    w, c = time.perf_counter() - w0, time.process_time() - c0
    best_wall = w if best_wall is None else min(best_wall, w)
    best_cpu = c if best_cpu is None else min(best_cpu, c)
print(best_wall, best_cpu)
'''


def list_files(root, exclude_dirs):
    files = []
    for directory, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ALWAYS_SKIPPED and d not in exclude_dirs
                         and not os.path.exists(os.path.join(directory, d, "pyvenv.cfg")))
        files.extend(os.path.join(directory, n) for n in sorted(names) if n.endswith(".py"))
    return files


def cpython(files, mode, rounds):
    result = subprocess.run([sys.executable, "-c", CPYTHON, mode, str(rounds)], input="\n".join(files),
                            capture_output=True, text=True, check=True)
    wall, cpu = result.stdout.split()
    return float(wall), float(cpu)


def process_cpu(pid):
    """User + system seconds of the process and its threads so far; None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def build(launcher, root, out, workers, exclude_dirs, java_opts, no_calls):
    command = [launcher, "build", root, "--out", out]
    if no_calls:
        command.append("--no-calls")
    for d in exclude_dirs:
        command += ["--exclude", d]
    if workers:
        command += ["--workers", str(workers)]
    env = dict(os.environ)
    if java_opts is not None:
        env["CODEANATOMY_JAVA_OPTS"] = java_opts
    samples = []
    started = time.time()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def sample():
        while True:
            cpu = process_cpu(child.pid)
            if cpu is None:
                return
            samples.append((time.time(), cpu))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    ended = time.time()
    child.returncode = os.waitstatus_to_exitcode(status)
    sampler.join()
    if child.returncode != 0:
        sys.exit(f"the build failed (exit {child.returncode}):\n{output.decode(errors='replace')}")
    return started, ended, usage, samples


def cpu_at(samples, moment, total_cpu, ended):
    """CPU seconds used by `moment`, interpolated between samples (the final total at exit)."""
    points = samples + [(ended, total_cpu)]
    if moment <= points[0][0]:
        return 0.0
    for (t0, c0), (t1, c1) in zip(points, points[1:]):
        if t0 <= moment <= t1:
            return c0 + (c1 - c0) * ((moment - t0) / (t1 - t0) if t1 > t0 else 0)
    return total_cpu


def run_result(out):
    runs = sorted(pathlib.Path(out, "runs").glob("*/run-result.json"), key=lambda p: p.stat().st_mtime)
    return json.loads(runs[-1].read_text())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root")
    parser.add_argument("--exclude-dir", action="append", default=[])
    parser.add_argument("--launcher", default=str(pathlib.Path(__file__).resolve().parents[2] / "codeanatomy"))
    parser.add_argument("--out")
    parser.add_argument("--workers", type=int)
    parser.add_argument("--java-opts", help="replaces the launcher's JVM options (CODEANATOMY_JAVA_OPTS)")
    parser.add_argument("--rounds", type=int, default=1, help="CPython rounds (best kept)")
    parser.add_argument("--no-calls", action="store_true", help="builds without call resolution (build --no-calls)")
    args = parser.parse_args()

    files = list_files(args.root, set(args.exclude_dir))
    size = sum(os.path.getsize(f) for f in files)
    load_before = os.getloadavg()
    parse_wall, parse_cpu = cpython(files, "parse", args.rounds)
    walk_wall, walk_cpu = cpython(files, "walk", args.rounds)

    out = args.out or tempfile.mkdtemp(prefix="build-bench-")
    if os.path.exists(out) and os.listdir(out):
        sys.exit(f"{out} is not empty; pass an empty or new --out directory.")
    try:
        started, ended, usage, samples = build(args.launcher, args.root, out, args.workers, args.exclude_dir,
                                               args.java_opts, args.no_calls)
        result = run_result(out)
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)
    load_after = os.getloadavg()

    total_cpu = usage.ru_utime + usage.ru_stime
    wall = ended - started
    timings = result["timings"]
    pipeline_start = datetime.datetime.fromisoformat(timings["startedAt"].replace("Z", "+00:00")).timestamp()
    rows = [("startup", started, pipeline_start)]
    at = pipeline_start
    for phase in timings["phases"]:
        rows.append((phase["phase"], at, at + phase["millis"] / 1000))
        at += phase["millis"] / 1000
    rows.append(("exit", at, ended))

    mb = size / 1e6
    print(f"{args.root}: {len(files)} files, {mb:.1f} MB; load average {load_before[0]:.1f} before, "
          f"{load_after[0]:.1f} after; {os.cpu_count()} cores")
    print(f"{'phase':<21}{'wall s':>9}{'cpu s':>9}")
    phase_times = {}
    for name, t0, t1 in rows:
        cpu = cpu_at(samples, t1, total_cpu, ended) - cpu_at(samples, t0, total_cpu, ended)
        phase_times[name] = (t1 - t0, cpu)
        print(f"{name:<21}{t1 - t0:>9.2f}{cpu:>9.2f}")
    print(f"{'build (whole process)':<21}{wall:>9.2f}{total_cpu:>9.2f}   peak RSS {usage.ru_maxrss / 1024:.0f} MB, "
          f"{mb / wall:.2f} MB/s wall, extract {mb / phase_times.get('extract', (float('nan'),))[0]:.2f} MB/s")
    print(f"{'CPython ast.parse':<21}{parse_wall:>9.2f}{parse_cpu:>9.2f}   (parse only, one core)")
    print(f"{'CPython ast+symtable':<21}{walk_wall:>9.2f}{walk_cpu:>9.2f}   (the facts' walk, one core)")
    extract_wall, extract_cpu = phase_times.get("extract", (float("nan"), float("nan")))
    print("ratios (ours / CPython's; below 1 is faster):")
    print(f"  extract phase / parse only:   wall {extract_wall / parse_wall:.2f}, cpu {extract_cpu / parse_cpu:.2f}")
    print(f"  whole build / parse+symtable: wall {wall / walk_wall:.2f}, cpu {total_cpu / walk_cpu:.2f}")


if __name__ == "__main__":
    main()
