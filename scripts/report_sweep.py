"""The report's table of the operator libraries' accuracy over every float32
input, from peer-sweep.jsonl (`build/actent-bench --sweep --sweep-impl=NAME`,
one JSON object per activation and library, actent.peer-sweep/1). The
throughput tables show each row's error on the inputs they time; this shows
where a library's fast path leaves the definition elsewhere (tails flushed to
zero, subnormals, overflow), which the timed inputs may never reach."""
import json
import os

from bench_json import ordered
from report_md import md_table


def load(folder):
    """[records] or None when the folder has no peer-sweep.jsonl; ValueError
    naming the line when a line is not such a record"""
    path = os.path.join(folder, "peer-sweep.jsonl")
    if not os.path.exists(path):
        return None
    out = []
    with open(path) as f:
        for k, line in enumerate(f, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("schema") != "actent.peer-sweep/1":
                raise ValueError("%s line %d: not an actent.peer-sweep/1 record" % (path, k))
            out.append(rec)
    return out


def sweep_section(r, recs):
    if not recs:
        return
    impls = sorted({x["impl"] for x in recs})
    by = {(x["activation"], x["impl"]): x for x in recs}
    ops = ordered(x["activation"] for x in recs)

    def cell(op, impl):
        x = by.get((op, impl))
        if x is None:
            return "n/a"
        text = "%d (%s)" % (x["max_ulp_normal"], x["worst_input_normal"])
        if x["max_ulp"] != x["max_ulp_normal"]:
            text += "; %d with subnormals or overflow" % x["max_ulp"]
        return text
    r.add("### The operator libraries over every float32 input")
    r.add("")
    r.add("Largest ULP distance from the scalar table where input and reference are normal "
          "(the first input reaching it), over all %s non-NaN float32 inputs "
          "(`build/actent-bench --sweep --sweep-impl=NAME`, peer-sweep.jsonl); then the "
          "largest over subnormal and overflowing cases where it differs. The throughput "
          "tables' ULP columns cover only the inputs they time." % "{:,}".format(
              max(x["inputs"] for x in recs)))
    r.add("")
    for line in md_table(["activation"] + impls, [[op] + [cell(op, i) for i in impls]
                                                  for op in ops]):
        r.add(line)
    r.add("")
