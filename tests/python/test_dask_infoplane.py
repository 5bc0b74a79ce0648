"""examples/dask_infoplane.py: the (layer file, epoch) pairs as tasks on a
LocalCluster give exactly the rows of one process calling actent.info_plane
on each stack, for binning with a null and for both KDE bounds."""
import os
import sys

import pytest

sys.path.insert(0, os.environ["ACTENT_EXAMPLES"])
import dask_infoplane  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return dask_infoplane.make(str(tmp_path_factory.mktemp("ip")), epochs=4, n=600)


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                      memory_limit="1GiB") as cluster, Client(cluster) as c:
        yield c


@pytest.mark.parametrize("kw", [dict(method="width", width=0.1, shuffles=2),
                                dict(method="kde", noise_var=0.05),
                                dict(method="idnns", bins=12)])
def test_cluster_equals_one_process(folder, client, kw):
    layers = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.startswith("layer"))
    labels = os.path.join(folder, "labels.npy")
    rows = dask_infoplane.distributed(client, layers, labels, kw)
    want = dask_infoplane.local(layers, labels, kw)
    assert len(rows) == len(want) == 3 * 4
    key = lambda r: (r["layer"], r["epoch"])  # noqa: E731
    assert sorted(rows, key=key) == sorted(want, key=key)
