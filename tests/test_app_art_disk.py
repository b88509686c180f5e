"""The body art a start paints is kept on disk (painmap.app.art_disk): the next start paints the same pixels from
it without QtSvg; a changed SVG, a cut-short or foreign file, an unwritable folder or PAINMAP_NO_CACHE never show a
wrong picture nor fail."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest
from app_helpers import start_window
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from painmap.app import art_disk
from painmap.app.art_cache import ArtCache
from painmap.app.art_disk import ArtDisk
from painmap.app.body_art import CALM, FULL, BodyArt, art_folder
from painmap.app.chart_frame import read_frames

pytestmark = pytest.mark.usefixtures("qapp")

BASE = QColor("#f4f1ec")


def _pixels(picture) -> np.ndarray:
    """A rendered pixmap's or a read image's pixels, as ARGB32 rows."""
    image = (picture if isinstance(picture, QImage) else picture.toImage()).convertToFormat(QImage.Format.Format_ARGB32)
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return arr[:, : image.width() * 4].copy()


def _entry(cache: ArtCache, art: BodyArt, view, anatomy=CALM, dpr: float = 1.0, scale: float = 0.9):
    """The cache's pixmap of `view` on a 500 x 600 canvas (the view's origin at a fractional widget point)."""

    def render(painter) -> None:
        art.render(painter, view, anatomy)

    origin = QPointF(12.3, -40.6)
    key = (art.key, anatomy)
    return cache.pixmap(key, view, scale, origin, (500, 600), dpr, BASE, render, lambda: art.source(view.id))[1]


def _files(folder) -> list:
    return sorted(folder.glob("art-*.raw"))


@pytest.mark.parametrize("dpr", [1.0, 2.0])
def test_a_start_paints_the_kept_art_with_the_pixels_qtsvg_renders(tmp_path, dpr):
    frames = read_frames()
    view = frames["posterior"]
    first = ArtCache(ArtDisk(tmp_path))
    fresh = _entry(first, BodyArt(frames), view, dpr=dpr)
    assert first.renders == 1 and first.disk.hits == 0
    first.disk.wait()
    assert len(_files(tmp_path)) == 1
    again = ArtCache(ArtDisk(tmp_path))  # the next start
    kept = _entry(again, BodyArt(frames), view, dpr=dpr)
    assert again.renders == 0 and again.disk.hits == 1
    assert kept.devicePixelRatio() == dpr and (kept.width(), kept.height()) == (fresh.width(), fresh.height())
    assert np.array_equal(_pixels(kept), _pixels(fresh))
    other = ArtCache(ArtDisk(tmp_path))  # other layers are another picture: rendered, never the calm one
    assert not np.array_equal(_pixels(_entry(other, BodyArt(frames), view, FULL, dpr)), _pixels(fresh))
    assert other.renders == 1 and other.disk.hits == 0


def _address(buffer) -> int:
    return np.frombuffer(buffer, np.uint8).ctypes.data


def test_a_kept_picture_is_read_without_a_copy_and_outlives_its_file(tmp_path):
    """The image shows the file's own pages (mapped, D88); removing or replacing the file (the cache only ever
    unlinks and renames) leaves the picture whole, and an overlay is drawn on a copy, never on the mapping."""
    frames = read_frames()
    art, view = BodyArt(frames), frames["posterior"]
    first = ArtCache(ArtDisk(tmp_path))
    fresh = _pixels(_entry(first, art, view))
    first.disk.wait()
    again = ArtCache(ArtDisk(tmp_path))
    kept = _entry(again, art, view)
    assert isinstance(kept, QImage) and again.disk.hits == 1
    assert _address(kept.constBits()) == _address(again.disk._mapped[-1])  # no copy of the pixels
    (path,) = _files(tmp_path)
    replacement = path.with_name("replacement")
    replacement.write_bytes(b"\0" * path.stat().st_size)
    os.replace(replacement, path)  # a newer start's picture under the same name
    assert np.array_equal(_pixels(kept), fresh)
    path.unlink()  # pruned
    assert np.array_equal(_pixels(kept), fresh)
    overlay = again.overlaid(("highlight",), lambda painter: painter.fillRect(0, 0, 50, 50, QColor("red")))
    assert not np.array_equal(_pixels(overlay), fresh)
    assert np.array_equal(_pixels(kept), fresh)  # the read picture itself unchanged


def test_only_a_starts_first_entries_are_kept_and_the_newest_files_stay(tmp_path, monkeypatch):
    frames = read_frames()
    art, view = BodyArt(frames), frames["posterior"]
    cache = ArtCache(ArtDisk(tmp_path))
    for scale in (0.9, 1.0, 1.1, 1.2):  # a start's two pictures, then zooms: not written
        _entry(cache, art, view, scale=scale)
    cache.disk.wait()
    assert len(_files(tmp_path)) == 2
    monkeypatch.setattr(art_disk, "FILES", 3)
    for scale in (0.5, 0.6):
        cache = ArtCache(ArtDisk(tmp_path))
        _entry(cache, art, view, scale=scale)
        cache.disk.wait()
    assert len(_files(tmp_path)) == 3  # the oldest went


def test_a_changed_svg_is_rendered_again_even_with_its_old_size_and_time(tmp_path):
    frames = read_frames()
    view = frames["posterior"]
    folder = tmp_path / "chart"
    shutil.copytree(art_folder(frames), folder)
    svg = folder / "posterior.svg"
    cache = ArtCache(ArtDisk(tmp_path / "cache"))
    before = _pixels(_entry(cache, BodyArt(frames, folder), view))
    cache.disk.wait()
    text, st = svg.read_text(encoding="utf-8"), svg.stat()
    changed = re.sub(r"fill:#[0-9a-fA-F]{6}", "fill:#1f7a3d", text)  # same length: only the bytes differ
    assert changed != text
    svg.write_text(changed, encoding="utf-8")
    os.utime(svg, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert svg.stat().st_size == st.st_size
    again = ArtCache(ArtDisk(tmp_path / "cache"))
    after = _pixels(_entry(again, BodyArt(frames, folder), view))
    assert again.renders == 1 and again.disk.hits == 0
    assert not np.array_equal(before, after)
    fresh = _pixels(_entry(ArtCache(), BodyArt(frames, folder), view))
    assert np.array_equal(after, fresh)


@pytest.mark.parametrize("damage", ["cut", "longer", "magic", "size", "key", "empty"])
def test_a_damaged_file_is_ignored_and_written_again(tmp_path, damage):
    frames = read_frames()
    view = frames["posterior"]
    cache = ArtCache(ArtDisk(tmp_path))
    fresh = _pixels(_entry(cache, BodyArt(frames), view))
    cache.disk.wait()
    (path,) = _files(tmp_path)
    data = bytearray(path.read_bytes())
    head = art_disk._HEAD
    if damage == "cut":
        data = data[: len(data) // 2]
    elif damage == "longer":
        data += b"\0" * 64
    elif damage == "magic":
        data[0:4] = b"XXXX"
    elif damage == "size":  # a header that says another size (the same number of bytes)
        fields = list(head.unpack_from(data))
        fields[2], fields[3], fields[4] = fields[3] * 2, fields[2] // 2, fields[4] // 2 * 2
        data[: head.size] = head.pack(*fields)
    elif damage == "key":  # another key under this name
        data[head.size + 3] ^= 0x20
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    again = ArtCache(ArtDisk(tmp_path))
    shown = _pixels(_entry(again, BodyArt(frames), view))
    assert again.disk.hits == 0 and again.renders == 1
    assert np.array_equal(shown, fresh)
    again.disk.wait()
    third = ArtCache(ArtDisk(tmp_path))  # written again, whole
    assert np.array_equal(_pixels(_entry(third, BodyArt(frames), view)), fresh)
    assert third.disk.hits == 1


def test_an_unwritable_cache_folder_only_skips_the_cache(tmp_path):
    frames = read_frames()
    view = frames["posterior"]
    (tmp_path / "file").write_text("not a folder")
    disk = ArtDisk(tmp_path / "file" / "painmap")
    cache = ArtCache(disk)
    shown = _pixels(_entry(cache, BodyArt(frames), view))
    disk.wait()
    assert cache.renders == 1 and not (tmp_path / "file").is_dir()
    again = ArtCache(ArtDisk(tmp_path / "file" / "painmap"))
    assert np.array_equal(_pixels(_entry(again, BodyArt(frames), view)), shown)
    assert again.renders == 1


def test_art_that_cannot_be_read_is_not_kept(tmp_path):
    frames = read_frames()
    folder = tmp_path / "chart"
    folder.mkdir()
    cache = ArtCache(ArtDisk(tmp_path / "cache"))
    _entry(cache, BodyArt(frames, folder), frames["posterior"])  # no SVG: drawn blank, and not cached
    cache.disk.wait()
    assert not (tmp_path / "cache").exists()


def test_the_window_paints_the_art_of_the_last_start_and_no_cache_turns_it_off(qtbot, monkeypatch, _private_home):
    cache = _private_home / "cache" / "painmap"
    window = start_window(qtbot, wait=False)
    missed = window.canvas.art_cache
    assert missed.disk is not None and missed.renders == 1 and missed.disk.hits == 0
    missed.disk.wait()
    assert len(_files(cache)) == 1  # written after the first paint, before start-up's steps
    shown = _pixels(window.canvas.grab())
    window.close()
    window = start_window(qtbot, wait=False)
    hit = window.canvas.art_cache
    assert hit.renders == 0 and hit.disk.hits == 1
    assert np.array_equal(_pixels(window.canvas.grab()), shown)
    window.close()
    monkeypatch.setenv("PAINMAP_NO_CACHE", "1")
    shutil.rmtree(cache)
    window = start_window(qtbot, wait=False)
    assert window.canvas.art_cache.disk is None and window.canvas.art_cache.renders == 1
    window.ensure_engine()
    assert not list(cache.glob("art-*")) if cache.exists() else True


HIT_PROBE = """
import json, sys
from painmap.app import canvas as canvas_module, startup as startup_module

