"""The report's agreement section, from verify.json alone (scripts/report.py).

Per table and peer, per activation: the largest ULP distance from the scalar
table and the first input reaching it, the distribution of distances over the
sweep, the histogram and entropy checks with the tolerance verify derived, and
the digests that fingerprint each table's outputs across machines.
"""
import matplotlib.pyplot as plt
from bench_json import ordered
from report_md import fmt, md_table

SECTIONS = ("sweep", "notebook", "specials")
BUCKETS = ("0", "1", "2", "3-4", "5-16", ">16", "nan")


def hexf(v):
    """v as C's %a prints it: 0x1.194dcep+0"""
    if v is None:
        return "-"
    if v != v or v in (float("inf"), float("-inf")):
        return str(v)
    mant, exp = float(v).hex().split("p")
    if "." in mant:
        mant = mant.rstrip("0").rstrip(".")
    return "%sp%s" % (mant, exp)


def command(v):
    mode = v.get("mode")
    flag = {"exhaustive": " --exhaustive", "quick": " --quick"}.get(mode, "")
    return "actent verify%s" % flag


def source(v):
    return "Data: `%s` (%s inputs in the bit-pattern sweep, stride %s) on %s (%s)." % (
        command(v), "{:,}".format(v.get("sweep_inputs", 0)).replace(",", " "),
        v.get("sweep_stride", "?"), v.get("cpu", "an unnamed CPU"), v.get("machine", "?"))


def worst(act):
    """(max ulp, section, that section's record) over the sections present;
    the sweep wins ties, as it holds the most inputs."""
    best = (None, None, None)
    for sec in SECTIONS:
        rec = act.get("ulp", {}).get(sec)
        if rec and (best[0] is None or rec.get("max_ulp", 0) > best[0]):
            best = (rec.get("max_ulp", 0), sec, rec)
    return best


def shares(rec):
    """the sweep's distribution as "share at 1 / 2 / more" """
    if not rec or not rec.get("inputs"):
        return "-"
    h, n = rec.get("histogram", {}), rec["inputs"]
    more = sum(h.get(b, 0) for b in ("3-4", "5-16", ">16"))

    def pct(c):
        return "0" if c == 0 else ("%.3g %%" % (100.0 * c / n))
    return " / ".join(pct(c) for c in (h.get("1", 0), h.get("2", 0), more)) + \
        (" (NaN: %d)" % h["nan"] if h.get("nan") else "")


def ulp_table(t):
    rows = []
    acts = {a["name"]: a for a in t.get("activations", [])}
    for name in ordered(acts):
        a = acts[name]
        if a.get("missing"):
            rows.append([name, "-", "missing", "", "", "", "", "", ""])
            continue
        m, sec, rec = worst(a)
        declared = a.get("max_ulp_declared")
        rows.append([name, "-" if declared is None else declared, "-" if m is None else m,
                     hexf(rec.get("worst_input")) if rec and m else "-",
                     hexf(rec.get("worst_scalar")) if rec and m else "-",
                     hexf(rec.get("worst_got")) if rec and m else "-",
                     sec if m else "-", shares(a.get("ulp", {}).get("sweep")),
                     "`%s`" % a.get("digest", "-")])
    return md_table(["activation", "declared", "max ulp", "worst input", "scalar", "got",
                     "where", "sweep at 1 / 2 / >2 ulp", "digest"], rows)


def trivial(h):
    """a check where nothing was near an edge and everything agreed"""
    return h.get("ok") and h.get("counts_equal") and h.get("fused_equals_unfused", True) and \
        not h.get("at_risk") and not h.get("moved") and \
        h.get("entropy") == h.get("entropy_scalar")


def hist_table(t):
    """Lines: the checks where some value was at risk or moved, then a line for the rest."""
    rows, quiet = [], 0
    for a in t.get("activations", []):
        for h in a.get("histograms", []):
            cn = h.get("copy_neighbour")
            if trivial(h) and (not cn or (not cn.get("at_risk") and not cn.get("moved"))):
                quiet += 1
                continue
            d = abs(h.get("entropy", 0) - h.get("entropy_scalar", 0))
            rows.append([a["name"], "%s (%d)" % (h.get("sample"), h.get("n", 0)),
                         "yes" if h.get("counts_equal") else "no",
                         "%d of %d" % (h.get("moved", 0), h.get("at_risk", 0)),
                         fmt(d), fmt(h.get("entropy_tolerance")),
                         "yes" if h.get("fused_equals_unfused") else "**no**",
                         "yes" if h.get("ok") else "**no**"])
            cn = h.get("copy_neighbour")
            if cn:
                d = abs(cn.get("entropy", 0) - cn.get("entropy_scalar", 0))
                rows.append([a["name"], "%s, copy-neighbour" % h.get("sample"), "",
                             "%d of %d" % (cn.get("moved", 0), cn.get("at_risk", 0)), fmt(d),
                             fmt(cn.get("entropy_tolerance")), "", ""])
    lines = md_table(["activation", "sample (n)", "counts = scalar's", "moved of at risk",
                      "|entropy - scalar's|", "derived tolerance", "fused = unfused", "ok"],
                     rows) if rows else []
    if quiet:
        lines += ["", "The other %d (activation, sample) checks: no value within the bound of an "
                  "edge, the same counts and entropy as scalar, fused = unfused." % quiet]
    return lines


