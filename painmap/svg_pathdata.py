"""SVG path data and transforms -> flattened polylines in user units (mm).

Path data with every command (M L H V C S Q T A Z, absolute and relative) and `transform` attributes (matrix,
translate, scale, rotate, skewX, skewY). Curves become polylines within `TOLERANCE` mm of the true curve.
Anything else raises SvgPathError.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from painmap.errors import PainmapError

__all__ = [
    "SVG_NS",
    "TOLERANCE",
    "Subpath",
    "SvgPathError",
    "apply_transform",
    "parse_path",
    "parse_subpaths",
    "parse_transform",
    "scale_of",
]

TOLERANCE = 0.25  # mm: the largest distance between a flattened curve and the true curve
SVG_NS = "http://www.w3.org/2000/svg"
_MAX_SEGMENTS = 4096  # per curve: a guard against absurd coordinates

_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_SEPARATORS = re.compile(r"[\s,]+")
_COMMAND = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]")
_GROUP = re.compile(r"([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)")
_NOT_POLYLINE = re.compile(r"[^MLZ0-9eE.,+\-\s]")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
# M/L/Z path data whose tokens are those _TOKEN finds, each number apart from the next (spaces or commas), with
# an even count of at least two numbers after every M and L and nothing after a Z but a move-to
_N = r"(?>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
_PAIRS = rf"{_N}[\s,]++{_N}(?:[\s,]++{_N}[\s,]++{_N})*+"
_LETTERS_TO_SPACES = str.maketrans("LZ,", "   ")
_STRICT_POLYLINES = re.compile(rf"[\s,]*+(?:M[\s,]*+{_PAIRS}(?:[\s,]*+L[\s,]*+{_PAIRS})*+(?:[\s,]*+Z)?+[\s,]*+)++")
_TRANSFORM = re.compile(r"\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)\s*,?")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


class SvgPathError(PainmapError):
    """SVG geometry we cannot read: bad path data, an unsupported element, transform or unit."""


@dataclass(frozen=True, eq=False)
class Subpath:
    """One flattened subpath: (N, 2) points (a closed one does not repeat its first point)."""

    points: np.ndarray
    closed: bool


# ----------------------------------------------------------------------------------------------- transforms


def parse_transform(text: str | None) -> np.ndarray:
    """A 3×3 affine matrix from an SVG `transform` attribute (identity for None or empty)."""
    matrix = np.eye(3)
    if not text or text.isspace():
        return matrix
    pos = 0
    while pos < len(text):
        if not text[pos:].strip():
            break
        found = _TRANSFORM.match(text, pos)
        if not found:
            raise SvgPathError(f"unsupported transform {text[pos:].strip()[:40]!r}")
        name, args = found.group(1), [float(v) for v in _NUMBER.findall(found.group(2))]
        matrix = matrix @ _transform_matrix(name, args)
        pos = found.end()
    return matrix


def _transform_matrix(name: str, a: list[float]) -> np.ndarray:
    counts = {"matrix": (6,), "translate": (1, 2), "scale": (1, 2), "rotate": (1, 3), "skewX": (1,), "skewY": (1,)}
    if len(a) not in counts[name]:
        raise SvgPathError(f"transform {name}() takes {' or '.join(map(str, counts[name]))} numbers, got {len(a)}")
    if name == "matrix":
        return np.array([[a[0], a[2], a[4]], [a[1], a[3], a[5]], [0, 0, 1.0]])
    if name == "translate":
        return np.array([[1, 0, a[0]], [0, 1, a[1] if len(a) > 1 else 0.0], [0, 0, 1.0]])
    if name == "scale":
        sy = a[1] if len(a) > 1 else a[0]
        return np.array([[a[0], 0, 0], [0, sy, 0], [0, 0, 1.0]])
    if name == "rotate":
        c, s = math.cos(math.radians(a[0])), math.sin(math.radians(a[0]))
        rot = np.array([[c, -s, 0], [s, c, 0], [0, 0, 1.0]])
        if len(a) == 3:
            cx, cy = a[1], a[2]
            return (
                np.array([[1, 0, cx], [0, 1, cy], [0, 0, 1.0]]) @ rot @ np.array([[1, 0, -cx], [0, 1, -cy], [0, 0, 1]])
            )
        return rot
    t = math.tan(math.radians(a[0]))
    if name == "skewX":
        return np.array([[1, t, 0], [0, 1, 0], [0, 0, 1.0]])
    return np.array([[1, 0, 0], [t, 1, 0], [0, 0, 1.0]])


def apply_transform(points: np.ndarray, matrix: np.ndarray | None) -> np.ndarray:
    """Points (N, 2) mapped by a 3×3 affine matrix."""
    if matrix is None:
        return points
    return points @ matrix[:2, :2].T + matrix[:2, 2]


def scale_of(matrix: np.ndarray | None) -> float:
    if matrix is None:
        return 1.0
    return max(math.sqrt(abs(np.linalg.det(matrix[:2, :2]))), 1e-9)


# ----------------------------------------------------------------------------------------------- path data


def _polylines_fast(d: str, transform: np.ndarray | None) -> list[Subpath] | None:
    """Path data of absolute M/L/Z only (what the atlas regions are): parsed in one go; None otherwise.

    Anything unusual (a command with a wrong count of numbers, something after Z but a move-to) returns None,
    so the full parser judges it and raises its precise error.
    """
    if _NOT_POLYLINE.search(d) or not d.lstrip().startswith("M"):
        return None
    if _STRICT_POLYLINES.fullmatch(d) is None:
        return _polylines_by_token(d, transform)
    # "M x,y L x,y … [Z]" in every subpath, numbers apart: one subpath per move-to, its numbers read by numpy in
    # one call (the atlas SVGs' 147,000 numbers: ~55 ms instead of ~95 ms token by token)
    out = []
    for part in d.split("M")[1:]:
        pts = np.fromstring(part.translate(_LETTERS_TO_SPACES), sep=" ").reshape(-1, 2)
        out.append(_points_subpath(pts, "Z" in part, transform))
    if not all(np.isfinite(sub.points).all() for sub in out):
        return None
    return [sub for sub in out if len(sub.points) >= 2 or sub.closed]


def _polylines_by_token(d: str, transform: np.ndarray | None) -> list[Subpath] | None:
    """`_polylines_fast` for M/L/Z data with separators it cannot split on in one go, token by token."""
    out: list[Subpath] = []
    values: list[str] = []
    prev, count = "", 0  # the last command letter and how many numbers followed it

    def flush(closed: bool) -> None:
        if values:
            out.append(_fast_subpath(values, closed, transform))
            values.clear()

    for token in _TOKEN.findall(d):
        if token in ("M", "L", "Z"):
            if prev in ("M", "L") and (count == 0 or count % 2):
                return None
            if token == "M":
                flush(False)
            elif prev in ("", "Z"):
                return None
            elif token == "Z":
                flush(True)
            prev, count = token, 0
        else:
            if prev in ("", "Z"):
                return None
            values.append(token)
            count += 1
    if prev in ("M", "L") and (count == 0 or count % 2):
        return None
    flush(False)
    if not all(np.isfinite(sub.points).all() for sub in out):
        return None
    return [sub for sub in out if len(sub.points) >= 2 or sub.closed]


def _fast_subpath(values: list[str], closed: bool, transform: np.ndarray | None) -> Subpath:
    return _points_subpath(np.array(values, dtype=float).reshape(-1, 2), closed, transform)


def _points_subpath(pts: np.ndarray, closed: bool, transform: np.ndarray | None) -> Subpath:
    if closed and len(pts) > 1 and (pts[0] == pts[-1]).all():
        pts = pts[:-1]
    return Subpath(apply_transform(pts, transform), closed)


@lru_cache(maxsize=256)
def _bernstein(n: int, degree: int) -> tuple[tuple[float, ...], ...]:
    """Bernstein weights at t = k/n, k = 1..n (the last row is exactly (0, ..., 0, 1))."""
    rows = []
    for k in range(1, n + 1):
        t = k / n
        u = 1.0 - t
        rows.append((u * u, 2 * u * t, t * t) if degree == 2 else (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t))
    return tuple(rows)


def _segments(deviation: float, tolerance: float) -> int:
    """Uniform segments so that the chord error bound deviation / (8 n^2) stays within the tolerance."""
    if deviation <= tolerance:
        return 1
    return min(_MAX_SEGMENTS, math.ceil(math.sqrt(deviation / (8.0 * tolerance))))


def _cubic(p0, p1, p2, p3, tolerance: float) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = p0, p1, p2, p3
    ax, ay, bx, by = x0 - 2 * x1 + x2, y0 - 2 * y1 + y2, x1 - 2 * x2 + x3, y1 - 2 * y2 + y3
    dev = 6.0 * math.sqrt(max(ax * ax + ay * ay, bx * bx + by * by))  # bound of |B''|
    n = _segments(dev, tolerance)
    if n == 1:
        return [p3]
    out = [(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3) for a, b, c, d in _bernstein(n, 3)]
    out[-1] = p3
    return out


def _quadratic(p0, p1, p2, tolerance: float) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1), (x2, y2) = p0, p1, p2
    n = _segments(2.0 * math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2), tolerance)
    if n == 1:
        return [p2]
    out = [(a * x0 + b * x1 + c * x2, a * y0 + b * y1 + c * y2) for a, b, c in _bernstein(n, 2)]
    out[-1] = p2
    return out


def _arc(p0, rx, ry, phi_deg, large, sweep, p1, tolerance: float) -> list[tuple[float, float]]:
    """Endpoint arc (SVG implementation notes F.6) flattened to points after p0."""
    if p0 == p1:
        return []
    rx, ry = abs(rx), abs(ry)
    if rx < 1e-12 or ry < 1e-12:
        return [p1]
    phi = math.radians(phi_deg % 360.0)
    cphi, sphi = math.cos(phi), math.sin(phi)
    dx, dy = (p0[0] - p1[0]) / 2.0, (p0[1] - p1[1]) / 2.0
    x1p, y1p = cphi * dx + sphi * dy, -sphi * dx + cphi * dy
    lam = (x1p / rx) ** 2 + (y1p / ry) ** 2
    if lam > 1.0:
        rx, ry = rx * math.sqrt(lam), ry * math.sqrt(lam)
    num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
    den = rx * rx * y1p * y1p + ry * ry * x1p * x1p
    coef = math.sqrt(max(num / den, 0.0)) if den > 0 else 0.0
    if large == sweep:
        coef = -coef
    cxp, cyp = coef * rx * y1p / ry, -coef * ry * x1p / rx
    cx = cphi * cxp - sphi * cyp + (p0[0] + p1[0]) / 2.0
    cy = sphi * cxp + cphi * cyp + (p0[1] + p1[1]) / 2.0
    theta1 = math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx)
    theta2 = math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx)
    delta = theta2 - theta1
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    r = max(rx, ry)
    step = 2.0 * math.acos(max(-1.0, 1.0 - tolerance / r)) if tolerance < r else math.pi / 2
    n = min(_MAX_SEGMENTS, max(2, math.ceil(abs(delta) / max(step, 1e-6))))
    out = []
    for k in range(1, n):
        t = theta1 + delta * k / n
        ex, ey = rx * math.cos(t), ry * math.sin(t)
        out.append((cphi * ex - sphi * ey + cx, sphi * ex + cphi * ey + cy))
    out.append(p1)
    return out


def _flag(tokens: list[str], i: int) -> tuple[float, int]:
    """An arc flag: may be glued to what follows ("011" = flags 0, 1 and the number 1)."""
    token = tokens[i]
    if token[0] in "01" and len(token) > 1 and token[1] != "." and token[1] not in "eE":
        tokens.insert(i + 1, token[1:])
        return float(token[0]), i + 1
    if token not in ("0", "1"):
        raise SvgPathError(f"arc flag must be 0 or 1, got {token!r}")
    return float(token), i + 1


def _arc_values(text: str) -> list[float]:
    """The numbers of an arc command, flags split where they are glued to their neighbours."""
    tokens = _NUMBER.findall(text)
    values: list[float] = []
    i = 0
    while i < len(tokens):
        if len(values) % 7 in (3, 4):
            value, i = _flag(tokens, i)
        else:
            value, i = float(tokens[i]), i + 1
        values.append(value)
    return values


def _commands(d: str) -> list[tuple[str, list[float]]]:
    """Path data as (command letter, its numbers); stray characters and a missing first move-to raise."""
    rest = _SEPARATORS.sub("", _NUMBER.sub(" ", _COMMAND.sub(" ", d)))
    if rest:
        raise SvgPathError(f"unexpected character {rest[0]!r} in path data")
    groups = _GROUP.findall(d)
    if d.strip(" \t\r\n,") and (not groups or d[: d.find(groups[0][0])].strip(" \t\r\n,")):
        raise SvgPathError("path data must start with a move-to (M or m)")
    if groups and groups[0][0] not in "Mm":
        raise SvgPathError("path data must start with a move-to (M or m)")
    return [
        (cmd, _arc_values(text) if cmd in "Aa" else [float(v) for v in _NUMBER.findall(text)]) for cmd, text in groups
    ]


def parse_subpaths(d: str, transform: np.ndarray | None = None, tolerance: float = TOLERANCE) -> list[Subpath]:
    """Path data flattened into subpaths (points in the transformed frame)."""
    fast = _polylines_fast(d or "", transform)
    if fast is not None:
        return fast
    tol = tolerance / scale_of(transform)
    out: list[Subpath] = []
    current: list[tuple[float, float]] = []
    x = y = sx = sy = 0.0
    last_ctrl: tuple[float, float] | None = None
    last_cmd = ""

    def finish(closed: bool) -> None:
        nonlocal current
        if len(current) >= 2 or (closed and current):
            first, last = current[0], current[-1]
            if closed and len(current) > 1 and abs(first[0] - last[0]) + abs(first[1] - last[1]) < 1e-9:
                current = current[:-1]
            out.append(Subpath(apply_transform(np.array(current, dtype=float), transform), closed))
        current = []

    for cmd, values in _commands(d or ""):
        upper, rel = cmd.upper(), cmd.islower()
        if upper == "Z":
            if values:
                raise SvgPathError("a number follows Z in path data")
            if current:
                finish(True)
            x, y = sx, sy
            last_ctrl, last_cmd = None, "Z"
            continue
        arity = _ARITY[upper]
        if not values or len(values) % arity:
            raise SvgPathError(f"command {cmd} needs {arity} numbers (or a multiple), got {len(values)}")
        for k in range(0, len(values), arity):
            args = values[k : k + arity]
            ox, oy = (x, y) if rel else (0.0, 0.0)
            if upper == "M" and k == 0:
                finish(False)
                x, y = args[0] + ox, args[1] + oy
                sx, sy = x, y
                current = [(x, y)]
                last_ctrl, last_cmd = None, "M"
                continue
            if not current:  # drawing on after Z starts at the closed subpath's first point
                current = [(x, y)]
            if upper in "MLHV":  # further pairs after a move-to are line-tos
                if upper in "ML":
                    x, y = args[0] + ox, args[1] + oy
                elif upper == "H":
                    x = args[0] + ox
                else:
                    y = args[0] + oy
                current.append((x, y))
                last_ctrl = None
            elif upper in "CS":
                if upper == "C":
                    c1 = (args[0] + ox, args[1] + oy)
                    c2, end = (args[2] + ox, args[3] + oy), (args[4] + ox, args[5] + oy)
                else:
                    c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_cmd in "CS" and last_ctrl else (x, y)
                    c2, end = (args[0] + ox, args[1] + oy), (args[2] + ox, args[3] + oy)
                current.extend(_cubic((x, y), c1, c2, end, tol))
                x, y = end
                last_ctrl = c2
            elif upper in "QT":
                if upper == "Q":
                    c1, end = (args[0] + ox, args[1] + oy), (args[2] + ox, args[3] + oy)
                else:
                    c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_cmd in "QT" and last_ctrl else (x, y)
                    end = (args[0] + ox, args[1] + oy)
                current.extend(_quadratic((x, y), c1, end, tol))
                x, y = end
                last_ctrl = c1
            else:  # A
                end = (args[5] + ox, args[6] + oy)
                current.extend(_arc((x, y), args[0], args[1], args[2], bool(args[3]), bool(args[4]), end, tol))
                x, y = end
                last_ctrl = None
            last_cmd = upper
        if not (math.isfinite(x) and math.isfinite(y)):
            raise SvgPathError("path data has a coordinate that is not finite")
    finish(False)
    return out


def parse_path(d: str, transform: np.ndarray | None = None, tolerance: float = TOLERANCE) -> list[np.ndarray]:
    """Path data flattened into one (N, 2) array per subpath."""
    return [sub.points for sub in parse_subpaths(d, transform, tolerance)]
