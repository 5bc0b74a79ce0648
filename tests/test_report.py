#!/usr/bin/python3
"""scripts/report.py and scripts/compare.py on the synthetic result folders
of tests/data/report (scripts/gen_report_fixtures.py).

    /usr/bin/python3 tests/test_report.py [TEST ...]     (e.g. report_full)

Each test runs a script as a user would, on a copy of a fixture folder, and
checks what it writes and its exit status. Exit status 77 (skipped) when
Debian's matplotlib or scipy is missing.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data", "report")
PYTHON = sys.executable
PLANTED = "activate/sigmoid/avx2/unit/4096"
CPU = "Example CPU 9000"


def run(script, *args):
    p = subprocess.run([PYTHON, os.path.join(ROOT, "scripts", script)] + list(args),
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


class Scratch(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="actent-report-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def copy(self, name):
        dst = os.path.join(self.tmp, name)
        shutil.copytree(os.path.join(DATA, name), dst)
        return dst


class Report(Scratch):
    def report(self, folder):
        rc, out, err = run("report.py", folder)
        self.assertEqual(rc, 0, err)
        with open(os.path.join(folder, "REPORT.md")) as f:
            return f.read()

    def test_report_full(self):
        d = self.copy("base")
        md = self.report(d)
        for heading in ("# actent report: example-cpu-9000", "## The notebook, regenerated",
                        "### The 50-versus-49-bin artifact",
                        "## Agreement with the scalar reference", "## Throughput",
                        "### Activations: cycles (ns) per element",
                        "### Speed-up over the scalar table", "### Fused against unfused",
                        "### Against the peers and numpy", "### Floors", "## The machine",
                        "## Is it the activation or the bins?",
                        "### Every estimator, the notebook's setting"):
            self.assertIn("\n" + heading, "\n" + md)
        figures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
        for name in ("fig-input.png", "fig-outputs.png", "fig-transformed.png", "fig-entropy.png",
                     "fig-further.png", "fig-consistent.png", "fig-ulp.png",
                     "fig-activate-unit.png", "fig-speedup.png", "fig-fused.png",
                     "fig-pipeline.png", "fig-bins.png"):
            self.assertIn(name, figures)
        for name in figures:
            with open(os.path.join(d, name), "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n", name)
        # every caption names the command and the CPU behind its data
        captions = re.findall(r"^\*Figure \d+\. (.*)\*$", md, re.M)
        self.assertEqual(len(captions), len(figures))
        for c in captions:
            self.assertIn(CPU, c)
            self.assertRegex(c, r"`(actent experiment|actent verify|scripts/bench)[^`]*`")
        # verify.json's numbers: the worst input as %a, the digests, the derived tolerance
        self.assertIn("-0x1.194dcep+0", md)
        self.assertIn("`98be83fd037915c1`", md)
        self.assertIn("| 0.001 |", md)
        self.assertIn("`wide512` (a table this CPU cannot run): not checked here", md)
        self.assertIn("0123456789abcdef", md)
        self.assertEqual([f for f in os.listdir(d) if ".tmp" in f], [])

    def test_report_accuracy_beside_speed(self):
        d = self.copy("base")
        md = self.report(d)
        act = md.split("### Activations: cycles (ns) per element")[1].split("\n### ")[0]
        sig = next(line for line in act.splitlines() if line.startswith("| sigmoid |"))
        # every activation cell: speed, spread, ULP; fastpeer's 40 ULP marked
        self.assertEqual(sig.count(" ULP"), 5, sig)
        self.assertIn(", 40 ULP†", sig)
        self.assertIn(", 1 ULP", sig)
        self.assertRegex(sig, r"±(<1|\d+)%")
        self.assertIn("†: above 2 ULP", act)
        # the fastest composition is the fastest accurate one, never fastpeer's
        pipe = md.split("Pipeline, cycles per element, n = 4096")[1].split("</details>")[0]
        row = next(line for line in pipe.splitlines() if line.startswith("| sigmoid |"))
        self.assertIn("libm+avx2", row)
        self.assertNotIn("fastpeer", row)
        # each size names the cache level its rotation runs from on this machine
        self.assertIn("n = 4096 (the notebook's; 272 KiB rotated, L3)", md)
        # the first lines say which commit and profile the folder holds
        self.assertRegex(md.split("\n## ")[0], r"This folder holds benchmarks from git "
                         r"`0123456789`, profile `quick`")

    def test_report_peer_sweep(self):
        d = self.copy("base")
        rec = {"schema": "actent.peer-sweep/1", "impl": "fastpeer", "activation": "sigmoid",
               "stride": 1, "inputs": 4278190082, "max_ulp": 8388582,
               "worst_input": "-0x1.5d58ap+6", "worst_got": "0x0p+0",
               "worst_want": "0x1.ffff98p-127", "beyond_2_ulp": 2004772, "nan_mismatch": 0,
               "max_ulp_normal": 4, "worst_input_normal": "-0x1.f6fc1cp+0"}
        with open(os.path.join(d, "peer-sweep.jsonl"), "w") as f:
            f.write(json.dumps(rec) + "\n")
        md = self.report(d)
        sec = md.split("### The operator libraries over every float32 input")[1]
        self.assertIn("4,278,190,082", sec)
        self.assertIn("| sigmoid | 4 (-0x1.f6fc1cp+0); 8388582 with subnormals or overflow |",
                      sec)
        with open(os.path.join(d, "peer-sweep.jsonl"), "a") as f:
            f.write('{"schema": "something else"}\n')
        rc, out, err = run("report.py", d)
        self.assertEqual(rc, 1)
        self.assertIn("peer-sweep.jsonl line 2: not an actent.peer-sweep/1 record", err)

    def test_report_categories_and_colours(self):
        sys.path.insert(0, os.path.join(ROOT, "scripts"))
        import bench_json
        import report_bench
        d = self.copy("base")
        path = os.path.join(d, "bench.json")
        ctx, rows = bench_json.load(path)
        # kde and transform rows name no activation: no empty category in the figures
        for name in ("kde/all/avx2/unit/4096", "transform/u8/block/unit/4096"):
            b = bench_json.Bench(name)
            b.reps.append({"cpu_time": 1.0, "cycles_per_elem": 1.0})
            rows[name] = b
        self.assertEqual(report_bench.Run(ctx, rows).ops, ["sigmoid", "relu"])
        # one colour per implementation, the same in every figure
        names = list(report_bench.FIXED)
        colours = [report_bench.color_of(n) for n in names]
        self.assertEqual(len(set(colours)), len(names))
        self.assertEqual(report_bench.color_of("fused/avx2"), report_bench.color_of("avx2"))
        self.assertEqual(report_bench.color_of("xnnpack+avx512"),
                         report_bench.color_of("xnnpack"))
        # error bars from the repetitions' spread, "n/a" where a value is missing
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.container import ErrorbarContainer
        fig, ax = plt.subplots()
        report_bench.grouped_bars(ax, ["sigmoid", "relu"], [
            ("avx2", [1.0, None], {"spread": [(0.9, 1.2), None]})])
        bars = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
        self.assertEqual(len(bars), 1)
        self.assertEqual([t.get_text() for t in ax.texts], ["n/a"])
        plt.close(fig)

    def test_report_bins(self):
        d = self.copy("base")
        md = self.report(d)
        sec = md.split("## Is it the activation or the bins?")[1].split("\n## ")[0]
        # the sweep's table: B = 2, the nearest to 49 and 100, the last; relu has no limit
        self.assertIn("| activation | B = 2: sample / population | B = 49: sample / population "
                      "| B = 100: sample / population | B = 4096: sample / population | limit |",
                      sec)
        self.assertIn("| relu | 0.0202 / 0.0000 | 1.8525 / 1.8278 | 2.3617 / 2.3319 | "
                      "5.4202 / 5.0002 | diverges |", sec)
        self.assertIn("| tanh |", sec)
        self.assertIn("| 0.0470 |", sec)
        # every estimator's column, kde's two bounds, the population beside them
        self.assertIn("| activation | plugin | miller-madow | grassberger | jackknife | "
                      "kde upper (V = 0.1) | kde lower | population |", sec)
        self.assertIn("| relu | 1.9544 | 1.9434 | 1.9374 | 1.9414 | 1.7044 | 1.3544 | 1.9234 |",
                      sec)
        self.assertIn("fig-bins.png", sec)
        self.assertIn("--estimator kde --noise-var 0.1", sec)
        self.assertIn("--mode consistent --population", sec)

    def test_report_bins_missing_and_bad(self):
        d = self.copy("base")
        for e in ("kde", "jackknife"):
            os.remove(os.path.join(d, "estimator-%s.json" % e))
        md = self.report(d)
        self.assertIn("No estimator-jackknife, kde.json.", md)
        self.assertNotIn("kde upper", md)
        os.remove(os.path.join(d, "bins.json"))
        md = self.report(d)
        self.assertIn("No bins.json in this folder", md)
        self.assertFalse(os.path.exists(os.path.join(d, "fig-bins.png")))
        d = self.copy("bare")
        md = self.report(d)
        self.assertIn("No estimator-plugin.json in this folder", md)
        # a sweep binned the notebook's way (50 against 49) is refused, not drawn
        shutil.rmtree(os.path.join(self.tmp, "base"))
        d = self.copy("base")
        with open(os.path.join(d, "experiment-notebook.json")) as f:
            nb = f.read()
        with open(os.path.join(d, "bins.json"), "w") as f:
            f.write(nb)
        rc, out, err = run("report.py", d)
        self.assertEqual(rc, 1)
        self.assertIn("--mode consistent", err)

    def test_report_replaces_stale_files(self):
        d = self.copy("base")
        for name in ("fig-gone.png", "REPORT.md"):
            with open(os.path.join(d, name), "w") as f:
                f.write("from an earlier report\n")
        md = self.report(d)
        self.assertFalse(os.path.exists(os.path.join(d, "fig-gone.png")))
        self.assertNotIn("from an earlier report", md)

    def test_report_bare(self):
        d = self.copy("bare")
        md = self.report(d)
        self.assertIn("No experiment-consistent.json in this folder", md)
        self.assertIn("No verify.json in this folder", md)
        self.assertIn("No bench.json in this folder", md)
        self.assertTrue(os.path.exists(os.path.join(d, "fig-entropy.png")))

    def test_report_without_peers(self):
        d = self.copy("nopeers")
        md = self.report(d)
        self.assertIn("No peers in this run", md)
        self.assertIn("No numpy rows in this run", md)
        self.assertIn("No peers and no numpy rows in this run", md)
        self.assertNotIn("| tanh |", md.split("## Throughput")[1])  # not measured
        self.assertIn("No read rows in this run", md)
        self.assertIn("fig-fused.png", md)

    def test_report_bad_json(self):
        d = self.copy("base")
        with open(os.path.join(d, "REPORT.md"), "w") as f:
            f.write("the previous report\n")
        with open(os.path.join(d, "bench.json"), "w") as f:
            f.write('{"benchmarks": [')
        rc, out, err = run("report.py", d)
        self.assertEqual(rc, 1)
        self.assertIn("bench.json", err)
        with open(os.path.join(d, "REPORT.md")) as f:
            self.assertEqual(f.read(), "the previous report\n")

    def test_report_accuracy_table(self):
        rc, out, err = run("report.py", "--accuracy-table", os.path.join(DATA, "base"))
        self.assertEqual(rc, 0, err)
        lines = out.splitlines()
        self.assertEqual(lines[0], "| activation | avx2 (declared) | libm |")
        self.assertIn("| sigmoid | 2 (-0x1.194dcep+0) (2) | 1 (-0x1.194dcep+0) |", lines)
        self.assertIn("| relu, linear | 0: bit-identical |  |", lines)
        self.assertFalse(os.path.exists(os.path.join(DATA, "base", "REPORT.md")))

    def test_report_no_folder(self):
        rc, out, err = run("report.py", os.path.join(self.tmp, "missing"))
        self.assertNotEqual(rc, 0)
        self.assertIn("is not a folder", err)


class Compare(Scratch):
    def edited(self, name, **ctx):
        d = self.copy(name)
        path = os.path.join(d, "bench.json")
        with open(path) as f:
            doc = json.load(f)
        doc["context"].update(ctx)
        with open(path, "w") as f:
            json.dump(doc, f)
        return d

    def test_compare_warns_when_settings_differ(self):
        base = os.path.join(DATA, "base")
        rc, out, err = run("compare.py", base, base)
        self.assertNotIn("warning", err)
        other = self.edited("base", actent_git="fedcba9876543210", actent_profile="full")
        rc, out, err = run("compare.py", base, other)
        self.assertEqual(rc, 0, out + err)
        self.assertIn("differ in commit", err)
        self.assertIn("differ in profile (quick against full)", err)
        self.assertIn("**Warning**", out)

    def test_compare_across_cpus(self):
        base = os.path.join(DATA, "base")
        other = self.edited("base", actent_cpu_model="Another CPU 1000")
        rc, out, err = run("compare.py", base, other)
        self.assertEqual(rc, 0, out + err)
        self.assertNotIn("warning", err)
        sec = out.split("## Across the CPUs")[1].split("\n## ")[0]
        self.assertRegex(sec, r"\| activate \| \d+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \|")

    def test_compare_identical(self):
        base = os.path.join(DATA, "base")
        rc, out, err = run("compare.py", base, base, "--fail-above", "5")
        self.assertEqual(rc, 0, out + err)
        self.assertIn("Regression gate passed", out)
        self.assertRegex(out, r"\| all \| \d+ \| 1\.000 \| 0 \| 0 \|")
        self.assertIn("0 differences listed", out)

    def test_compare_gate_fails_on_planted_regression(self):
        rc, out, err = run("compare.py", os.path.join(DATA, "base"), os.path.join(DATA, "slower"),
                           "--fail-above", "5")
        self.assertEqual(rc, 1, out + err)
        self.assertIn("Regression gate failed", out)
        self.assertIn("- %s: %s, +30.0 %%" % (os.path.join(DATA, "slower"), PLANTED), out)
        self.assertEqual(out.count("slower beyond the gate"), 1)
        # the changed digest shows in the accuracy part
        self.assertIn("| avx2 | sigmoid | digest | 98be83fd037915c1 | 0000000000000000 |", out)

    def test_compare_gate_above_the_change(self):
        rc, out, err = run("compare.py", os.path.join(DATA, "base"), os.path.join(DATA, "slower"),
                           "--fail-above", "40")
        self.assertEqual(rc, 0, out + err)

    def test_compare_without_gate_reports(self):
        rc, out, err = run("compare.py", os.path.join(DATA, "base"), os.path.join(DATA, "slower"))
        self.assertEqual(rc, 0, out + err)
        self.assertRegex(out, r"\| %s \| [^|]+ \| [^|]+ \| 1\.300 \| \+30\.0 %% .*\| slower \|"
                         % re.escape(PLANTED))

    def test_compare_noise_is_not_a_regression(self):
        rc, out, err = run("compare.py", os.path.join(DATA, "base"), os.path.join(DATA, "noisy"),
                           "--fail-above", "5")
        self.assertEqual(rc, 0, out + err)
        self.assertIn("No benchmark differs beyond noise", out)

    def test_compare_aggregates_only(self):
        a, b = os.path.join(DATA, "agg-base"), os.path.join(DATA, "agg-slower")
        rc, out, err = run("compare.py", a, b, "--fail-above", "5")
        self.assertEqual(rc, 1, out + err)
        self.assertIn("disjoint min..max ranges", out)
        self.assertIn(PLANTED, out)
        rc, out, err = run("compare.py", a, a, "--fail-above", "5")
        self.assertEqual(rc, 0, out + err)

    def test_compare_three_folders_and_md(self):
        md = os.path.join(self.tmp, "cmp.md")
        base = os.path.join(DATA, "base")
        rc, out, err = run("compare.py", base, base, os.path.join(DATA, "slower"),
                           "--fail-above", "5", "--md", md)
        self.assertEqual(rc, 1, out + err)
        with open(md) as f:
            self.assertEqual(f.read(), out)
        self.assertEqual(out.count("against %s" % base), 2)

    def test_compare_bad_input(self):
        empty = os.path.join(self.tmp, "empty")
        os.mkdir(empty)
        base = os.path.join(DATA, "base")
        for args, why in (([base, os.path.join(self.tmp, "missing")], "is not a folder"),
                          ([base, empty], "has neither bench.json nor verify.json")):
            rc, out, err = run("compare.py", *args)
            self.assertEqual(rc, 2)
            self.assertIn(why, err)
        broken = self.copy("bare")
        with open(os.path.join(broken, "bench.json"), "w") as f:
            f.write("[]")
        rc, out, err = run("compare.py", base, broken)
        self.assertEqual(rc, 2)
        self.assertIn("not a Google Benchmark JSON file", err)


def main():
    try:
        import matplotlib  # noqa: F401
        import scipy  # noqa: F401
    except ImportError as e:
        print("skipped: %s (scripts/setup python installs it)" % e)
        sys.exit(77)
    names = {m: c for c in (Report, Compare) for m in dir(c) if m.startswith("test_")}
    wanted = ["test_" + a for a in sys.argv[1:]] or sorted(names)
    suite = unittest.TestSuite()
    for w in wanted:
        if w not in names:
            sys.exit("test_report.py: no test %s (have: %s)" % (
                w[5:], ", ".join(n[5:] for n in sorted(names))))
        suite.addTest(names[w](w))
    ok = unittest.TextTestRunner(verbosity=2).run(suite).wasSuccessful()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
