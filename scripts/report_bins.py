"""REPORT.md's section "Is it the activation or the bins?", from bins.json (the
bin-count sweep: `actent experiment --mode consistent --population --bins
LIST`) and estimator-*.json (the notebook's setting under each --estimator).

A reduction measured with B bins is part activation, part bins: for a
one-to-one activation it converges, as B grows, to a finite limit (the
population's, -E[log2 |f'(X)|] + log2(range f / range x)); for relu, which
puts half the input on one value, it grows like 1/2 log2(B) - 1 without
bound. The figure shows both, from the sample and from the population.
"""
import math

import matplotlib.pyplot as plt

ESTIMATORS = ("plugin", "miller-madow", "grassberger", "jackknife", "kde")


def _source(doc, what):
    cmd = doc.get("command") or "actent experiment"
    r = doc["results"][0]
    return "%s: `%s` on %s (table %s)." % (what, cmd, r.get("cpu") or "this machine",
                                          r.get("table", "?"))


def _sweep(doc):
    """{activation: [(bins, sample, population, limit)]} in the sweep's order."""
    out = {}
    for res in doc["results"]:
        if res["mode"] != "consistent":
            raise ValueError("bins.json: the sweep must bin input and outputs alike "
                             "(--mode consistent), not %r" % res["mode"])
        for a in res["activations"]:
            out.setdefault(a["name"], []).append(
                (res["bins"], a["reduction"], a["population_reduction"], a["limit_reduction"]))
    for rows in out.values():
        rows.sort()
    return out


def _f(v):
    """4 decimals, a rounding error of 0 printed as 0.0000, not -0.0000"""
    return "%.4f" % (round(v, 4) + 0.0)


def _nearest(rows, b):
    return min(rows, key=lambda row: (abs(row[0] - b), row[0]))


def _figure(r, doc, sweep):
    """Top: every activation, with relu's 1/2 log2(B) - 1; bottom: the
    one-to-one ones alone, on a scale where their limits show."""
    fig, axes = plt.subplots(2, 2, figsize=(13, 9), sharex=True)
    cmap = plt.get_cmap("tab20")
    allb = sorted({row[0] for rows in sweep.values() for row in rows})
    for i, (name, rows) in enumerate(sweep.items()):
        color = cmap(i % 20)
        bins = [row[0] for row in rows]
        lim = rows[-1][3]
        for row_axes, show in ((axes[0], True), (axes[1], lim is not None)):
            if not show:
                continue
            for ax, col in zip(row_axes, (1, 2)):
                ys = [row[col] if row[col] is not None else math.nan for row in rows]
                # a marker and dash per activation: relu6's line coincides with relu's
                # up to the bin count where the cap shows, and must not hide it
                ax.plot(bins, ys, marker="os^vDx<>P*"[i % 10], markersize=3.5, color=color,
                        linestyle=("-", "--", "-.", ":")[i % 4], linewidth=1.2, label=name)
                if lim is not None:
                    ax.axhline(lim, color=color, linestyle=":", linewidth=1)
    for ax in axes[0]:
        ax.plot(allb, [0.5 * math.log2(b) - 1 for b in allb], "k--", linewidth=1,
                label="1/2 log2(B) - 1")
    res = doc["results"][0]
    axes[0][0].set_title("sample: n = %d, seed %d, %s" % (res["n"], res["seed"], res["dist"]))
    axes[0][1].set_title("population (N -> inf), the same bins")
    axes[1][0].set_title("one-to-one activations, sample")
    axes[1][1].set_title("one-to-one activations, population; dotted: the limits")
    for ax in axes.flat:
        ax.set_xscale("log", base=2)
        ax.grid(True, which="major", alpha=0.3)
    for ax in axes[1]:
        ax.set_xlabel("bins B (input and output alike)")
    for ax in axes[:, 0]:
        ax.set_ylabel("reduction in entropy (bits)")
    axes[0][1].legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    r.figure(fig, "fig-bins.png",
             "Reduction against the bin count, sample (left) and population (right); below, "
             "the one-to-one activations alone, dotted lines their limits as B -> inf (relu "
             "has none: its gap grows like 1/2 log2(B) - 1). " + _source(doc, "Data"))


