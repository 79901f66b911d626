"""Unit tests of build_bench.py's replication, line count and reports, on a tiny tree and given numbers; nothing
here runs a build or Joern. Run by TestBuildBenchScript (mvn verify) or `python3 -m unittest` in this directory."""
import ast
import os
import pathlib
import tempfile
import unittest

import build_bench
import callgraph_recall
import rebuild_bench
from build_bench import Measured, ScalePoint

TREE = {
    "__init__.py": "",
    "parser.py": "import os\n\n\ndef parse(x):\n    return x\n",
    "sub/__init__.py": "from .deep import f\n",
    "sub/deep.py": "def f():\n    pass",  # no newline at the end: still a line
    "__pycache__/stale.py": "x = 1\n",  # never a source
    "notes.txt": "not python\n",
}


class TreeTestCase(unittest.TestCase):
    """A test with TREE written under a scratch directory, as self.root."""

    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.root = os.path.join(self.scratch.name, "pkg")
        for path, text in TREE.items():
            pathlib.Path(self.root, path).parent.mkdir(parents=True, exist_ok=True)
            pathlib.Path(self.root, path).write_text(text)

    def tearDown(self):
        self.scratch.cleanup()


class TestBuildBench(TreeTestCase):
    def test_count_lines_counts_a_last_line_without_newline(self):
        files = build_bench.list_files(self.root, set())
        self.assertEqual(4, len(files))
        self.assertEqual(0 + 5 + 1 + 2, build_bench.count_lines(files))

    def test_replicate_makes_one_package_tree_per_copy(self):
        dest = os.path.join(self.scratch.name, "tree")
        build_bench.replicate(self.root, dest, 3)
        self.assertEqual(["copy0", "copy1", "copy2"], sorted(os.listdir(dest)))
        files = build_bench.list_files(dest, set())
        self.assertEqual(12, len(files))
        self.assertEqual(3 * 8, build_bench.count_lines(files))
        for i in range(3):
            copy = os.path.join(dest, f"copy{i}", "pkg")
            self.assertEqual(pathlib.Path(self.root, "sub/deep.py").read_text(),
                             pathlib.Path(copy, "sub/deep.py").read_text())
            self.assertTrue(os.path.exists(os.path.join(copy, "__init__.py")))
            self.assertFalse(os.path.exists(os.path.join(copy, "notes.txt")))
            self.assertFalse(os.path.exists(os.path.join(copy, "__pycache__")))

    def test_replicate_leaves_out_excluded_directories(self):
        dest = os.path.join(self.scratch.name, "tree")
        build_bench.replicate(self.root, dest, 2, ["sub"])
        self.assertEqual(4, len(build_bench.list_files(dest, set())))

    def test_per_line_ratios_are_relative_to_the_first_factor(self):
        points = [ScalePoint(1, 10, 1000, Measured(2.0, 3.0, 500)),
                  ScalePoint(2, 20, 2000, Measured(5.0, 6.0, 600)),
                  ScalePoint(4, 40, 4000, Measured(6.0, 12.0, 700))]
        self.assertEqual((2.5, 3.0), points[1].per_kline())
        ratios = build_bench.per_line_ratios(points)
        self.assertEqual([(1.0, 1.0), (1.25, 1.0), (0.75, 1.0)], [tuple(round(r, 6) for r in p) for p in ratios])

    def test_flatness_says_whether_time_per_line_stays_within_the_tolerance(self):
        self.assertTrue(build_bench.flatness([1.0, 1.1, 0.8], "CPU time").startswith("CPU time per line stays flat"))
        self.assertIn("grows to 1.40x", build_bench.flatness([1.0, 1.2, 1.4], "CPU time"))
        self.assertIn("falls to 0.50x", build_bench.flatness([1.0, 0.7, 0.5], "wall time"))

    def test_scaling_report_prints_one_row_per_factor_and_both_verdicts(self):
        lines = build_bench.scaling_report([ScalePoint(1, 23, 10000, Measured(10.0, 20.0, 700)),
                                            ScalePoint(2, 46, 20000, Measured(30.0, 40.0, 900))])
        self.assertEqual(5, len(lines))
        self.assertEqual(["2x", "46", "20,000", "30.00", "40.00", "900", "1.500", "2.000", "1.50", "1.00"],
                         lines[2].split())
        self.assertTrue(lines[3].startswith("CPU time per line stays flat"))
        self.assertIn("wall time per line is not flat: it grows to 1.50x", lines[4])

    def test_joern_report_gives_medians_ratios_and_the_target(self):
        ours = [Measured(1.0, 2.0, 900), Measured(3.0, 4.0, 1000), Measured(2.0, 3.0, 800)]
        joern = [Measured(30.0, 40.0, 6000), Measured(20.0, 30.0, 5000), Measured(10.0, 20.0, 4000)]
        lines = build_bench.joern_report(ours, joern)
        self.assertEqual(["codeanatomy", "build", "2.00", "3.00", "900"], lines[1].split())
        self.assertEqual(["Joern", "pysrc2cpg", "20.00", "30.00", "5000"], lines[2].split())
        self.assertEqual(["ours", "/", "Joern", "0.100", "0.100", "0.180"], lines[3].split())
        self.assertIn("holds (wall 0.100x", lines[4])

    def test_joern_report_says_when_the_target_does_not_hold(self):
        self.assertIn("does not hold", build_bench.joern_report([Measured(1.0, 1.0, 2000)],
                                                                [Measured(100.0, 100.0, 6000)])[-1])
        self.assertIn("does not hold", build_bench.joern_report([Measured(2.0, 1.0, 500)],
                                                                [Measured(10.0, 100.0, 6000)])[-1])

    def test_arguments_after_a_double_dash_go_to_every_build(self):
        args = build_bench.parse_args(["src", "--scaling", "--factors", "1,2,4", "--", "--no-calls", "--workers", "2"])
        self.assertEqual([1, 2, 4], args.factors)
        self.assertEqual(["--no-calls", "--workers", "2"], args.build_args)
        self.assertEqual(["ca", "build", "src", "--out", "o", "--no-calls", "--workers", "2"],
                         build_bench.build_command("ca", "src", "o", build_args=args.build_args))

    def test_joern_command_runs_the_frontend_with_the_heap_and_output_given(self):
        command = build_bench.joern_command("a.jar:b.jar", "6g", "src", "out/cpg.bin", ["venv", "build"])
        self.assertEqual(["java", "-Xmx6g", "-cp", "a.jar:b.jar", "io.joern.pysrc2cpg.NewMain", "src",
                          "--output", "out/cpg.bin", "--ignore-dir-names", "venv,build"], command)


