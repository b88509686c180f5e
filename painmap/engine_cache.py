"""The command line's engine cache: the bundled atlas, library and rasterized masks kept in one file on disk.

The first run loads and rasterizes everything and saves it (`$XDG_CACHE_HOME/painmap/engine-<key>.pickle`,
through `painmap.atomic`); later runs load that one file instead of parsing the SVG and TOML files. The file
is a pickle of the objects whose numpy arrays (~34 MB of masks and tables) are kept out of band after it, each
on a 64-byte boundary, and mapped copy-on-write when read: a start reads the objects (~0.1 MB) and only the
pages of the arrays it uses (decision "The engine cache is mapped, not read").
`PAINMAP_NO_CACHE=1` turns the cache off. The file is the user's own cache, read with pickle: it is trusted
like the installed code.

The key covers what the cached objects are made from: the resource files (path, size, modification time), the
modules whose code builds them (not every module of the package: the other classes are pickled by reference,
so their changes do not change the cached data), painmap, numpy and Python versions and the resolution.
"""

from __future__ import annotations

import mmap
import os
import pickle
import struct
import sys
import zlib
from pathlib import Path

import numpy as np

from painmap import warp_solved
from painmap.atomic import WriteError, atomic_write
from painmap.comparator import Comparator, comparator
from painmap.errors import PainmapError
from painmap.raster import DEFAULT_PX_PER_MM, AtlasMasks
from painmap.resources import cache_folder

__all__ = ["ENGINE_CACHE_VERSION", "cache_folder", "cached_comparator", "engine_cache_key"]

ENGINE_CACHE_VERSION = 5
_MAGIC = b"painmap-engine\x00\x04"  # then the head's length and the number of arrays (two uint64)
_HEADER = struct.Struct("<16sQQ")
_ALIGN = 64
# The modules whose code shapes the cached atlas, library, masks and pattern tables.
_BUILDERS = (
    "atlas.py",
    "atlas_masks.py",
    "chart_anchors.py",
    "chart_versions.py",
    "comparator.py",
    "comparator_parts.py",
    "geometry.py",
    "grid.py",
    "pattern_carry.py",
    "pattern_model.py",
    "pattern_svg.py",
    "pattern_texts.py",
    "patterns.py",
    "polygons.py",
    "svg_pathdata.py",
    "svg_shapes.py",
    "warp.py",
)
# What a stale, truncated or foreign cache file raises when read back: rebuilt, never shown.
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError)


