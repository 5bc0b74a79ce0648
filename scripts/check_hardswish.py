#!/usr/bin/python3
"""Proves the float32 steps of kernels/scalar/hardswish_scalar.c against PyTorch.

For every float32 bit pattern (2^32, in chunks of 2^24), computes
    t = x + 3; t = 0 if t < 0; t = 6 if t > 6; p = max(x, -3) * t; p / 6
in numpy float32 (each step rounded, no fused operations) and
torch.nn.functional.hardswish(x) on a float32 tensor, and compares the bits
(every NaN counts as equal to every NaN). The one expected difference is
x = -inf, where PyTorch's -inf * 0 gives NaN and actent gives the limit -0;
any other difference fails. The C kernels are checked against these numpy
steps by tests/data (scripts/gen_reference.py).

Usage: /usr/bin/python3 scripts/check_hardswish.py [--stride K]  (K > 1: every
K-th chunk only, for a quick run). Prints a summary; exit status 1 on a mismatch.
"""
import argparse
import sys
import time

import numpy as np
import torch


def steps(x):
    """hardswish_scalar.c's float32 steps"""
    with np.errstate(invalid="ignore", over="ignore"):
        t = x + np.float32(3)
        t = np.where(t < 0, np.float32(0), t)
        t = np.where(t > 6, np.float32(6), t)
        p = np.where(x < -3, np.float32(-3), x) * t
        return (p / np.float32(6)).astype(np.float32)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stride", type=int, default=1, help="check every K-th chunk of 2^24")
    args = ap.parse_args()
    torch.set_num_threads(1)
    chunk = 1 << 24
    start = time.time()
    checked = mismatched = 0
    for c in range(0, 256, args.stride):
        bits = np.arange(c * chunk, (c + 1) * chunk, dtype=np.uint64).astype(np.uint32)
        x = bits.view(np.float32)
        ours = steps(x)
        theirs = torch.nn.functional.hardswish(torch.from_numpy(x.copy())).numpy()
        same = (ours.view(np.uint32) == theirs.view(np.uint32)) | (np.isnan(ours) & np.isnan(theirs))
        bad = np.nonzero(~same)[0]
        for i in bad:
            if np.isneginf(x[i]) and ours[i] == 0 and np.signbit(ours[i]) and np.isnan(theirs[i]):
                print("expected: x = -inf: actent -0, torch %r" % float(theirs[i]))
                continue
            mismatched += 1
            if mismatched <= 10:
                print("MISMATCH x = %s (0x%08x): ours %s, torch %s"
                      % (float(x[i]).hex(), bits[i], float(ours[i]).hex(), float(theirs[i]).hex()))
        checked += x.size
    print("hardswish: %d float32 inputs, %d mismatches besides -inf (torch %s, %.0f s)"
          % (checked, mismatched, torch.__version__, time.time() - start))
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
