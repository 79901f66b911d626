#!/usr/bin/env python3
"""Builds a directory with the codeanatomy launcher and prints, from the same run, how it compares
with CPython over the same files: wall and CPU time per build phase, peak RSS, MB/s, and the
ratios to CPython's parse only (ast.parse of every file, what `python3 -m ast` does per file) and
to CPython's ast.parse + symtable walk (what the extraction's facts need). With --joern it compares
the whole build with Joern's pysrc2cpg instead; with --scaling it builds the tree replicated.

    python3 bench/scripts/build_bench.py DIR [--exclude-dir NAME ...] [--launcher PATH] [--out DIR]
                                             [--workers N] [--java-opts OPTS] [--rounds N] [--no-calls]
                                             [-- BUILD-ARG ...]
    python3 bench/scripts/build_bench.py DIR --joern [--pairs N] [--joern-xmx SIZE] [...]
    python3 bench/scripts/build_bench.py DIR --scaling [--factors 1,2,4,8] [...]

The machine may be shared: CPU times are the robust figures, and the load average is printed
before and after. The build's CPU per phase comes from sampling /proc/PID/stat every 10 ms and
cutting the curve at the phase boundaries of the run's run-result.json; `startup` is everything
before the pipeline's first phase (JVM start, class loading, plugin discovery, planning), `exit`
everything after its last. CPython runs on one core, best of --rounds, files read beforehand.

--joern: runs our build and Joern's pysrc2cpg frontend (its own JVM, classpath resolved once by
bench/joern/pom.xml and cached in bench/target/joern-classpath.txt) over the same directory,
alternating, --pairs times each, and prints the medians of wall, CPU (user + sys) and peak RSS, the
ratios ours / Joern's and whether the issue's target (ours <= 0.1x Joern's time at <= 1 GB) holds.

--scaling: copies the tree's Python files 1x, 2x, 4x, 8x (--factors) into copy0/NAME, copy1/NAME, ...
of a temporary directory, builds each, and prints per factor the files, lines, wall, CPU, peak RSS,
time per 1,000 lines and its ratio to the first factor's, and whether time per line stays flat.

Every run is timed with wait4 (the process and what it waited for, the figures /usr/bin/time -v
prints); --joern and --scaling first build a one-file tree untimed, so that neither the launcher's
jar build nor its start-up archive lands in a timed run. Arguments after `--` go to every build.
"""
import argparse
import datetime
import json
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ALWAYS_SKIPPED = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv"}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
BENCH = pathlib.Path(__file__).resolve().parents[1]

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


class Run:
    """One timed child process: its start and end (epoch seconds), its rusage from wait4 (the process
    and every descendant it waited for, as /usr/bin/time reports them) and its CPU samples."""

    def __init__(self, started, ended, usage, samples, output):
        self.started, self.ended, self.usage, self.samples, self.output = started, ended, usage, samples, output

    def measured(self):
        return Measured(self.ended - self.started, self.usage.ru_utime + self.usage.ru_stime,
                        self.usage.ru_maxrss / 1024)


class Measured:
    """Wall seconds, CPU seconds (user + sys) and peak RSS in MB of one run."""

    def __init__(self, wall, cpu, rss_mb):
        self.wall, self.cpu, self.rss_mb = wall, cpu, rss_mb

    def __repr__(self):
        return f"wall {self.wall:.2f} s, cpu {self.cpu:.2f} s, peak RSS {self.rss_mb:.0f} MB"


def run_timed(command, env=None, sample_cpu=False, exit_codes=(0,)):
    """Runs `command` to its end and times it with wait4; with `sample_cpu`, also samples its CPU from
    /proc/PID/stat every 10 ms. An exit code not in `exit_codes` ends the script with the command's output."""
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
    if sample_cpu:
        sampler.start()
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    ended = time.time()
    child.returncode = os.waitstatus_to_exitcode(status)
    if sample_cpu:
        sampler.join()
    if child.returncode not in exit_codes:
        sys.exit(f"{command[0]} failed (exit {child.returncode}):\n{output.decode(errors='replace')}")
    return Run(started, ended, usage, samples, output)


def build_command(launcher, root, out, exclude_dirs=(), workers=None, no_calls=False, build_args=()):
    command = [launcher, "build", root, "--out", out]
    if no_calls:
        command.append("--no-calls")
    for d in exclude_dirs:
        command += ["--exclude", d]
    if workers:
        command += ["--workers", str(workers)]
    return command + list(build_args)