def ulp_figure(r, v, checked):
    ops = ordered(a["name"] for t in checked for a in t.get("activations", []))
    fig, ax = plt.subplots(figsize=(12, 4.2))
    width = 0.8 / max(1, len(checked))
    colors = ["#4472c4", "#ed7d31", "#70ad47", "#ffc000", "#5b9bd5", "#a5a5a5"]
    for k, t in enumerate(checked):
        acts = {a["name"]: a for a in t.get("activations", [])}
        xs, ys, ds = [], [], []
        for i, op in enumerate(ops):
            if op in acts and not acts[op].get("missing"):
                m = worst(acts[op])[0]
                x = i - 0.4 + width * (k + 0.5)
                xs.append(x)
                ys.append((m or 0) + 1)
                ds.append((x, acts[op].get("max_ulp_declared")))
        ax.bar(xs, ys, width=width, label=t["table"], color=colors[k % len(colors)])
        for x, d in ds:
            if d is not None:
                ax.plot([x - width / 2, x + width / 2], [d + 1, d + 1], color="black",
                        linewidth=1.5)
    ax.set_yscale("log")
    ax.set_xticks(range(len(ops)))
    ax.set_xticklabels(ops, rotation=45, ha="right")
    ax.set_ylabel("max ulp + 1 (log scale)")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8)
    r.figure(fig, "fig-ulp.png", "Largest distance from the scalar table in ULPs, per "
             "activation, for each table and peer; black ticks: a table's declared bound "
             "(one is added so that 0, bit-identical, shows). " + source(v))


def verify_section(r, v):
    r.add("## Agreement with the scalar reference")
    r.add("")
    nviol = v.get("violations", 0)
    r.add("%s Inputs: %s, the notebook's sample, uniform and normal samples of %s values, and "
          "the special values. **%d violation%s**; %.0f s on %s threads." % (
              source(v), "every float32 bit pattern" if v.get("sweep_stride") == 1 else
              "every %sth float32 bit pattern" % v.get("sweep_stride"),
              v.get("sample_n", "?"), nviol, "" if nviol == 1 else "s",
              v.get("total_seconds", 0), v.get("threads", "?")))
    r.add("")
    for m in v.get("messages", [])[:50]:
        r.add("- **violation**: %s" % m)
    if v.get("messages"):
        r.add("")
    ts = v.get("tables", [])
    ref = [t for t in ts if t.get("reference")]
    checked = [t for t in ts if not t.get("reference") and t.get("runs_here") and
               any(not a.get("missing") for a in t.get("activations", []))]
    if ref:
        r.add("The reference, `%s` (%s), digest `%s`: its outputs on fixed inputs, to compare "
              "with other machines (it may differ only where the C library's double results "
              "sit within an ulp of a float32 rounding boundary)." % (
                  ref[0]["table"], ref[0].get("detail", ""), ref[0].get("digest", "-")))
        r.add("")
    others = [t for t in ts if t not in ref and t not in checked]
    for t in others:
        why = "this CPU cannot run it" if not t.get("runs_here") else "no activations to check"
        r.add("`%s` (%s): not checked here, %s." % (t["table"], t.get("detail", ""), why))
    if others:
        r.add("")
    if not checked:
        r.add("No table or peer besides the reference ran here: nothing to compare.")
        r.add("")
        return
    ulp_figure(r, v, checked)
    for t in checked:
        r.add("### %s: %s (%s), digest `%s`, %d violation%s" % (
            t["table"], t.get("kind", "table"), t.get("detail", ""), t.get("digest", "-"),
            t.get("violations", 0), "" if t.get("violations", 0) == 1 else "s"))
        r.add("")
        for line in ulp_table(t):
            r.add(line)
        r.add("")
        if any(a.get("histograms") for a in t.get("activations", [])):
            r.add("<details><summary>%s: histograms and entropies against scalar's</summary>"
                  % t["table"])
            r.add("")
            for line in hist_table(t):
                r.add(line)
            r.add("")
            r.add("</details>")
            r.add("")
    r.add("*max ulp*: over the sweep, the notebook's sample and the special values (*where* "
          "says which reached it first); *worst input*: the first input, in bit-pattern "
          "order, at that distance. *moved of at risk*: values binned differently from "
          "scalar, of those within the declared bound of an edge; the entropy tolerance is "
          "derived from the values at risk (src/verify/verify_hist.c).")
    r.add("")


def accuracy_table(v):
    """The README's accuracy table: per activation and table or peer, the max
    ULP against scalar (the first input reaching it) (the declared bound);
    the activations every table computes bit for bit share one row."""
    checked = [t for t in v.get("tables", []) if not t.get("reference") and t.get("runs_here")
               and any(not a.get("missing") for a in t.get("activations", []))]
    acts = {t["table"]: {a["name"]: a for a in t["activations"] if not a.get("missing")}
            for t in checked}
    ops = ordered(n for t in checked for n in acts[t["table"]])
    head = ["activation"] + ["%s (declared)" % t["table"] if t.get("kind") == "table"
                             else t["table"] for t in checked]
    rows, exact = [], []
    for op in ops:
        mine = [acts[t["table"]].get(op) for t in checked]
        if all(a is None or (worst(a)[0] == 0 and not a.get("max_ulp_declared")) for a in mine):
            exact.append(op)
            continue
        row = [op]
        for a in mine:
            if a is None:
                row.append("")
                continue
            m, _, rec = worst(a)
            cell = "%s (%s)" % (m, hexf(rec.get("worst_input"))) if m else "0"
            if "max_ulp_declared" in a:
                cell += " (%s)" % a["max_ulp_declared"]
            row.append(cell)
        rows.append(row)
    if exact:
        rows.append([", ".join(exact)] + ["0: bit-identical" if all(
            op in acts[t["table"]] for op in exact) else "" for t in checked])
    return md_table(head, rows, right=[False] * len(head))
