#!/usr/bin/env python3
"""Times a small query through the launcher, in its own JVM against the resident query server, and
prints the ratio.

    python3 bench/scripts/query_server_bench.py [--launcher PATH] [--out DIR] [--rounds N] [--cold N]
                                                [--sql SQL]

Without --out, builds a 5-file output in a temporary directory first. Then, taking turns for
--rounds rounds: the query with CODEANATOMY_SERVER=0 (the command in its own JVM, as before the
server) and through a warm server; then --cold times the first query of a new server (the server
stopped before each). Each run's wall time is measured around the launcher and its CPU (user + sys)
is the launcher's own process with what it waited for (wait4): for a served query that is the
client alone; the server's CPU per query is read from /proc/PID/stat across the warm runs. The servers run in a private directory
(CODEANATOMY_SERVER_DIR) and are stopped at the end. The machine may be shared: the load average
is printed before and after.
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

FILES = {
    "pkg/__init__.py": "",
    "pkg/base.py": "class Shape:\n    def area(self):\n        return 0\n",
    "pkg/circle.py": "from pkg.base import Shape\nimport math\n\n\nclass Circle(Shape):\n    def area(self):\n        return math.pi\n",
    "app.py": "import pkg.circle\n\n\ndef main():\n    return pkg.circle.Circle().area()\n",
    "broken.py": "def broken(:\n    pass\n",
}


def run(command, env):
    """Wall seconds, CPU seconds (user + sys of the process and what it waited for), exit code, stdout."""
    start = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.stdout.read(), process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {err.decode()}")
    return wall, usage.ru_utime + usage.ru_stime, out


def server_cpu(launcher, env):
    """The running server's pid and CPU seconds (user + sys) so far."""
    status = subprocess.run([launcher, "server", "status"], env=env, check=True, capture_output=True, text=True).stdout
    pid = int(status.split()[1].rstrip(":"))
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summary(name, runs):
    walls = [w for w, _ in runs]
    cpus = [c for _, c in runs]
    print(f"  {name:<28} wall median {statistics.median(walls):.3f} s (min {min(walls):.3f}, max {max(walls):.3f}),"
          f" client CPU median {statistics.median(cpus):.3f} s, {len(runs)} runs")
    return statistics.median(walls), statistics.median(cpus)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--launcher", default=str(pathlib.Path(__file__).resolve().parents[2] / "codeanatomy"))
    parser.add_argument("--out")
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--cold", type=int, default=5)
    parser.add_argument("--sql", default="SELECT count(*) FROM cpg_mro")
    args = parser.parse_args()

    work = pathlib.Path(tempfile.mkdtemp(prefix="codeanatomy-query-bench"))
    servers = work / "servers"
    env = dict(os.environ, CODEANATOMY_SERVER_DIR=str(servers))
    env.pop("CODEANATOMY_JAVA_OPTS", None)
    try:
        out = args.out
        if out is None:
            for name, text in FILES.items():
                path = work / "src" / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
            out = str(work / "out")
            subprocess.run([args.launcher, "build", str(work / "src"), "--out", out], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        query = [args.launcher, "query", out, args.sql]
        in_process_env = dict(env, CODEANATOMY_SERVER="0")
        # Once each before timing: the start-up archive is written by the first run after the jar changed.
        expected = run(query, in_process_env)[2]
        if run(query, env)[2] != expected:
            raise SystemExit("the server's answer differs from the command's own")

        print(f"load average before: {os.getloadavg()}")
        own, served = [], []
        pid, cpu_before = server_cpu(args.launcher, env)
        for _ in range(args.rounds):
            own.append(run(query, in_process_env)[:2])
            served.append(run(query, env)[:2])
        pid_after, cpu_after = server_cpu(args.launcher, env)
        if pid_after != pid:
            raise SystemExit("the server was replaced during the warm runs")
        per_query = (cpu_after - cpu_before) / args.rounds
        cold = []
        for _ in range(args.cold):
            subprocess.run([args.launcher, "server", "stop"], env=env, check=True, stdout=subprocess.DEVNULL)
            cold.append(run(query, env)[:2])
        print(f"load average after: {os.getloadavg()}")
        print(f"{args.sql!r} on {out}:")
        own_wall, own_cpu = summary("own JVM (CODEANATOMY_SERVER=0)", own)
        served_wall, served_cpu = summary("warm server", served)
        print(f"  warm server's own CPU per query: {per_query:.3f} s (pid {pid}, a status request included)")
        summary("cold server (first query)", cold)
        print(f"  own JVM / warm server: wall {own_wall / served_wall:.1f}x, client CPU {own_cpu / served_cpu:.1f}x")
    finally:
        subprocess.run([args.launcher, "server", "stop"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
