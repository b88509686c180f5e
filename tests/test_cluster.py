"""The same results on every executor: the local pool and a 2-worker Dask LocalCluster; lost workers; versions."""

from __future__ import annotations

import os
import signal
import threading

import numpy as np
import pytest
from cohort_helpers import write_cohort, write_labels

from painmap.aggregate import aggregate
from painmap.cluster import ClusterError, check_workers, executor_for, worker_identity

pytest.importorskip("distributed")  # the test extra installs it; the import is only for a clear skip reason locally


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    root = tmp_path_factory.mktemp("cluster")
    rows = write_cohort(root / "d", 16)  # 48 drawings
    (root / "d" / "broken.painmap.json").write_text("{nope", encoding="utf-8")
    return root, rows


@pytest.fixture(scope="module")
def client():
    with executor_for("local:2") as client:
        yield client


@pytest.fixture(scope="module")
def reference(cohort, tmp_path_factory):
    """The local process pool's CSV and map (2 processes)."""
    root, _ = cohort
    out = tmp_path_factory.mktemp("pool") / "pool.csv"
    return out, aggregate([root / "d"], csv_path=out, workers=2, chunk=8)


def _sorted_lines(path) -> list[str]:
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    return [header, *sorted(rows)]


def test_a_local_cluster_gives_the_same_csv_and_map_as_the_local_pool(cohort, client, reference, tmp_path):
    root, _ = cohort
    (pool_csv, pool), dask_csv = reference, tmp_path / "dask.csv"
    on_dask = aggregate([root / "d"], csv_path=dask_csv, executor=client, chunk=8)
    assert _sorted_lines(pool_csv) == _sorted_lines(dask_csv)
    assert pool_csv.read_bytes() == dask_csv.read_bytes()  # even the order: rows are taken chunk by chunk
    for view in pool.counts:
        np.testing.assert_array_equal(pool.counts[view], on_dask.counts[view])
    assert (pool.n_drawings, pool.n_skipped) == (on_dask.n_drawings, on_dask.n_skipped) == (48, 1)


def test_workers_can_receive_the_files_bytes(cohort, client, reference, tmp_path):
    root, _ = cohort
    out = tmp_path / "sent.csv"
    aggregate([root / "d"], csv_path=out, executor=client, chunk=8, send_files=True)
    assert out.read_bytes() == reference[0].read_bytes()


def test_learn_and_evaluate_on_the_cluster_equal_local(cohort, client, tmp_path):
    from painmap.evaluate import evaluate
    from painmap.learn import learn

    root, rows = cohort
    labels = write_labels(tmp_path / "labels.csv", rows)
    local, remote = evaluate(labels), evaluate(labels, executor=client)
    np.testing.assert_array_equal(local.scores, remote.scores)
    a = learn([root / "d" / f"d{i:04d}.painmap.json" for i in range(16)], "a", "A", tmp_path / "l1")
    b = learn([root / "d" / f"d{i:04d}.painmap.json" for i in range(16)], "a", "A", tmp_path / "l2", executor=client)
    assert [z.polygon.tolist() for z in a.zones] == [z.polygon.tolist() for z in b.zones]


def test_a_worker_killed_mid_run_loses_and_duplicates_no_row(cohort, client, reference, tmp_path):
    root, _ = cohort
    pids = client.run(os.getpid)  # {worker address: pid}
    victim = sorted(pids.values())[0]
    killed = threading.Event()

    def kill_after_first_chunk(done: int, total: int) -> None:
        if not killed.is_set():
            killed.set()
            os.kill(victim, signal.SIGKILL)  # the nanny restarts it; the scheduler reruns its chunks elsewhere

    out = tmp_path / "killed.csv"
    result = aggregate([root / "d"], csv_path=out, executor=client, chunk=4, progress=kill_after_first_chunk)
    assert killed.is_set()
    assert out.read_bytes() == reference[0].read_bytes()
    assert result.n_drawings == 48


def test_a_worker_of_another_version_is_refused_in_one_line():
    class FakeClient:
        def run(self, function):
            return {"tcp://10.0.0.2:4000": ("0.0.1", worker_identity()[1]), "tcp://10.0.0.3:4000": worker_identity()}

    with pytest.raises(ClusterError) as err:
        check_workers(FakeClient())
    message = str(err.value)
    assert "tcp://10.0.0.2:4000" in message and "0.0.1" in message and "\n" not in message
    check_workers(type("Same", (), {"run": lambda self, f: {"w": worker_identity()}})())


def test_bad_scheduler_addresses_are_one_line():
    for bad in ("local:0", "local:x", "http://host:1"):
        with pytest.raises(ClusterError), executor_for(bad):
            pass
