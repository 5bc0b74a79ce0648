"""The report's bar figures (scripts/report_bench.py): one fixed colour per
implementation in every figure, peers hatched, the repetitions' min..max as
error bars, "n/a" where a row is missing, accuracy marks above the bars."""

# one colour per implementation in every figure; peers are hatched
FIXED = {"scalar": "#7f7f7f", "avx512": "#1f4e9c", "avx2": "#4f9bd9", "neon": "#2a7f62",
         "sve": "#6cc3a0", "avx2-sleef": "#8c6bb1", "neon-sleef": "#b39ddb",
         "libm": "#c7a76c", "libmvec-avx2": "#e6863b", "sleef-u35": "#9e480e",
         "xnnpack": "#d62728", "onednn": "#f2b701", "numpy": "#17becf", "torch": "#e377c2",
         "plain-avx2": "#bcbd22"}
SPARE = ["#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#5254a3", "#8ca252"]


def color_of(name):
    base = name.split("/")[-1].split("+")[0]
    if base in FIXED:
        return FIXED[base]
    return SPARE[sum(map(ord, base)) % len(SPARE)]


def grouped_bars(ax, labels, series, lines=()):
    """Bars on a log scale, one group per label. series: [(name, [value or
    None per label], style)] with style {"key": the implementation whose
    colour to use (default: name), "hatch", "alpha", "marks": [text above
    each bar], "spread": [(min, max) of the repetitions, or None, per
    label], drawn as error bars}; a missing value is drawn as "n/a". lines: [(name, value)]
    drawn across as dashed lines. The legend goes to the right of the plot."""
    width = 0.8 / max(1, len(series))
    seen, placed = [], []
    for k, item in enumerate(series):
        name, vals = item[0], item[1]
        st = item[2] if len(item) > 2 else {}
        xs = [i - 0.4 + width * (k + 0.5) for i in range(len(labels))]
        ax.bar([x for x, v in zip(xs, vals) if v], [v for v in vals if v], width=width,
               label=name, color=color_of(st.get("key", name)), hatch=st.get("hatch"),
               alpha=st.get("alpha", 1.0), edgecolor="white", linewidth=0.3)
        # the repetitions' min..max as an error bar on each bar that has one
        spans = [(x, v, iv) for x, v, iv in zip(xs, vals, st.get("spread") or [None] * len(vals))
                 if v and iv]
        if spans:
            ax.errorbar([x for x, _, _ in spans], [v for _, v, _ in spans],
                        yerr=[[max(0.0, v - iv[0]) for _, v, iv in spans],
                              [max(0.0, iv[1] - v) for _, v, iv in spans]],
                        fmt="none", ecolor="black", elinewidth=0.6, capsize=1.2)
        seen += [v for v in vals if v]
        placed.append((xs, vals, st.get("marks") or [""] * len(vals)))
    for k, (name, v) in enumerate(lines):
        ax.axhline(v, color=["black", "#7030a0", "#c00000"][k % 3], linestyle="--",
                   linewidth=1, label=name)
        seen.append(v)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=45, ha="right")
    ax.set_yscale("log")
    if seen:
        ax.set_ylim(min(seen) / 1.6, max(seen) * 1.6)
    bottom = ax.get_ylim()[0]
    for xs, vals, marks in placed:
        for x, v, m in zip(xs, vals, marks):
            if not v:
                ax.text(x, bottom * 1.04, "n/a", rotation=90, fontsize=5, ha="center",
                        va="bottom", color="#888888")
            elif m:
                ax.text(x, v * 1.03, m, fontsize=7, ha="center", va="bottom", color="#c00000")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)


def impl_style(run, impl, inp, n, family="activate"):
    """an implementation's colour, hatched when it is a peer, its marks and
    its repetitions' spread"""
    return {"key": impl, "hatch": None if impl in run.tables else "//",
            "marks": [run.marks(op, impl, inp, n) for op in run.ops],
            "spread": [run.interval(family, op, impl, inp, n) for op in run.ops]}