def _sweep_table(r, sweep):
    first = next(iter(sweep.values()))
    have = [row[0] for row in first]
    cols = sorted({_nearest(first, b)[0] for b in (have[0], 49, 100, have[-1])})
    r.add("| activation | %s | limit |" % " | ".join("B = %d: sample / population" % b
                                                    for b in cols))
    r.add("|---|%s---:|" % ("---:|" * len(cols)))
    for name, rows in sorted(sweep.items(), key=lambda kv: -kv[1][-1][2]):
        by = {row[0]: row for row in rows}
        lim = rows[-1][3]
        r.add("| %s | %s | %s |" % (name, " | ".join("%s / %s" % (_f(by[b][1]), _f(by[b][2]))
                                                    for b in cols),
                                    "diverges" if lim is None else _f(lim)))
    r.add("")


def _estimator_table(r, docs):
    """Each estimator's reduction per activation; kde as its two bounds."""
    base = docs.get("plugin")
    if base is None:
        r.add("No estimator-plugin.json in this folder: the estimator table needs "
              "`actent experiment --population --json estimator-plugin.json`.")
        r.add("")
        return
    res = base["results"][0]
    r.add("### Every estimator, the notebook's setting")
    r.add("")
    r.add("n %d, seed %d, %s, %d input bins and %d output bins (notebook mode), reduction in "
          "bits; population: the same bins as N -> inf." % (res["n"], res["seed"], res["dist"],
                                                            res["input_bins"],
                                                            res["output_bins"]))
    r.add("")
    heads, cols = ["plugin"], [("plugin", "reduction")]
    for e in ESTIMATORS[1:]:
        if e not in docs:
            continue
        if e == "kde":
            v = docs[e]["results"][0].get("noise_var")
            heads += ["kde upper (V = %g)" % v, "kde lower"]
            cols += [(e, "estimate_reduction"), (e, "estimate_lower_reduction")]
        else:
            heads.append(e)
            cols.append((e, "estimate_reduction"))
    pop = "population_reduction" in res["activations"][0]
    if pop:
        heads.append("population")
        cols.append(("plugin", "population_reduction"))
    acts = {e: {a["name"]: a for a in d["results"][0]["activations"]} for e, d in docs.items()}
    r.add("| activation | %s |" % " | ".join(heads))
    r.add("|---|%s" % ("---:|" * len(heads)))
    for a in sorted(res["activations"], key=lambda a: a["reduction"]):
        vals = [acts[e][a["name"]].get(k) for e, k in cols]
        r.add("| %s | %s |" % (a["name"], " | ".join("—" if v is None else _f(v) for v in vals)))
    r.add("")
    missing = [e for e in ESTIMATORS if e not in docs]
    r.add("Data: %s%s" % (" ".join(_source(docs[e], e) for e in ESTIMATORS if e in docs),
                          " No estimator-%s.json." % ", ".join(missing) if missing else ""))
    r.add("")


def bins_section(r, doc, estimators):
    """doc: bins.json or None; estimators: {name: estimator-NAME.json}."""
    r.add("## Is it the activation or the bins?")
    r.add("")
    if doc is None:
        r.add("No bins.json in this folder (`actent experiment --mode consistent --population "
              "--bins 2,4,...,4096 --json bins.json` makes it).")
        r.add("")
    else:
        sweep = _sweep(doc)
        r.add("The same sample binned with B bins, input and outputs alike, for each B of the "
              "sweep; beside each sample reduction, the population's (N -> inf, the same "
              "bins). A one-to-one activation's reduction converges to a finite limit as B "
              "grows; relu's grows without bound (1/2 log2(B) - 1 on U(-1, 1)): part of a "
              "reduction measured with bins is the bins'.")
        r.add("")
        _figure(r, doc, sweep)
        _sweep_table(r, sweep)
    _estimator_table(r, estimators)
