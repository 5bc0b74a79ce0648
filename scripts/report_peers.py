"""The report's "against the peers and numpy" section (scripts/report_bench.py):
each peer's activation against the fastest accurate table, the pipeline
against the fastest accurate composition, numpy/scipy and torch, and the
notebook's whole analysis."""
import matplotlib.pyplot as plt
from report_figures import grouped_bars
from report_md import fmt, md_table
from report_run import ACCURATE_ULP, MARK_INACCURATE, MARK_REF, min_of, ratio


def details(r, summary, body):
    r.add("<details><summary>%s</summary>" % summary)
    r.add("")
    for line in body:
        r.add(line)
    r.add("</details>")
    r.add("")


def peers_section(r, run, src):
    r.add("### Against the peers and numpy")
    r.add("")
    others = run.peers + (["numpy"] if run.numpy else []) + (["torch"] if run.torch else [])
    if not others:
        r.add("No peers and no numpy rows in this run: nothing to compare against.")
        r.add("")
        return
    r.add("Activations: each peer's time as a multiple of the fastest accurate table's (above "
          "1: the table is faster), with the peer's largest ULP error; %s above %d ULP, %s a "
          "reference kernel: faster there is not the same answer." % (
              MARK_INACCURATE, ACCURATE_ULP, MARK_REF))
    r.add("")
    for inp in run.inputs:
        for n in run.sizes:
            impls = [i for i in run.impls("activate", inp, n) if i in others]
            rows = []
            for op in run.ops:
                t, c = run.best_table("activate", op, inp, n)
                tu = run.ulp(op, t.split()[0], inp, n) if t else None
                rows.append([op, "%s %s, %s ULP" % (t, fmt(c), "?" if tu is None else "%d" % tu)
                             if t else "-"] +
                            [peer_cell(run, op, i, inp, n, c) for i in impls])
            body = md_table(["activation", "fastest table (cycles)"] + impls, rows)
            title = "activate, %s, input %s" % (run.size_name(n), inp)
            if n == run.sizes[0] and inp == run.inputs[0]:
                r.add(title[0].upper() + title[1:] + ":")
                r.add("")
                for line in body:
                    r.add(line)
                r.add("")
            else:
                details(r, title, body)
    pipeline(r, run, src)
    analysis(r, run, src)


def peer_cell(run, op, impl, inp, n, best):
    c = run.get("activate", op, impl, inp, n)
    if c is None:
        return "n/a"
    u = run.ulp(op, impl, inp, n)
    return "%s, %s ULP%s" % (ratio(c, best), "?" if u is None else "%d" % u,
                             run.marks(op, impl, inp, n))


def pipeline(r, run, src):
    r.add("The pipeline (one activation's histogram and entropy): the fastest accurate table, "
          "fused or not, against the fastest accurate composition (`composed`: a peer's "
          "activation, then the min/max and histogram of the fastest table this CPU runs, so "
          "the gap measures fusion, not a slower histogram) and the notebook's numpy/scipy "
          "code.")
    r.add("")
    if "composed" not in run.families:
        r.add("No composed rows in this run.")
        r.add("")
    inp = run.inputs[0]
    fig, axes = plt.subplots(len(run.sizes), 1, figsize=(13, 3.4 * len(run.sizes)), squeeze=False)
    for ax, n in zip(axes[:, 0], run.sizes):
        best = [min_of(run, op, inp, n)[1] for op in run.ops]
        series = [("actent, fastest table and mode", best,
                   {"key": run.tables[0] if run.tables else "actent"}),
                  ("fastest composed (peer activation + table histogram)",
                   [run.best_composed(op, inp, n)[1] for op in run.ops],
                   {"key": "composed", "hatch": "//"})]
        if run.numpy:
            series.append(("numpy/scipy", [run.get("unfused", op, "numpy", inp, n)
                                           for op in run.ops], {"key": "numpy", "hatch": "//"}))
        if run.torch:
            series.append(("torch (act + histc)", [run.get("unfused", op, "torch", inp, n)
                                                   for op in run.ops],
                           {"key": "torch", "hatch": "//"}))
        grouped_bars(ax, run.ops, series)
        ax.set(ylabel="cycles per element", title="%s, input %s" % (run.size_name(n), inp))
    fig.tight_layout()
    r.figure(fig, "fig-pipeline.png", "Histogram and entropy of one activation: actent's "
             "fastest table and mode, the fastest composition of peers, numpy/scipy (log "
             "scale). " + src)
    for inp in run.inputs:
        for n in run.sizes:
            rows = []
            for op in run.ops:
                where, c = min_of(run, op, inp, n)
                ci, cc = run.best_composed(op, inp, n)
                np_c = run.get("unfused", op, "numpy", inp, n)
                th_c = run.get("unfused", op, "torch", inp, n)
                sc = run.get("unfused", op, "scalar", inp, n)
                rows.append([op, "%s %s" % (where, fmt(c)) if where else "-", ratio(sc, c),
                             "%s %s" % (ci, fmt(cc)) if ci else "-", fmt(np_c), fmt(th_c),
                             ratio(cc, c), ratio(np_c, c), ratio(th_c, c)])
            details(r, "Pipeline, cycles per element, %s, input %s" % (run.size_name(n), inp),
                    md_table(["activation", "actent (fastest)", "unfused/scalar / actent",
                              "composed (fastest)", "numpy", "torch", "composed / actent",
                              "numpy / actent", "torch / actent"], rows))


def analysis(r, run, src):
    rows = []
    impls = run.tables + (["numpy"] if run.numpy else [])
    np_t = {v: run.get("analysis", v, "numpy", "unit", 4096, "cpu_time")
            for v in ("notebook", "no-transform")}
    for v in ("notebook", "no-transform"):
        rows.append([v] + [fmt(run.get("analysis", v, i, "unit", 4096, "cpu_time"))
                           for i in impls] +
                    [ratio(np_t[v], run.get("analysis", v, t, "unit", 4096, "cpu_time"))
                     for t in run.tables if run.numpy])
    if "analysis" not in run.families:
        r.add("No analysis rows in this run.")
        r.add("")
        return
    r.add("The notebook's whole analysis (11 activations, n = 4096), microseconds:")
    r.add("")
    for line in md_table(["variant"] + impls + ["numpy / %s" % t for t in run.tables
                                                if run.numpy], rows):
        r.add(line)
    r.add("")
