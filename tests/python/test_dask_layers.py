"""examples/dask_layers.py: a LocalCluster's two passes over a memory-mapped
float32 file give exactly the counts and entropy of one fused pass in one
process. ACTENT_DASK_N sets the file's size (default 10^7 values, 40 MB; the
issue's 10^8 takes several times longer on the 2-core CI machine)."""
import os
import sys

import numpy as np
import pytest

sys.path.insert(0, os.environ["ACTENT_EXAMPLES"])
import actent  # noqa: E402
import dask_layers  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

N = int(os.environ.get("ACTENT_DASK_N", 10**7))


@pytest.fixture(scope="module")
def layer(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("dask") / "layer.npy")
    dask_layers.make(path, N, seed=4)
    yield path
    os.remove(path)


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                      memory_limit="1GiB") as cluster, Client(cluster) as c:
        yield c


@pytest.mark.parametrize("activation, bins", [("relu", 49), ("tanh", 200), ("linear", 49)])
def test_distributed_equals_one_process(client, layer, activation, bins):
    bits, counts, (lo, hi) = dask_layers.distributed_entropy(client, layer, activation, bins,
                                                             chunk=(1 << 20) + 3)
    x = np.load(layer, mmap_mode="r")
    one_bits, one_counts = actent.activation_entropy(x, activation, bins)
    np.testing.assert_array_equal(counts, one_counts)
    assert bits == one_bits and counts.sum() == N
    y = actent.activate(x, activation)
    assert (lo, hi) == (float(y.min()), float(y.max()))
