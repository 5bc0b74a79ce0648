"""examples/info_plane.py, a few epochs: it runs, measures every hidden layer
of both networks by both methods at each snapshot, and its rows are
actent.info_plane's on the layers (I(X;T) = H(T) for binning, every value
within its bounds), with the figure written."""
import json
import os
import subprocess
import sys

import numpy as np


def test_few_epochs(tmp_path):
    script = os.path.join(os.environ["ACTENT_EXAMPLES"], "info_plane.py")
    out = subprocess.run([sys.executable, script, "--epochs", "6", "--snapshots", "3",
                          "--out", str(tmp_path)], check=True, capture_output=True, text=True)
    assert "information plane" in out.stdout
    doc = json.load(open(tmp_path / "info_plane.json"))
    assert [r["activation"] for r in doc["runs"]] == ["tanh", "relu"]
    assert (tmp_path / "info_plane.png").stat().st_size > 20000
    n = 1797
    for run in doc["runs"]:
        epochs = sorted({r["epoch"] for r in run["rows"]})
        assert epochs[0] == 0 and epochs[-1] == 6 and len(epochs) == 3
        assert len(run["rows"]) == 3 * 5 * 2  # snapshots x layers x methods
        for r in run["rows"]:
            assert r["activation"] == run["activation"] and r["n"] == n
            assert r["d"] == [10, 7, 5, 4, 3][int(r["layer"]) // 2]
            assert 0 <= r["ity"] <= np.log2(10) + 1e-9
            if r["method"] == "width":
                assert r["ixt"] == r["ht"] and 0 <= r["ht"] <= np.log2(n) + 1e-9
                assert 1 <= r["patterns"] <= n
            assert np.isfinite(r["ity_null_mean"])