paint = canvas_module.BodyCanvas.paintEvent
seen = {}


def first_paint(self, event):
    paint(self, event)
    if not seen:
        seen.update(svg="PySide6.QtSvg" in sys.modules, hits=self.art_cache.disk.hits)


canvas_module.BodyCanvas.paintEvent = first_paint
start = startup_module.StartUp.__init__


def hooked(self, *args, **kwargs):
    start(self, *args, **kwargs)

    def done():
        print(json.dumps(seen), flush=True)
        self.window.close()

    self.done.connect(done)


startup_module.StartUp.__init__ = hooked
from painmap.app.launch import launch

sys.exit(launch(None, []))
"""


def test_a_start_that_finds_its_art_on_disk_imports_no_qtsvg_before_its_first_paint(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"))
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("PAINMAP_NO_CACHE", None)
    runs = []
    for _ in range(3):  # the first start; the second has the window's size and zoom the first one saved
        out = subprocess.run([sys.executable, "-c", HIT_PROBE], capture_output=True, text=True, env=env, timeout=120)
        assert out.returncode == 0, out.stderr
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert runs[0] == {"svg": True, "hits": 0}  # rendered with QtSvg
    assert runs[2] == {"svg": False, "hits": 1}  # from the disk: QtSvg is not even imported by the paint


def test_a_whole_start_keeps_both_its_pictures_and_the_next_one_renders_no_svg(qtbot, _private_home):
    window = start_window(qtbot)  # every step: the margin comes after the first ranking (StartUp._widen_art)
    cache = window.canvas.art_cache
    assert cache.renders == 2 and cache.disk.hits == 0
    cache.disk.wait()
    assert len(_files(_private_home / "cache" / "painmap")) == 2
    window.canvas.landmarks_visible = False
    shown = _pixels(window.canvas.grab())
    window.close()
    window = start_window(qtbot)
    cache = window.canvas.art_cache
    assert cache.renders == 0 and cache.disk.hits == 2  # the first paint's picture and the widened one
    window.canvas.landmarks_visible = False
    assert np.array_equal(_pixels(window.canvas.grab()), shown)


def test_the_art_source_is_the_same_key_whether_the_file_is_mapped_or_read(tmp_path):
    import zlib

    frames = read_frames()
    view = next(iter(frames))
    art = BodyArt(frames)
    path, mirrored = art._file(view)
    data = path.read_bytes()
    expected = f"{path}\0{int(mirrored)}\0{len(data)}\0{zlib.crc32(data):08x}"
    assert art.source(view) == expected  # mapped: nothing read into memory
    assert not art._read
    art._bytes(path)
    assert art.source(view) == expected  # read by a parse: hashed from the same bytes
    empty = tmp_path / f"{view}.svg"
    empty.write_bytes(b"")  # a file that cannot be mapped is read
    art.folder, art._read = tmp_path, {}
    assert art.source(view) == f"{empty}\0{0}\0{0}\0{zlib.crc32(b''):08x}"
