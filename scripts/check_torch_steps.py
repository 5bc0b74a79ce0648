#!/usr/bin/python3
"""Proves the float32 steps of actent's PyTorch-defined activations against PyTorch.

hardswish (kernels/scalar/hardswish_scalar.c):
    t = x + 3; t = 0 if t < 0; t = 6 if t > 6; p = max(x, -3) * t; p / 6
hardsigmoid (kernels/scalar/hardsigmoid_scalar.c):
    t = x + 3; t = 0 if t < 0; t = 6 if t > 6; t / 6
For every float32 bit pattern (2^32, in chunks of 2^24), computes the steps
in numpy float32 (each step rounded, no fused operations) and
torch.nn.functional's function on a float32 tensor, and compares the bits
(every NaN counts as equal to every NaN). The one expected difference is
hardswish at x = -inf, where PyTorch's -inf * 0 gives NaN and actent gives the
limit -0; any other difference fails. The C kernels are checked against these
numpy steps by tests/data (scripts/gen_reference.py).

With --tables, the built library's kernels (actent.activate through the
module in build/python) are compared with torch as well, on the same inputs,
so the proof covers the C code and not only its numpy model.

Usage: PYTHONPATH=build/python /usr/bin/python3 scripts/check_torch_steps.py
       [--activation hardswish|hardsigmoid] [--stride K] [--first C] [--last C]
       [--tables scalar,avx2,...]
(K > 1: every K-th chunk only, for a quick run; --first/--last: chunks C of
0..255, to split the sweep over processes). Prints a line per chunk and a
summary; exit status 1 on a mismatch.
"""
import argparse
import sys
import time

import numpy as np
import torch


def hardswish_steps(x):
    """hardswish_scalar.c's float32 steps"""
    with np.errstate(invalid="ignore", over="ignore"):
        t = x + np.float32(3)
        t = np.where(t < 0, np.float32(0), t)
        t = np.where(t > 6, np.float32(6), t)
        p = np.where(x < -3, np.float32(-3), x) * t
        return (p / np.float32(6)).astype(np.float32)


def hardsigmoid_steps(x):
    """hardsigmoid_scalar.c's float32 steps"""
    with np.errstate(invalid="ignore", over="ignore"):
        t = x + np.float32(3)
        t = np.where(t < 0, np.float32(0), t)
        t = np.where(t > 6, np.float32(6), t)
        return (t / np.float32(6)).astype(np.float32)


STEPS = {"hardswish": (hardswish_steps, torch.nn.functional.hardswish),
         "hardsigmoid": (hardsigmoid_steps, torch.nn.functional.hardsigmoid)}


def same_bits(ours, theirs):
    """bit-equal, or both NaN"""
    return (ours.view(np.uint32) == theirs.view(np.uint32)) | (np.isnan(ours) & np.isnan(theirs))


def count_bad(name, x, bits, ours, theirs):
    """mismatches of ours against torch's theirs, -inf excepted; prints the first few"""
    bad = 0
    for i in np.nonzero(~same_bits(ours, theirs))[0]:
        if (name.startswith("hardswish") and np.isneginf(x[i]) and ours[i] == 0
                and np.signbit(ours[i]) and np.isnan(theirs[i])):
            print("expected: %s, x = -inf: actent -0, torch %r" % (name, float(theirs[i])))
            continue
        bad += 1
        if bad <= 10:
            print("MISMATCH %s x = %s (0x%08x): ours %s, torch %s"
                  % (name, float(x[i]).hex(), bits[i], float(ours[i]).hex(), float(theirs[i]).hex()))
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--activation", choices=sorted(STEPS), default="hardswish")
    ap.add_argument("--stride", type=int, default=1, help="check every K-th chunk of 2^24")
    ap.add_argument("--first", type=int, default=0, help="first chunk (0..255)")
    ap.add_argument("--last", type=int, default=255, help="last chunk (0..255)")
    ap.add_argument("--tables", default="", help="also compare these actent tables (comma-separated)")
    args = ap.parse_args()
    if not 0 <= args.first <= args.last <= 255 or args.stride < 1:
        ap.error("need 0 <= --first <= --last <= 255 and --stride >= 1")
    tables = [t for t in args.tables.split(",") if t]
    if tables:
        import actent
    torch.set_num_threads(1)
    chunk = 1 << 24
    start = time.time()
    checked = mismatched = 0
    for c in range(args.first, args.last + 1, args.stride):
        bits = np.arange(c * chunk, (c + 1) * chunk, dtype=np.uint64).astype(np.uint32)
        x = bits.view(np.float32)
        ours, fn = STEPS[args.activation]
        theirs = fn(torch.from_numpy(x.copy())).numpy()
        name = args.activation
        bad = count_bad(name + " numpy steps", x, bits, ours(x), theirs)
        for t in tables:
            bad += count_bad(name + " " + t, x, bits,
                             np.asarray(actent.activate(x, name, table=t)), theirs)
        mismatched += bad
        checked += x.size
        print("chunk %d: %d mismatches (%.0f s)" % (c, bad, time.time() - start), flush=True)
    print("%s: chunks %d..%d stride %d, %d float32 inputs, numpy steps and tables [%s]:"
          " %d mismatches (hardswish: besides -inf) (torch %s, numpy %s, %.0f s)"
          % (args.activation, args.first, args.last, args.stride, checked, ",".join(tables), mismatched,
             torch.__version__, np.__version__, time.time() - start))
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