def ast_check(launcher, root, exclude_dirs, java_opts, rounds):
    """Our parser alone over the same files: `codeanatomy ast --check ROOT`, the whole command (JVM start
    included, all cores), best of `rounds` by wall time. It exits 1 when some file does not parse (the
    standard library has a few on purpose), which is no failure here."""
    command = [launcher, "ast", "--check", root]
    for d in exclude_dirs:
        command += ["--exclude", d + "/"]
    runs = [run_timed(command, launcher_env(java_opts), exit_codes=(0, 1)).measured() for _ in range(max(1, rounds))]
    return min(runs, key=lambda r: r.wall)


def launcher_env(java_opts):
    env = dict(os.environ)
    if java_opts is not None:
        env["CODEANATOMY_JAVA_OPTS"] = java_opts
    return env


def build(launcher, root, out, workers, exclude_dirs, java_opts, no_calls, build_args=()):
    run = run_timed(build_command(launcher, root, out, exclude_dirs, workers, no_calls, build_args),
                    launcher_env(java_opts), sample_cpu=True)
    return run.started, run.ended, run.usage, run.samples


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


def count_lines(files):
    """Lines of source: newlines, plus one for a last line without its newline."""
    lines = 0
    for f in files:
        with open(f, "rb") as handle:
            data = handle.read()
        lines += data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return lines


def medians(runs):
    """The median wall, CPU and peak RSS of some Measured runs."""
    return Measured(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
                    statistics.median(r.rss_mb for r in runs))


def warm_up(launcher, java_opts):
    """Builds a one-file tree, untimed: the launcher builds its jar if the sources changed and writes its
    start-up archive if there is none, so neither lands in a timed run."""
    scratch = tempfile.mkdtemp(prefix="build-bench-warm-up-")
    try:
        pathlib.Path(scratch, "src").mkdir()
        pathlib.Path(scratch, "src", "warm_up.py").write_text("def f(x):\n    return x\n")
        run_timed(build_command(launcher, os.path.join(scratch, "src"), os.path.join(scratch, "out"), no_calls=True),
                  launcher_env(java_opts))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def timed_build(launcher, root, args):
    """Our build of `root` into a temporary directory, removed afterwards."""
    out = tempfile.mkdtemp(prefix="build-bench-out-")
    try:
        return run_timed(build_command(launcher, root, out, args.exclude_dir, args.workers, args.no_calls,
                                       args.build_args), launcher_env(args.java_opts)).measured()
    finally:
        shutil.rmtree(out, ignore_errors=True)


# --- against Joern's pysrc2cpg ---------------------------------------------------------------------------------

JOERN_POM = BENCH / "joern" / "pom.xml"
JOERN_CLASSPATH = BENCH / "target" / "joern-classpath.txt"
JOERN_MAIN = "io.joern.pysrc2cpg.NewMain"
TARGET_TIME_RATIO = 0.1
TARGET_RSS_MB = 1024


def joern_classpath():
    """Joern's classpath, resolved once by its own pom (the first time online) and cached under bench/target."""
    if not JOERN_CLASSPATH.exists():
        print(f"resolving Joern's classpath with Maven ({JOERN_POM.relative_to(BENCH.parent)}) ...", flush=True)
        JOERN_CLASSPATH.parent.mkdir(parents=True, exist_ok=True)
        maven = subprocess.run(["mvn", "-B", "-q", "-f", str(JOERN_POM), "dependency:build-classpath",
                                f"-Dmdep.outputFile={JOERN_CLASSPATH}"], capture_output=True, text=True)
        if maven.returncode != 0:
            sys.exit(f"Maven could not resolve Joern's classpath (exit {maven.returncode}); it needs the network the "
                     f"first time:\n{maven.stdout}{maven.stderr}")
    return JOERN_CLASSPATH.read_text().strip()


def joern_command(classpath, xmx, root, cpg, exclude_dirs=()):
    command = ["java", f"-Xmx{xmx}", "-cp", classpath, JOERN_MAIN, root, "--output", cpg]
    if exclude_dirs:
        command += ["--ignore-dir-names", ",".join(exclude_dirs)]
    return command


def timed_joern(classpath, root, args):
    """Joern's pysrc2cpg frontend over `root` in its own JVM, writing cpg.bin into a temporary directory."""
    out = tempfile.mkdtemp(prefix="build-bench-joern-")
    try:
        return run_timed(joern_command(classpath, args.joern_xmx, root, os.path.join(out, "cpg.bin"),
                                       args.exclude_dir)).measured()
    finally:
        shutil.rmtree(out, ignore_errors=True)


