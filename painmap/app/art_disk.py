"""The body art a start paints, kept on disk: the next start at the same size shows it without QtSvg.

A start renders two pictures of the art (painmap.app.art_cache): the visible part at the window's first paint,
and the same with its margin once the session arrives. Each is kept in `$XDG_CACHE_HOME/painmap/art-<sum>.raw`:
a header (magic, the key's length, width, height, bytes per line, QImage format, device pixel ratio), the key
text whole, then the pixels as the pixmap holds them (RGB32 on a 24-bit screen). A picture read is a read-only
QImage over a mapping of the file (no copy: reading 2.9 MB into new memory cost 2-7 ms of page faults and copying
at the first paint, the mapping ~0.1 ms; D88); the ArtDisk owns the mappings. Files are only ever replaced by a
rename and removed by unlinking, which leave a mapping whole.
The key names everything that makes the pixels: this format's version, the painmap and Qt versions, the code that
renders (body_art.py, art_cache.py: size and modification time), the SVG file (path, mirrored, size
and CRC-32 of its bytes: 0.2 ms, read once for the render too), the view, anatomy layers, device-pixel
rectangle, scale, device pixel ratio, sub-pixel origin and base colour. The file name is a checksum of the key;
a file whose key, header or length does not match is ignored and rewritten: never a wrong picture.

Files are written after the paint by a thread (the write and its fsyncs hold up neither the paint nor the
start's steps), through painmap.atomic; only the newest `FILES` are kept (a hit makes its file newest). A folder
that cannot be written only costs speed; `PAINMAP_NO_CACHE=1` turns the cache off, as the engine cache.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import struct
import threading
import time
import zlib
from pathlib import Path

from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QImage, QPixmap

ART_DISK_VERSION = 1
FILES = 4  # two starts' pictures (a start keeps two: ~9 MB at dpr 1 on a 900 x 800 canvas, ~38 MB at dpr 2)
_MAGIC = b"painmap-art\x00\x00\x00\x00\x01"
_HEAD = struct.Struct("<16sIIIIId")  # magic, key length, width, height, bytes per line, format, dpr
_ALIGN = 64
_FORMATS = {
    int(f.value): f
    for f in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied, QImage.Format.Format_ARGB32)
}
_STALE = 600.0  # seconds: a temporary file this old was left by a start that ended mid-write


class ArtDisk:
    """Pictures of the art in `folder`, by key text; `hits` counts pictures read (tests)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self._pending: list[tuple[str, QPixmap]] = []
        self._touched: list[Path] = []
        self._scheduled = False
        self._thread: threading.Thread | None = None
        self._code: str | None = None
        self._mapped: list[memoryview] = []  # the pixels of the pictures read: their QImages point into them

    @classmethod
    def open(cls) -> ArtDisk | None:
        """The user's art cache; None when `PAINMAP_NO_CACHE` is set or there is no cache folder."""
        if os.environ.get("PAINMAP_NO_CACHE"):
            return None
        from painmap.resources import cache_folder

        try:
            return cls(cache_folder())
        except (OSError, RuntimeError):  # no home folder
            return None

    def key(self, text: str) -> str:
        """`text` (what the picture shows) with the versions and the rendering code's identity."""
        if self._code is None:
            from painmap import __version__

            here = Path(__file__).resolve().parent
            parts = [f"{ART_DISK_VERSION} {__version__} {qVersion()}"]
            for name in ("body_art.py", "art_cache.py"):
                try:
                    st = (here / name).stat()
                    parts.append(f"{name}\0{st.st_size}\0{st.st_mtime_ns}")
                except OSError:
                    parts.append(f"{name}\0missing")
            self._code = "\n".join(parts)
        return f"{self._code}\n{text}"

    def path(self, key: str) -> Path:
        data = key.encode("utf-8", "surrogateescape")
        return self.folder / f"art-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.raw"

    def load(self, key: str, width: int, height: int, dpr: float) -> QImage | None:
        """The picture kept under `key` if its file is whole and of that size (a read-only QImage over the file's
        pages); else None."""
        path = self.path(key)
        expected = key.encode("utf-8", "surrogateescape")
        try:
            with open(path, "rb", buffering=0) as f:
                head = f.read(_HEAD.size)
                magic, length, w, h, bpl, fmt, ratio = _HEAD.unpack(head)
                if magic != _MAGIC or (w, h, ratio) != (width, height, dpr) or fmt not in _FORMATS:
                    return None
                if length != len(expected) or f.read(length) != expected:
                    return None
                if bpl != QImage(w, 1, _FORMATS[fmt]).bytesPerLine():
                    return None  # not the lines this Qt lays out for that width
                start = _offset(length)
                if os.fstat(f.fileno()).st_size != start + bpl * h:
                    return None  # cut short, or longer than its header says
                pixels = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))[start:]
        except (OSError, struct.error, ValueError):
            return None
        image = QImage(pixels, w, h, bpl, _FORMATS[fmt])
        image.setDevicePixelRatio(dpr)
        self._mapped.append(pixels)
        self.hits += 1
        self._touched.append(path)
        self._schedule()
        return image

    def keep(self, key: str, pixmap: QPixmap) -> None:
        """Write `pixmap` under `key` soon after this paint (by a thread)."""
        self._pending.append((key, pixmap))
        self._schedule()

    def wait(self) -> None:
        """Write what is kept now, and wait until it is written (tests)."""
        self._flush()
        if self._thread is not None:
            self._thread.join()

    def _schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self._flush)  # after the paint: its event has ended

    def _flush(self) -> None:
        self._scheduled = False
        touched, self._touched = self._touched, []
        for path in touched:  # read at this start: made the newest, so pruning keeps it
            with contextlib.suppress(OSError):
                os.utime(path)
        if not self._pending:
            return
        jobs = [(self.path(key), key, pixmap.toImage()) for key, pixmap in self._pending]  # shallow copies
        self._pending.clear()
        previous = self._thread
        self._thread = threading.Thread(target=self._write, args=(jobs, previous), name="painmap-art-cache")
        self._thread.start()

    def _write(self, jobs: list[tuple[Path, str, QImage]], previous: threading.Thread | None) -> None:
        from painmap.app.plain_import import plain_import

        if previous is not None:
            previous.join()
        with plain_import():
            from painmap.atomic import WriteError, atomic_write
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for path, key, image in jobs:
                text = key.encode("utf-8", "surrogateescape")
                size = (image.width(), image.height(), image.bytesPerLine())
                head = _HEAD.pack(_MAGIC, len(text), *size, int(image.format().value), image.devicePixelRatio())
                with atomic_write(path, "wb") as stream:
                    stream.write(head + text + bytes(_offset(len(text)) - _HEAD.size - len(text)))
                    stream.write(image.constBits())
            self._prune()
        except (OSError, WriteError):  # a read-only or full disk only costs speed
            pass

    def _prune(self) -> None:
        """Keep the newest FILES pictures; remove temporary files a start left when it ended mid-write."""
        files = []
        for entry in os.scandir(self.folder):
            name = entry.name
            if name.startswith("art-") and name.endswith(".raw"):
                files.append((entry.stat().st_mtime_ns, entry.path))
            elif name.startswith(".art-") and name.endswith(".part") and time.time() - entry.stat().st_mtime > _STALE:
                Path(entry.path).unlink(missing_ok=True)
        for _mtime, path in sorted(files, reverse=True)[FILES:]:
            Path(path).unlink(missing_ok=True)


def _offset(key_length: int) -> int:
    """Where the pixels begin: after the header and the key, on a 64-byte boundary."""
    end = _HEAD.size + key_length
    return end + -end % _ALIGN
