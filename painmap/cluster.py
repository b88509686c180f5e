"""Where the work of aggregate, learn and evaluate runs: this machine, or a Dask cluster (`--scheduler`).

`executor_for(None)` gives None (each command's default: in this process for a small cohort, a local process
pool otherwise); `executor_for("local:N")` starts a `distributed.LocalCluster` of N single-threaded workers,
`executor_for("tcp://HOST:PORT")` connects to a running scheduler. Both yield a `distributed.Client`, which is a
`concurrent.futures.Executor`-like object (`submit`, `map`). Dask is the optional extra `painmap[cluster]`.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

from painmap.errors import PainmapError

__all__ = [
    "ClusterError",
    "check_workers",
    "executor_for",
    "worker_identity",
]

_LOCAL = re.compile(r"local:(\d+)")


class ClusterError(PainmapError):
    """A scheduler that cannot be used (bad address, Dask missing, workers of another painmap version)."""


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ClusterError("--scheduler needs Dask: pip install 'painmap[cluster]'") from None
    return distributed


def worker_identity() -> tuple[str, str]:
    """(painmap version, chart fingerprint) of this process: a worker must match its client's."""
    import hashlib

    from painmap import __version__
    from painmap.resources import resource_path

    digest = hashlib.sha256()
    for path in sorted(resource_path("atlas").rglob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return __version__, digest.hexdigest()[:16]


def check_workers(client: Any) -> None:
    """Refuse (one line) a cluster whose workers run another painmap version or chart than this process."""
    mine = worker_identity()
    theirs = client.run(worker_identity)  # {worker address: identity}
    for address, identity in sorted(theirs.items()):
        if tuple(identity) != mine:
            raise ClusterError(
                f"worker {address} runs painmap {identity[0]} with chart {identity[1]}, "
                f"this client painmap {mine[0]} with chart {mine[1]}; install the same version on every worker"
            )


@contextlib.contextmanager
def executor_for(scheduler: str | None) -> Iterator[Any]:
    """An executor for `--scheduler` (None: the command's local default), closed on exit."""
    if not scheduler:
        yield None
        return
    local = _LOCAL.fullmatch(scheduler)
    if not local and not scheduler.startswith("tcp://"):
        raise ClusterError(f"--scheduler {scheduler!r}: use local:N or tcp://HOST:PORT")
    distributed = _distributed()
    if local:
        n = int(local.group(1))
        if not 1 <= n <= 256:
            raise ClusterError(f"--scheduler {scheduler!r}: N must be 1 to 256")
        with (
            distributed.LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            check_workers(client)
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout=10)
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"--scheduler {scheduler}: cannot connect: {err}") from None
    with client:
        check_workers(client)
        yield client