def joern_report(ours, joern):
    """The lines that compare the medians of our runs with Joern's, and whether the issue's target holds."""
    a, b = medians(ours), medians(joern)
    lines = [f"{'median of ' + str(len(ours)) + ' pairs':<22}{'wall s':>9}{'cpu s':>9}{'peak RSS MB':>13}"]
    for name, m in (("codeanatomy build", a), ("Joern pysrc2cpg", b)):
        lines.append(f"{name:<22}{m.wall:>9.2f}{m.cpu:>9.2f}{m.rss_mb:>13.0f}")
    wall, cpu, rss = a.wall / b.wall, a.cpu / b.cpu, a.rss_mb / b.rss_mb
    lines.append(f"{'ours / Joern':<22}{wall:>9.3f}{cpu:>9.3f}{rss:>13.3f}")
    holds = wall <= TARGET_TIME_RATIO and a.rss_mb <= TARGET_RSS_MB
    lines.append(f"target (ours <= {TARGET_TIME_RATIO}x Joern's time at <= {TARGET_RSS_MB / 1024:.0f} GB RSS): "
                 + ("holds" if holds else "does not hold")
                 + f" (wall {wall:.3f}x, cpu {cpu:.3f}x, our peak RSS {a.rss_mb:.0f} MB)")
    return lines


def compare_with_joern(args):
    classpath = joern_classpath()
    files = list_files(args.root, set(args.exclude_dir))
    warm_up(args.launcher, args.java_opts)
    load_before = os.getloadavg()
    print(f"{args.root}: {len(files)} files, {count_lines(files):,} lines; {args.pairs} pairs, Joern with "
          f"-Xmx{args.joern_xmx}; load average {load_before[0]:.1f}; {os.cpu_count()} cores", flush=True)
    sides = {"ours": lambda: timed_build(args.launcher, args.root, args),
             "Joern": lambda: timed_joern(classpath, args.root, args)}
    runs = {"ours": [], "Joern": []}
    for pair in range(args.pairs):
        # Alternate which side goes first, so neither always runs on the other's warm page cache.
        for side in (("ours", "Joern") if pair % 2 == 0 else ("Joern", "ours")):
            runs[side].append(sides[side]())
            print(f"  pair {pair + 1} {side:<6} {runs[side][-1]}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} after")
    print("\n".join(joern_report(runs["ours"], runs["Joern"])))


# --- scaling ---------------------------------------------------------------------------------------------------

FLAT_TOLERANCE = 0.25


def replicate(root, dest, factor, exclude_dirs=()):
    """`factor` copies of the tree's Python files, copy0/NAME/... to copy{factor-1}/NAME/... under `dest`, NAME the
    tree's own directory name: every copy keeps its packages and its module names are distinct from the others'."""
    name = os.path.basename(os.path.abspath(root))
    files = list_files(root, set(exclude_dirs))
    for i in range(factor):
        for f in files:
            target = os.path.join(dest, f"copy{i}", name, os.path.relpath(f, root))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(f, target)
    return dest


class ScalePoint:
    """One factor's build: its files, lines and Measured run."""

    def __init__(self, factor, files, lines, run):
        self.factor, self.files, self.lines, self.run = factor, files, lines, run

    def per_kline(self):
        """Wall and CPU seconds per 1,000 lines."""
        return self.run.wall * 1000 / self.lines, self.run.cpu * 1000 / self.lines


def per_line_ratios(points):
    """Per point, its wall and CPU time per line over the first (smallest) factor's."""
    base_wall, base_cpu = points[0].per_kline()
    return [(p.per_kline()[0] / base_wall, p.per_kline()[1] / base_cpu) for p in points]


def flatness(ratios, what):
    """Whether time per line stays within FLAT_TOLERANCE of the first factor's."""
    worst = max(ratios, key=lambda r: abs(r - 1))
    if abs(worst - 1) <= FLAT_TOLERANCE:
        return f"{what} per line stays flat (within {FLAT_TOLERANCE:.0%} of the first factor's; furthest {worst:.2f}x)"
    direction = "grows" if worst > 1 else "falls"
    return f"{what} per line is not flat: it {direction} to {worst:.2f}x the first factor's"