def _stat_line(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return f"\n{path}\0missing"
    return f"\n{path}\0{st.st_size}\0{st.st_mtime_ns}"


def _resource_files(folder: str) -> list[str]:
    """Every file under `folder` (os.scandir: one directory read per folder); plain strings, not Paths (the key is
    made at each start, on the way to the first ranking)."""
    found: list[str] = []
    stack = [folder]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            else:
                found.append(entry.path)
    return found


def engine_cache_key(px_per_mm: float = DEFAULT_PX_PER_MM) -> str:
    """A key that changes with the resource files, the code that builds the engine, numpy, Python and px/mm."""
    from painmap import __version__
    from painmap.resources import resources_dir

    root = resources_dir()
    text = f"{ENGINE_CACHE_VERSION} {__version__} {float(px_per_mm)!r} {sys.version_info[:2]} {np.__version__} {root}"
    package = os.path.dirname(os.path.realpath(__file__))
    files = [os.path.join(package, name) for name in _BUILDERS]
    files += _resource_files(str(root / "atlas")) + _resource_files(str(root / "patterns"))
    files.sort(key=lambda path: path.split(os.sep))  # the order of the paths' parts, as Paths sort
    data = "".join([text, *map(_stat_line, files)]).encode()
    # two 32-bit checksums (zlib is loaded already; hashlib would load OpenSSL for a cache file name)
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _solve_older_charts(atlas) -> None:
    """Solve the warps from the older charts of the atlas's body onto its chart (kept in `painmap.warp_solved`),
    so that opening a drawing of an older chart solves none; a chart without landmarks is left to that open."""
    from painmap import chart_versions as cv

    body, chart = cv.chart_of(atlas)
    try:
        dst = cv.atlas_record(atlas)
        for older in cv.known_charts(body):
            src = cv.chart_record(body, older) if older < chart else None
            for view_id in src.views if src is not None else ():
                cv.view_warp(src, dst, view_id)
    except PainmapError:
        pass


def _state(comp: Comparator) -> tuple:
    offsets, n_codes = comp._codes()
    tables = (offsets, n_codes, dict(comp._score_tables))  # the aggregation's score tables (built by prepare)
    views, solved = comp.atlas_masks._views, warp_solved.SOLVED
    return (comp.atlas, comp.library, views, comp.zone_names, comp._patterns, comp._zone_luts, tables, solved)


def _restore(state: tuple, px_per_mm: float) -> Comparator:
    atlas, library, views, zone_names, patterns, zone_luts, (offsets, n_codes, tables), solved = state
    for key, solution in solved.items():  # without importing painmap.warp: a current drawing needs no warp
        warp_solved.SOLVED.setdefault(key, solution)
    masks = AtlasMasks(atlas, px_per_mm)
    masks._views.update(views)
    comp = Comparator(atlas, library, px_per_mm)
    if comp.zone_names != zone_names or set(comp._patterns) != set(patterns):
        raise PainmapError("engine cache does not match")
    comp._patterns, comp._zone_luts = patterns, zone_luts
    comp._code_layout = (patterns, offsets, n_codes)
    comp._score_tables.update(tables)
    return comp


def _pack(state: tuple, stream) -> None:
    """Write `state`: the header, the table of (offset, size) of each array, the pickle, the aligned arrays."""
    buffers: list[pickle.PickleBuffer] = []
    head = pickle.dumps(state, protocol=5, buffer_callback=buffers.append)
    raws = [b.raw() for b in buffers]
    pos = _HEADER.size + 16 * len(raws) + len(head)
    table = []
    for raw in raws:
        pos += -pos % _ALIGN
        table.append((pos, raw.nbytes))
        pos += raw.nbytes
    stream.write(_HEADER.pack(_MAGIC, len(head), len(raws)))
    stream.write(struct.pack(f"<{2 * len(raws)}Q", *(n for entry in table for n in entry)))
    stream.write(head)
    written = _HEADER.size + 16 * len(raws) + len(head)
    for (offset, _size), raw in zip(table, raws, strict=True):
        stream.write(bytes(offset - written))
        stream.write(raw)
        written = offset + raw.nbytes


def _unpack(path: Path) -> tuple:
    """The state written by `_pack`, its arrays backed by a private (copy-on-write) map of the file."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size < _HEADER.size:
            raise ValueError("engine cache file cut short")
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
    view = memoryview(data)
    magic, head_size, count = _HEADER.unpack_from(view)
    start = _HEADER.size + 16 * count
    if magic != _MAGIC or start + head_size > size:
        raise ValueError("not an engine cache file of this version")
    table = struct.unpack_from(f"<{2 * count}Q", view, _HEADER.size)
    buffers = []
    for offset, length in zip(table[::2], table[1::2], strict=True):
        if offset + length > size:
            raise ValueError("engine cache file cut short")
        buffers.append(view[offset : offset + length])
    return pickle.loads(view[start : start + head_size], buffers=buffers)


def _load(path: Path, px_per_mm: float) -> Comparator | None:
    try:
        return _restore(_unpack(path), px_per_mm)
    except FileNotFoundError:
        return None
    except (*_UNREADABLE, struct.error, PainmapError):  # from another version, cut short, or not ours: rebuild
        return None


def _save(folder: Path, path: Path, comp: Comparator, stem: str = "engine") -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_write(path, "wb") as stream:
            _pack(_state(comp), stream)
        for old in folder.glob(f"{stem}-*.pickle"):  # older files of the same chart (`stem-<key>`) only
            if old != path and "-" not in old.name[len(stem) + 1 : -len(".pickle")]:
                old.unlink(missing_ok=True)
    except (OSError, WriteError):  # a read-only or full disk only costs speed
        pass


def cached_comparator(px_per_mm: float = DEFAULT_PX_PER_MM, body: str | None = None) -> Comparator:
    """A comparator for the bundled atlas and library whose loaded shapes and masks are kept on disk.

    `body`: the current chart of that body (the app's preferred body) instead of the default atlas; each body
    has its own file (`engine-<body>-<key>.pickle`), so two bodies do not push each other's cache out.
    """
    atlas = None
    if body is not None:
        from painmap.atlas import load_atlas

        atlas = load_atlas(body=body)
    if os.environ.get("PAINMAP_NO_CACHE"):
        return comparator(atlas, None, px_per_mm)
    stem = "engine" if body is None else f"engine-{body}"
    try:
        folder = cache_folder()
        path = folder / f"{stem}-{engine_cache_key(px_per_mm)}.pickle"
    except (OSError, RuntimeError):  # no home folder: work without the cache
        return comparator(atlas, None, px_per_mm)
    comp = _load(path, px_per_mm)
    if comp is not None:
        return comp
    comp = comparator(atlas, None, px_per_mm)
    comp.prepare(score_tables=True)
    _solve_older_charts(comp.atlas)
    _save(folder, path, comp, stem)
    return comp
