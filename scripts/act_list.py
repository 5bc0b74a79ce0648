"""The activations, in the notebook's order, read from kernels/act_list.h.

kernels/act_list.h is the one list (the C enum, the kernel tables, the CMake
file lists and these scripts all follow it); this module parses its
X(ENUM, name, exact) entries so that no script keeps a copy.
"""
import os
import re

HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kernels", "act_list.h")
_ENTRY = re.compile(r"X\(([A-Z0-9_]+),\s*([a-z0-9_]+),\s*([01])\)")


def entries(path=HEADER):
    """[(name, exact)] in the list's order"""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found = [(m.group(2), m.group(3) == "1") for m in _ENTRY.finditer(text)]
    if not found:
        raise RuntimeError("%s: no X(ENUM, name, exact) entries" % path)
    return found


ORDER = [name for name, _ in entries()]
EXACT = {name for name, exact in entries() if exact}
# the notebook's own 11 (up to linear): what `actent experiment` runs by default
NOTEBOOK = ORDER[:ORDER.index("linear") + 1]