def scaling_report(points):
    lines = [f"{'factor':>6}{'files':>8}{'lines':>11}{'wall s':>9}{'cpu s':>9}{'RSS MB':>8}"
             f"{'wall s/kl':>11}{'cpu s/kl':>10}{'wall/1st':>10}{'cpu/1st':>9}"]
    ratios = per_line_ratios(points)
    for p, (wall_ratio, cpu_ratio) in zip(points, ratios):
        wall_kl, cpu_kl = p.per_kline()
        lines.append(f"{p.factor:>5}x{p.files:>8,}{p.lines:>11,}{p.run.wall:>9.2f}{p.run.cpu:>9.2f}{p.run.rss_mb:>8.0f}"
                     f"{wall_kl:>11.3f}{cpu_kl:>10.3f}{wall_ratio:>10.2f}{cpu_ratio:>9.2f}")
    lines.append(flatness([c for _, c in ratios], "CPU time"))
    lines.append(flatness([w for w, _ in ratios], "wall time"))
    return lines


def scaling(args):
    factors = sorted(set(args.factors))
    warm_up(args.launcher, args.java_opts)
    print(f"{args.root} replicated {', '.join(f'{f}x' for f in factors)}; load average {os.getloadavg()[0]:.1f}; "
          f"{os.cpu_count()} cores", flush=True)
    points = []
    for factor in factors:
        scratch = tempfile.mkdtemp(prefix="build-bench-scaling-")
        try:
            replica = replicate(args.root, os.path.join(scratch, "tree"), factor, args.exclude_dir)
            files = list_files(replica, set())
            points.append(ScalePoint(factor, len(files), count_lines(files), timed_build(args.launcher, replica, args)))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        print(f"  {factor}x: {points[-1].run}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} after")
    print("\n".join(scaling_report(points)))


# --- against CPython -------------------------------------------------------------------------------------------

def compare_with_cpython(args):
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
                                               args.java_opts, args.no_calls, args.build_args)
        result = run_result(out)
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)
    check = ast_check(args.launcher, args.root, args.exclude_dir, args.java_opts, args.rounds)
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
    print(f"{'ours ast --check':<21}{check.wall:>9.2f}{check.cpu:>9.2f}   (our parser only: the command, JVM start "
          f"included, all cores)")
    print(f"{'CPython ast.parse':<21}{parse_wall:>9.2f}{parse_cpu:>9.2f}   (parse only, one core)")
    print(f"{'CPython ast+symtable':<21}{walk_wall:>9.2f}{walk_cpu:>9.2f}   (the facts' walk, one core)")
    extract_wall, extract_cpu = phase_times.get("extract", (float("nan"), float("nan")))
    print("ratios (below 1 is faster):")
    print(f"  extract phase / our ast --check:     wall {extract_wall / check.wall:.2f}, cpu {extract_cpu / check.cpu:.2f}"
          f"   (issue 13: at most 2.5)")
    print(f"  extract phase / CPython parse only:  wall {extract_wall / parse_wall:.2f}, cpu {extract_cpu / parse_cpu:.2f}")
    print(f"  whole build / CPython parse+symtable: wall {wall / walk_wall:.2f}, cpu {total_cpu / walk_cpu:.2f}"
          f"   (issue 13: at most 0.5)")


def parse_args(argv):
    """The options; whatever follows `--` is passed to every `codeanatomy build` as it is."""
    build_args = []
    if "--" in argv:
        argv, build_args = argv[:argv.index("--")], argv[argv.index("--") + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root")
    parser.add_argument("--exclude-dir", action="append", default=[])
    parser.add_argument("--launcher", default=str(BENCH.parent / "codeanatomy"))
    parser.add_argument("--out")
    parser.add_argument("--workers", type=int)
    parser.add_argument("--java-opts", help="replaces the launcher's JVM options (CODEANATOMY_JAVA_OPTS)")
    parser.add_argument("--rounds", type=int, default=1, help="CPython rounds (best kept)")
    parser.add_argument("--no-calls", action="store_true", help="builds without call resolution (build --no-calls)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--joern", action="store_true", help="compares with Joern's pysrc2cpg instead of CPython")
    mode.add_argument("--scaling", action="store_true", help="builds the tree replicated --factors times")
    parser.add_argument("--pairs", type=int, default=2, help="--joern: runs of each side, alternating")
    parser.add_argument("--joern-xmx", default="8g", help="--joern: Joern's maximum heap (-Xmx)")
    parser.add_argument("--factors", type=lambda s: [int(f) for f in s.split(",")], default=[1, 2, 4, 8],
                        help="--scaling: comma-separated replication factors")
    args = parser.parse_args(argv)
    args.build_args = build_args
    if args.pairs < 1 or min(args.factors) < 1:
        parser.error("--pairs and every factor must be at least 1")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.joern:
        compare_with_joern(args)
    elif args.scaling:
        scaling(args)
    else:
        compare_with_cpython(args)


if __name__ == "__main__":
    main()