class TestRebuildBench(TreeTestCase):
    """rebuild_bench.py's copy, choice of file, changes and report; nothing here runs a build."""

    def test_copy_tree_copies_the_python_files_to_the_same_paths(self):
        dest = os.path.join(self.scratch.name, "copy")
        relative = rebuild_bench.copy_tree(self.root, build_bench.list_files(self.root, set()), dest)
        self.assertEqual(["__init__.py", "parser.py", os.path.join("sub", "__init__.py"), os.path.join("sub", "deep.py")],
                         relative)
        self.assertEqual(TREE["sub/deep.py"], pathlib.Path(dest, "sub", "deep.py").read_text())
        self.assertFalse(pathlib.Path(dest, "notes.txt").exists())

    def test_the_file_edited_is_the_one_given_or_the_middle_one(self):
        self.assertEqual("b.py", rebuild_bench.pick_edit(["a.py", "b.py", "c.py"]))
        self.assertEqual("a.py", rebuild_bench.pick_edit(["a.py", "b.py", "c.py"], "a.py"))
        with self.assertRaises(SystemExit):
            rebuild_bench.pick_edit(["a.py"], "missing.py")

    def test_a_touch_keeps_the_bytes_and_an_edit_appends_a_function_that_parses(self):
        path = os.path.join(self.root, "parser.py")
        before = pathlib.Path(path).read_bytes()
        mtime = os.stat(path).st_mtime_ns
        rebuild_bench.touch(path)
        self.assertEqual(before, pathlib.Path(path).read_bytes())
        self.assertEqual(mtime + 60_000_000_000, os.stat(path).st_mtime_ns)
        rebuild_bench.append_function(path)
        after = pathlib.Path(path).read_text()
        self.assertTrue(after.startswith(before.decode()))
        self.assertIn("_rebuild_bench_appended", [f.name for f in ast.parse(after).body if isinstance(f, ast.FunctionDef)])

    def test_report_gives_each_build_its_share_of_the_build_from_scratch(self):
        def result(**phases):
            return {"timings": {"phases": [{"phase": name, "millis": int(seconds * 1000)} for name, seconds in phases.items()]}}
        table = rebuild_bench.report([("from scratch", Measured(50.0, 80.0, 6000), result(extract=10.0, execute=35.0)),
                                      ("after touching a.py", Measured(5.0, 4.0, 500), result(extract=1.0)),
                                      ("after appending a function to a.py", Measured(20.0, 40.0, 5000),
                                       result(extract=4.0, execute=12.0))]).split("\n")
        self.assertEqual("| build | wall | CPU | peak RSS | wall / full | CPU / full | extract | execute |", table[0])
        self.assertEqual("| from scratch | 50.0 s | 80.0 s | 6,000 MB | 100.0% | 100.0% | 10.0 s | 35.0 s |", table[2])
        self.assertEqual("| after touching a.py | 5.0 s | 4.0 s | 500 MB | 10.0% | 5.0% | 1.0 s | - |", table[3])
        self.assertEqual("| after appending a function to a.py | 20.0 s | 40.0 s | 5,000 MB | 40.0% | 50.0% | 4.0 s | 12.0 s |",
                         table[4])



