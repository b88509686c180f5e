"""Plain geometry (numpy only): polygons in millimetres (area, containment, simplicity, mirroring) and the
bounding box of a raster's non-zero pixels."""

from __future__ import annotations

import numpy as np

__all__ = [
    "Polygon",
    "area",
    "as_polygon",
    "bbox",
    "centroid",
    "contains",
    "crosses_itself",
    "distance_to_boundary",
    "is_simple",
    "mirror_x",
    "nonzero_box",
    "self_intersections",
    "signed_area",
]

Polygon = np.ndarray  # shape (N, 2), float, implicitly closed (last vertex != first)


def as_polygon(points) -> Polygon:
    """An (N, 2) float array; a repeated closing vertex is dropped."""
    poly = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(poly) > 1 and np.allclose(poly[0], poly[-1]):
        poly = poly[:-1]
    return poly


def area(poly: Polygon) -> float:
    """Unsigned area (shoelace)."""
    x, y = poly[:, 0], poly[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2.0)


def signed_area(poly: Polygon) -> float:
    """Signed area; positive when the vertices run clockwise on screen (y down)."""
    x, y = poly[:, 0], poly[:, 1]
    return float((np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2.0)


def centroid(poly: Polygon) -> tuple[float, float]:
    """Area centroid of a simple polygon."""
    x, y = poly[:, 0], poly[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - xn * y
    a = cross.sum() / 2.0
    if abs(a) < 1e-12:
        return float(x.mean()), float(y.mean())
    return float(((x + xn) * cross).sum() / (6 * a)), float(((y + yn) * cross).sum() / (6 * a))


def contains(poly: Polygon, points) -> np.ndarray:
    """Even-odd point-in-polygon test for many points at once; returns a bool array."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    px, py = pts[:, 0][:, None], pts[:, 1][:, None]
    x0, y0 = poly[:, 0][None, :], poly[:, 1][None, :]
    x1, y1 = np.roll(poly[:, 0], -1)[None, :], np.roll(poly[:, 1], -1)[None, :]
    crosses = (y0 > py) != (y1 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_at = x0 + (py - y0) * (x1 - x0) / (y1 - y0)
    return np.count_nonzero(crosses & (px < x_at), axis=1) % 2 == 1


def distance_to_boundary(poly: Polygon, points) -> np.ndarray:
    """Shortest distance from each point to the polygon's outline."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    a = poly[None, :, :]
    b = np.roll(poly, -1, axis=0)[None, :, :]
    p = pts[:, None, :]
    ab = b - a
    denom = np.maximum((ab**2).sum(-1), 1e-18)
    t = np.clip(((p - a) * ab).sum(-1) / denom, 0.0, 1.0)
    nearest = a + t[..., None] * ab
    return np.sqrt(((p - nearest) ** 2).sum(-1)).min(axis=1)


def self_intersections(poly: Polygon, limit: int = 1) -> list[tuple[int, int]]:
    """Pairs of non-adjacent edges that cross (at most `limit`); empty for a simple polygon."""
    n = len(poly)
    if n < 3:
        return [(0, 0)]
    a, b = poly, np.roll(poly, -1, axis=0)
    found: list[tuple[int, int]] = []
    for i in range(n - 2):
        j = np.arange(i + 2, n if i > 0 else n - 1)
        if len(j) == 0:
            continue
        c, d = a[j], b[j]

        def orient(p, q, r):
            return (q[..., 0] - p[..., 0]) * (r[..., 1] - p[..., 1]) - (q[..., 1] - p[..., 1]) * (r[..., 0] - p[..., 0])

        o1, o2 = orient(a[i], b[i], c), orient(a[i], b[i], d)
        o3, o4 = orient(c, d, a[i]), orient(c, d, b[i])
        hit = (o1 * o2 < 0) & (o3 * o4 < 0)
        for k in j[hit]:
            found.append((i, int(k)))
            if len(found) >= limit:
                return found
    return found


def crosses_itself(poly: Polygon, max_pairs: int = 250_000) -> bool:
    """Whether two non-adjacent edges cross properly: all edge pairs at once (the per-edge loop costs ~4 ms
    for a few hundred vertices); outlines with more than `max_pairs` pairs fall back to the loop."""
    n = len(poly)
    if n * (n - 3) // 2 > max_pairs:
        return bool(self_intersections(poly))
    i, j = np.triu_indices(n, k=2)
    keep = ~((i == 0) & (j == n - 1))  # the closing edge is adjacent to the first one
    i, j = i[keep], j[keep]
    a, b = poly, np.roll(poly, -1, axis=0)

    def orient(p, q, r):
        return (q[:, 0] - p[:, 0]) * (r[:, 1] - p[:, 1]) - (q[:, 1] - p[:, 1]) * (r[:, 0] - p[:, 0])

    o1, o2 = orient(a[i], b[i], a[j]), orient(a[i], b[i], b[j])
    o3, o4 = orient(a[j], b[j], a[i]), orient(a[j], b[j], b[i])
    return bool(np.any((o1 * o2 < 0) & (o3 * o4 < 0)))


def is_simple(poly: Polygon) -> bool:
    """True when the polygon has at least 3 vertices, non-zero area and no crossing edges."""
    return len(poly) >= 3 and area(poly) > 1e-9 and not crosses_itself(poly)


def mirror_x(poly: Polygon, width: float) -> Polygon:
    """Mirror about the vertical line x = width / 2 (x -> width - x), keeping the winding direction."""
    out = poly.copy()
    out[:, 0] = width - out[:, 0]
    return out[::-1].copy()


def bbox(poly: Polygon) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax)."""
    return (float(poly[:, 0].min()), float(poly[:, 1].min()), float(poly[:, 0].max()), float(poly[:, 1].max()))


def nonzero_box(array) -> tuple[int, int, int, int] | None:
    """(r0, r1, c0, c1), half-open, of the array's non-zero pixels; None when there are none."""
    array = np.asarray(array)
    rows = np.flatnonzero(array.any(axis=1))
    if len(rows) == 0:
        return None
    r0, r1 = int(rows[0]), int(rows[-1]) + 1
    cols = np.flatnonzero(array[r0:r1].any(axis=0))
    return r0, r1, int(cols[0]), int(cols[-1]) + 1
