"""The microarchitecture behind a CPU's vendor, family and model, for reports
and comparisons: "AMD EPYC" and "Intel(R) Xeon(R) Processor" do not say which
core ran the numbers. Family and model as /proc/cpuinfo gives them (decimal,
extended fields folded in), from the vendors' published lists (AMD's
Processor Programming Reference per family, Intel's SDM volume 4 table 2-1).
"""
import re

# (vendor, family, first model, last model, name)
TABLE = [
    ("amd", 23, 0x00, 0x0f, "Zen / Zen+"),
    ("amd", 23, 0x30, 0x3f, "Zen 2"),
    ("amd", 23, 0x60, 0x7f, "Zen 2"),
    ("amd", 25, 0x00, 0x0f, "Zen 3"),
    ("amd", 25, 0x10, 0x1f, "Zen 4"),
    ("amd", 25, 0x20, 0x5f, "Zen 3"),
    ("amd", 25, 0x60, 0x7f, "Zen 4"),
    ("amd", 25, 0xa0, 0xaf, "Zen 4c"),
    ("amd", 26, 0x00, 0x0f, "Zen 5"),
    ("amd", 26, 0x10, 0x1f, "Zen 5c"),
    ("amd", 26, 0x20, 0x7f, "Zen 5"),
    ("intel", 6, 63, 63, "Haswell"),
    ("intel", 6, 79, 79, "Broadwell"),
    ("intel", 6, 85, 85, "Skylake-SP / Cascade Lake"),
    ("intel", 6, 106, 106, "Ice Lake-SP"),
    ("intel", 6, 143, 143, "Sapphire Rapids"),
    ("intel", 6, 151, 154, "Alder Lake"),
    ("intel", 6, 173, 173, "Granite Rapids"),
    ("intel", 6, 175, 175, "Sierra Forest"),
    ("intel", 6, 183, 183, "Raptor Lake"),
    ("intel", 6, 207, 207, "Emerald Rapids"),
]


def parse(machine_id):
    """(vendor, family, model) from `actent machine`'s id
    ("amd-epyc-family26-model2"), or None"""
    m = re.search(r"family(\d+)-model(\d+)", machine_id or "")
    if not m:
        return None
    low = machine_id.lower()
    vendor = "amd" if low.startswith("amd") else "intel" if low.startswith("intel") else "?"
    return vendor, int(m.group(1)), int(m.group(2))


def name(machine_id):
    """"Zen 5", "Emerald Rapids", ... or None when the table lacks it"""
    p = parse(machine_id)
    if p is None:
        return None
    vendor, family, model = p
    for v, f, lo, hi, n in TABLE:
        if v == vendor and f == family and lo <= model <= hi:
            return n
    return None
