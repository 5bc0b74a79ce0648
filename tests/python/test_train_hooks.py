"""examples/train_hooks.py, one epoch: it runs, watches every hidden layer of
each network, and its rows are actent's analysis (input entropy minus the
activation's is the reduction; the entropies within log2 of the bins)."""
import json
import os
import subprocess
import sys

import numpy as np


def test_one_epoch(tmp_path):
    script = os.path.join(os.environ["ACTENT_EXAMPLES"], "train_hooks.py")
    out = subprocess.run([sys.executable, script, "--epochs", "1", "--layers", "2",
                          "--out", str(tmp_path)], check=True, capture_output=True, text=True)
    assert "watched" in out.stdout
    doc = json.load(open(tmp_path / "train_hooks.json"))
    assert [r["activation"] for r in doc["runs"]] == ["relu", "tanh", "gelu"]
    assert (tmp_path / "train_hooks.png").stat().st_size > 10000
    for run in doc["runs"]:
        assert run["layers"] == ["1", "3"]
        batches = -(-1437 // 128)  # 1437 training digits in batches of 128
        assert len(run["rows"]) == 2 * batches
        for r in run["rows"]:
            assert r["activation"] == run["activation"] and r["epoch"] == 1
            assert 0 < r["entropy"] <= np.log2(49) and 0 < r["input_entropy"] <= np.log2(50)
            assert abs(r["input_entropy"] - r["entropy"] - r["reduction"]) < 1e-12
        assert run["cost"]["watched_step_ms"] > 0
