"""The report's information-plane section: examples/info_plane.py's figure
and runs (info_plane.json, info_plane.png) and scripts/bench_infoplane.py's
timings (infoplane-bench.json), when the folder has them."""
import json
import os

from report_md import md_table


def infoplane_section(r, folder):
    ex, fig = (os.path.join(folder, n) for n in ("info_plane.json", "info_plane.png"))
    bench = os.path.join(folder, "infoplane-bench.json")
    if not (os.path.exists(ex) or os.path.exists(bench)):
        return
    r.add("## The information plane")
    r.add("")
    if os.path.exists(ex):
        with open(ex) as f:
            doc = json.load(f)
        c = doc["config"]
        r.add("`examples/info_plane.py --epochs %d --snapshots %d` (%s): the IB paper's "
              "%s networks on scikit-learn's digits, every hidden layer's I(X;T) and I(T;Y) "
              "at %d snapshots by %s, and I(T;Y) with the labels shuffled (%d permutations) "
              "as the estimator's null (docs/infoplane.md)."
              % (c["epochs"], c["snapshots"], "actent " + doc["actent"],
                 "-".join(str(w) for w in doc["widths"]), c["snapshots"],
                 " and ".join("%s (%s)" % (k, ", ".join("%s=%s" % kv for kv in v.items()))
                              for k, v in doc["methods"].items()), c["shuffles"]))
        r.add("")
        r.add("\n".join(md_table(["network", "accuracy", "training (s)", "information plane (s)"],
                       [[run["activation"], "%.3f" % run["accuracy"], "%.1f" % run["train_s"],
                         "%.2f" % run["measure_s"]] for run in doc["runs"]])))
        r.add("")
        if os.path.exists(fig):
            r.add("![the information plane](info_plane.png)")
            r.add("")
    if os.path.exists(bench):
        with open(bench) as f:
            b = json.load(f)
        r.add("`%s`, one thread, medians, against the research codes' numpy forms (numpy "
              "%s); interleaved: the two calls alternate, as in a training loop; back to "
              "back: each alone:" % (b["command"], b["numpy"]))
        r.add("")
        r.add("\n".join(md_table(
            ["method", "d", "N", "actent (ms)", "numpy (ms)", "numpy / actent",
             "actent alone (ms)", "numpy alone (ms)", "numpy / actent alone"],
            [[x["method"], x["d"], x["n"], "%.3f" % (x["actent_s"] * 1e3),
              "%.1f" % (x["numpy_s"] * 1e3), "%.0fx" % x["ratio"],
              "%.3f" % (x["actent_alone_s"] * 1e3), "%.1f" % (x["numpy_alone_s"] * 1e3),
              "%.0fx" % x["ratio_alone"]] for x in b["rows"]])))
        r.add("")
