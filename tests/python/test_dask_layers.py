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
    (col,) = dask_layers.distributed_entropy(client, layer, activation, bins,
                                             chunk=(1 << 20) + 3)
    x = np.load(layer, mmap_mode="r")
    one_bits, one_counts = actent.activation_entropy(x, activation, bins)
    np.testing.assert_array_equal(col["counts"], one_counts)
    assert col["entropy"] == one_bits and col["counts"].sum() == N
    np.testing.assert_array_equal(col["input_counts"], np.histogram(x, bins + 1)[0])
    assert col["input_entropy"] == actent.entropy(np.histogram(x, bins + 1)[0])
    assert col["reduction"] == col["input_entropy"] - col["entropy"]
    y = actent.activate(x, activation)
    assert col["range"] == (float(y.min()), float(y.max()))


@pytest.mark.parametrize("order", ["C", "F"])
def test_two_dimensional_layers(client, tmp_path, order):
    """a (samples, neurons) file, in either order: pooled it is one sample of
    every value; per neuron each column its own, as numpy bins the column"""
    path = str(tmp_path / "layer2d.npy")
    x = np.random.RandomState(8).normal(0, 2, (3001, 7)).astype(np.float32)
    np.save(path, np.asfortranarray(x) if order == "F" else x)
    (pooled,) = dask_layers.distributed_entropy(client, path, "gelu", 49, chunk=1000)
    np.testing.assert_array_equal(pooled["counts"], actent.activation_entropy(x, "gelu")[1])
    np.testing.assert_array_equal(pooled["input_counts"], np.histogram(x, 50)[0])
    cols = dask_layers.distributed_entropy(client, path, "gelu", 49, chunk=1000,
                                           per_neuron=True)
    assert len(cols) == 7
    for j, c in enumerate(cols):
        np.testing.assert_array_equal(c["input_counts"], np.histogram(x[:, j], 50)[0])
        bits, counts = actent.activation_entropy(np.ascontiguousarray(x[:, j]), "gelu")
        np.testing.assert_array_equal(c["counts"], counts)
        assert c["entropy"] == bits


def test_empty_chunks_and_files(client, tmp_path):
    """chunks smaller than a row, and a file with no values"""
    path = str(tmp_path / "wide.npy")
    x = np.random.RandomState(9).normal(0, 1, (5, 300)).astype(np.float32)
    np.save(path, x)
    (pooled,) = dask_layers.distributed_entropy(client, path, "relu", 20, chunk=7)
    assert pooled["counts"].sum() == x.size
    empty = str(tmp_path / "empty.npy")
    np.save(empty, np.zeros((0, 4), np.float32))
    with pytest.raises(SystemExit, match="holds no values"):
        dask_layers.distributed_entropy(client, empty, "relu", 20, chunk=7)
