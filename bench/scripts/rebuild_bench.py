#!/usr/bin/env python3
"""Times a rebuild against the build from scratch it follows, in the same run: copies the Python files of a
directory to a scratch tree, builds it into an empty output with the launcher, then touches one file and
rebuilds, then appends a function to that file and rebuilds, and prints for each build its wall and CPU time,
peak RSS and phases, and each rebuild's share of the build from scratch (issue 15: "after touching one file,
the rebuild takes under 10% of the full build time").

    STDLIB=$(python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')
    python3 bench/scripts/rebuild_bench.py "$STDLIB" --exclude-dir site-packages [--edit json/encoder.py] [--no-calls]

The file edited is --edit (a path relative to the directory), else the middle one of the sorted paths. A
one-file build runs first, untimed, so that neither the launcher's jar build nor its start-up archive lands
in a timed run. Arguments after `--` go to every build.
"""
import argparse
import os
import pathlib
import shutil
import sys
import tempfile

import build_bench

APPENDED = "\n\ndef _rebuild_bench_appended(value):\n    return value\n"


def copy_tree(root, files, dest):
    """Copies `files` (under `root`) to the same relative paths under `dest`; the relative paths, sorted."""
    relative = sorted(os.path.relpath(f, root) for f in files)
    for path in relative:
        target = pathlib.Path(dest, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(os.path.join(root, path), target)
    return relative


def pick_edit(relative, wanted=None):
    """The file to touch and edit: `wanted` if given (it must be one of the copied files), else the middle one."""
    if wanted is not None:
        if wanted not in relative:
            sys.exit(f"--edit {wanted}: no such Python file in the directory (give a path relative to it)")
        return wanted
    if not relative:
        sys.exit("the directory holds no Python file")
    return relative[len(relative) // 2]


def touch(path):
    """Moves the file's modification time a minute on; its bytes stay the same."""
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 60_000_000_000))


def append_function(path):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(APPENDED)


def phases(result):
    return {p["phase"]: p["millis"] / 1000 for p in result["timings"]["phases"]}


def share(part, whole):
    return f"{100 * part / whole:.1f}%" if whole else "-"


def report(rows):
    """The table: one line per build, its share of the first (the build from scratch)."""
    full = rows[0][1]
    names = []
    for _, _, result in rows:
        names += [name for name in phases(result) if name not in names]
    lines = ["| build | wall | CPU | peak RSS | wall / full | CPU / full | " + " | ".join(names) + " |",
             "|---|---|---|---|---|---|" + "---|" * len(names)]
    for label, measured, result in rows:
        times = phases(result)
        lines.append(f"| {label} | {measured.wall:.1f} s | {measured.cpu:.1f} s | {measured.rss_mb:,.0f} MB"
                     f" | {share(measured.wall, full.wall)} | {share(measured.cpu, full.cpu)} | "
                     + " | ".join(f"{times[n]:.1f} s" if n in times else "-" for n in names) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root")
    parser.add_argument("--exclude-dir", action="append", default=[])
    parser.add_argument("--edit", help="the file to touch and edit, relative to ROOT")
    parser.add_argument("--no-calls", action="store_true")
    parser.add_argument("--launcher", default=str(build_bench.BENCH.parent / "codeanatomy"))
    parser.add_argument("--java-opts")
    parser.add_argument("build_args", nargs="*")
    args = parser.parse_args(argv)

    build_bench.warm_up(args.launcher, args.java_opts)
    scratch = tempfile.mkdtemp(prefix="rebuild-bench-")
    try:
        src, out = os.path.join(scratch, "src"), os.path.join(scratch, "out")
        relative = copy_tree(args.root, build_bench.list_files(args.root, set(args.exclude_dir)), src)
        edited = pick_edit(relative, args.edit)
        command = build_bench.build_command(args.launcher, src, out, no_calls=args.no_calls, build_args=args.build_args)
        env = build_bench.launcher_env(args.java_opts)
        rows = []
        for label, change in (("from scratch", None), (f"after touching {edited}", touch),
                              (f"after appending a function to {edited}", append_function)):
            if change is not None:
                change(os.path.join(src, edited))
            measured = build_bench.run_timed(command, env).measured()
            rows.append((label, measured, build_bench.run_result(out)))
        print(f"{len(relative)} files copied from {args.root}; launcher {args.launcher}"
              f"{' --no-calls' if args.no_calls else ''}; load average {os.getloadavg()[0]:.1f}")
        print(report(rows))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