class CallGraphRecallTest(unittest.TestCase):
    """callgraph_recall.score on given pairs: recall counts observed pairs within the build only, per module
    too; the observed share counts predicted pairs of callers that ran."""

    def test_score(self):
        triples = [
            ("test.a", "m.f", "m.g"),  # found
            ("test.a", "m.f", "m.h"),  # missed
            ("test.b", "m.f", "m.g"),  # the same pair seen by another module: counted once overall
            ("test.b", "m.k", "os.path.join"),  # callee outside the build: not counted
        ]
        names = {"m.f", "m.g", "m.h", "m.k", "m.x"}
        call_graph = {("m.f", "m.g"), ("m.f", "m.x"), ("m.x", "m.g")}  # m.x never ran
        s = callgraph_recall.score(triples, names, call_graph)
        self.assertEqual(s["observed"], 3)
        self.assertEqual(s["within"], 2)
        self.assertEqual(s["found"], 1)
        self.assertAlmostEqual(s["recall"], 0.5)
        self.assertEqual(s["per_module"], {"test.a": (2, 1), "test.b": (1, 1)})
        self.assertEqual(s["predicted_for_ran"], 2)
        self.assertEqual(s["predicted_observed"], 1)
        self.assertEqual(s["call_graph"], 3)

    def test_modules_are_the_testkits(self):
        # The same five modules as the testkit's StdlibCallTruth, so the script and the tests measure one truth.
        java = pathlib.Path(callgraph_recall.REPO, "testkit", "src", "main", "java", "io", "codeanatomy", "testkit",
                            "callgraph", "StdlibCallTruth.java").read_text(encoding="utf-8")
        declared = java[java.index("TEST_MODULES = List.of("):]
        declared = declared[:declared.index(");")]
        self.assertEqual(callgraph_recall.TEST_MODULES, [m for m in declared.split('"')[1::2]])


if __name__ == "__main__":
    unittest.main()
