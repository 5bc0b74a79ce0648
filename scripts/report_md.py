"""Markdown helpers shared by scripts/report.py and scripts/compare.py."""


def fmt(v):
    """A number with three significant digits or so, never in exponent form
    above 1e-3; "-" for None."""
    if v is None:
        return "-"
    a = abs(v)
    if a == 0:
        return "0"
    if a >= 100:
        return "%.0f" % v
    if a >= 10:
        return "%.1f" % v
    if a >= 1:
        return "%.2f" % v
    if a >= 1e-3:
        return "%.3f" % v
    return "%.2e" % v


def md_table(head, rows, right=None):
    """Lines of a Markdown table; columns after the first are right-aligned
    unless right says otherwise (a list of booleans)."""
    right = right or [False] + [True] * (len(head) - 1)
    esc = [lambda s: str(s).replace("|", "\\|")] * len(head)
    lines = ["| " + " | ".join(e(h) for e, h in zip(esc, head)) + " |",
             "|" + "|".join("---:" if r else "---" for r in right) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(e(c) for e, c in zip(esc, row)) + " |")
    return lines
