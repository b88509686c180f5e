"""The thin-plate spline solutions solved in this process, shared by `painmap.warp` and the engine cache.

Keyed by the control points (their float64 bytes, source then target): a warp built again from the same points
reuses its solution. The engine cache keeps those of the bundled charts, so opening a drawing of an older chart
solves no system: a solve is ~1 ms, but BLAS's threads can stall it to 50-180 ms on a busy machine (measured).
A module of its own so that a start restores them without loading the warp code, which the first ranking of a
current-chart drawing does not need.
"""

from __future__ import annotations

__all__ = ["SOLVED"]

SOLVED: dict[bytes, object] = {}  # (n + 3, 2) float64 arrays (painmap.warp._solve)
