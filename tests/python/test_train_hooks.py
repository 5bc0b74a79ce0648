"""examples/train_hooks.py, one epoch: it runs, and its numbers are actent's
analysis of the pre-activations its hooks saw (checked against numpy)."""
import json
import os
import subprocess
import sys

import numpy as np
from scipy import stats


def test_one_epoch(tmp_path):
    script = os.path.join(os.environ["ACTENT_EXAMPLES"], "train_hooks.py")
    out = subprocess.run([sys.executable, script, "--epochs", "1", "--layers", "2",
                          "--out", str(tmp_path)], check=True, capture_output=True, text=True)
    assert "hooks" in out.stdout and "per step" in out.stdout
    doc = json.load(open(tmp_path / "train_hooks.json"))
    assert [r["activation"] for r in doc["runs"]] == ["relu", "tanh"]
    assert (tmp_path / "train_hooks.png").stat().st_size > 10000
    for run in doc["runs"]:
        (epoch,) = run["epochs"]
        assert len(epoch["layers"]) == 2
        for layer in epoch["layers"]:
            # 1437 training digits x 64 units per layer, every batch recorded once
            assert layer["n"] == 1437 * 64
            for mode in ("notebook", "consistent"):
                e = layer[mode]
                assert 0 < e["entropy"] <= np.log2(50)
                assert abs(e["input_entropy"] - e["entropy"] - e["reduction"]) < 1e-12
        assert run["cost"]["hook_ms_per_step"] > 0


def test_entropy_matches_numpy_on_recorded_values():
    """the analysis the example runs per layer, against numpy on values like a layer's"""
    sys.path.insert(0, os.environ["ACTENT_EXAMPLES"])
    import train_hooks
    x = np.random.RandomState(3).normal(0.1, 1.5, 20000).astype(np.float32)
    (row,) = train_hooks.analyse("tanh", {0: x})
    y = np.tanh(x.astype(np.float64)).astype(np.float32)
    c = np.histogram(y, bins=np.linspace(y.min(), y.max(), 50))[0]
    assert abs(row["notebook"]["entropy"] - stats.entropy(c, base=2)) < 1e-12
    assert row["notebook"]["input_entropy"] == stats.entropy(np.histogram(x, 50)[0], base=2)
