"""Throughput of aggregate (map + CSV) on a 2-worker Dask LocalCluster against the local process pool (2 processes)
and a same-run baseline of only reading and parsing the files. `PAINMAP_BENCH_CLUSTER_DRAWINGS` (default 2,000)."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

pytest.importorskip("distributed")

N = int(os.environ.get("PAINMAP_BENCH_CLUSTER_DRAWINGS", "2000"))


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    from bench_aggregate import _stroke

    root = tmp_path_factory.mktemp("cluster-cohort")
    rng = np.random.default_rng(11)
    for i in range(N):
        views = rng.choice(["posterior", "lateral"], size=int(rng.integers(16, 25)), p=[0.8, 0.2])
        doc = {
            "format": "painmap-drawing",
            "version": 1,
            "created": "2026-11-23T10:00:00Z",
            "meta": {"subject": f"s{i}"},
            "marks": [_stroke(rng, str(v)) for v in views],
        }
        (root / f"d{i:05d}.painmap.json").write_text(json.dumps(doc))
    return root


def test_baseline_parse_only(benchmark, cohort):
    from bench_aggregate import _parse_all

    paths = sorted(cohort.glob("*.painmap.json"))
    assert benchmark.pedantic(_parse_all, args=(paths,), rounds=1, iterations=1) > N * 10


def test_local_pool(benchmark, cohort, tmp_path):
    from painmap.aggregate import aggregate

    result = benchmark.pedantic(
        aggregate, args=([cohort],), kwargs={"csv_path": tmp_path / "a.csv", "workers": 2}, rounds=1, iterations=1
    )
    assert result.n_drawings == N


def test_local_cluster_2_workers(benchmark, cohort, tmp_path):
    from painmap.aggregate import aggregate
    from painmap.cluster import executor_for

    with executor_for("local:2") as client:
        aggregate([cohort], executor=client, chunk=50)  # warm the workers (each builds its comparator once)
        result = benchmark.pedantic(
            aggregate,
            args=([cohort],),
            kwargs={"csv_path": tmp_path / "b.csv", "executor": client},
            rounds=1,
            iterations=1,
        )
    assert result.n_drawings == N
