"""Accuracy differences between two verify.json files (scripts/compare.py):
digests, max ULP, violations and entropy differences per table and activation."""
from report_md import fmt, md_table
from report_verify import worst


def entropy_gap(a):
    """the largest |entropy - scalar's| over an activation's histogram checks"""
    gaps = [abs(h.get("entropy", 0) - h.get("entropy_scalar", 0)) for h in a.get("histograms", [])]
    return max(gaps) if gaps else None


def verify_diff(va, vb, pa, pb):
    if va is None or vb is None:
        return ["No verify.json in %s: no accuracy to compare." % (pa if va is None else pb), ""]
    out = ["A: `%s`, stride %s, %s violations; B: `%s`, stride %s, %s violations." % (
        va.get("mode"), va.get("sweep_stride"), va.get("violations"), vb.get("mode"),
        vb.get("sweep_stride"), vb.get("violations"))]
    if va.get("sweep_stride") != vb.get("sweep_stride"):
        out.append("The sweeps differ (stride %s against %s): their max ULP need not match." % (
            va.get("sweep_stride"), vb.get("sweep_stride")))
    out.append("")
    ta = {t["table"]: t for t in va.get("tables", [])}
    tb = {t["table"]: t for t in vb.get("tables", [])}
    only = sorted(set(ta) ^ set(tb))
    if only:
        out.append("Tables in one only: %s." % ", ".join(
            "%s (%s)" % (t, "A" if t in ta else "B") for t in only))
        out.append("")
    rows, same = [], 0
    for name in [t for t in ta if t in tb]:
        a, b = ta[name], tb[name]
        if a.get("digest") != b.get("digest"):
            rows.append([name, "(table)", "digest", a.get("digest", "-"), b.get("digest", "-")])
        aa = {x["name"]: x for x in a.get("activations", [])}
        ab = {x["name"]: x for x in b.get("activations", [])}
        for op in [o for o in aa if o in ab]:
            x, y = aa[op], ab[op]
            diffs = []
            if x.get("digest") != y.get("digest"):
                diffs.append(("digest", x.get("digest", "-"), y.get("digest", "-")))
            ux, uy = worst(x)[0], worst(y)[0]
            if ux != uy:
                diffs.append(("max ulp", ux, uy))
            if x.get("violations") != y.get("violations"):
                diffs.append(("violations", x.get("violations"), y.get("violations")))
            ex, ey = entropy_gap(x), entropy_gap(y)
            if ex != ey:
                diffs.append(("max |entropy - scalar's|", fmt(ex), fmt(ey)))
            same += not diffs
            rows += [[name, op, what, str(p), str(q)] for what, p, q in diffs]
    if rows:
        out.extend(md_table(["table", "activation", "what", "A", "B"], rows,
                            right=[False] * 5))
        out.append("")
    out.append("%d (table, activation) pairs identical in digest, max ULP, violations and "
               "entropy differences; %d differences listed%s." % (
                   same, len(rows), "" if rows else " (none)"))
    out.append("")
    return out
