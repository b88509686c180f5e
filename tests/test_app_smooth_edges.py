"""Smooth shading edges on screen, exact masks underneath (issue 11)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter, QTransform

from painmap.app.canvas_drawing import DRAWING_ALPHA, DrawingImages, intensity_color_table
from painmap.app.smooth_edges import smooth_argb

pytestmark = pytest.mark.usefixtures("qapp")
TABLE = intensity_color_table()


def _alpha(argb) -> np.ndarray:
    return (argb >> 24).astype(float)


def _half_plane(rows=40, cols=60, slope=0.37):
    """Shaded below the line y = 10 + slope * x (pixel centres), intensity 6."""
    y, x = np.mgrid[0:rows, 0:cols] + 0.5
    return np.where(y > 10 + slope * x, 6, 0).astype(np.uint8)


def _edge_error(alpha: np.ndarray, step: int, slope: float) -> float:
    """RMS distance (in mask pixels) of the 50 % crossing of each output column from the true line."""
    errors = []
    for col in range(alpha.shape[1]):
        above = np.nonzero(alpha[:, col] >= DRAWING_ALPHA / 2)[0]
        if len(above):
            x = (col + 0.5) / step
            errors.append(above[0] / step - (10 + slope * x))
    e = np.array(errors[step * 4 : -step * 4])  # away from the patch's sides
    return float(np.sqrt(np.mean((e - e.mean()) ** 2)))


def test_edges_follow_the_contour_better_than_the_pixel_staircase():
    array = _half_plane()
    before = array.copy()
    step = 4
    smooth = _alpha(smooth_argb(array, step, TABLE))
    nearest = _alpha(np.array(TABLE, dtype=np.uint32)[np.kron(array, np.ones((step, step), dtype=np.uint8))])
    assert np.array_equal(array, before)  # the mask is untouched
    assert _edge_error(smooth, step, 0.37) < 0.5 * _edge_error(nearest, step, 0.37)
    assert smooth.max() == DRAWING_ALPHA and smooth[-4:, :].min() == DRAWING_ALPHA  # inside: the drawing's alpha
    assert smooth[:4, :].max() == 0  # far outside: nothing


def test_a_lone_shaded_pixel_and_a_thin_line_stay_visible():
    array = np.zeros((12, 12), np.uint8)
    array[3, 3] = 2
    array[8, 2:11] = 9
    alpha = _alpha(smooth_argb(array, 4, TABLE))
    assert alpha[12:16, 12:16].max() > DRAWING_ALPHA / 2  # the lone pixel
    assert alpha[32:36, 16:32].min() > DRAWING_ALPHA / 2  # the middle of the line
    colour = smooth_argb(array, 4, TABLE)[34, 24] & 0xFFFFFF
    assert colour == TABLE[9] & 0xFFFFFF  # its colour is its intensity's


class _Grid:
    sx = sy = 1.0


class _Masks:
    def __init__(self, array) -> None:
        self._array = array

    def array(self, _view):
        return self._array

    def grid(self, _view):
        return _Grid()


def _render(masks, tiles, scale=11.0, size=(330, 330)) -> QImage:
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    t = QTransform.fromScale(scale, scale)
    drawing = DrawingImages()
    for tile in tiles:
        painter.save()
        painter.setClipRect(tile)
        painter.setTransform(t)
        drawing.paint(painter, masks, "v", t, tile, smooth=True)
        painter.restore()
    painter.end()
    return image


def _pixels(image: QImage) -> np.ndarray:
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).astype(int)


def test_dirty_patches_join_without_seams():
    y, x = np.mgrid[0:30, 0:30]
    array = np.where((x - 14) ** 2 + (y - 15) ** 2 < 90, 5, 0).astype(np.uint8)
    array[(x - 14) ** 2 + (y - 15) ** 2 < 20] = 8
    masks = _Masks(array)
    whole = _pixels(_render(masks, [QRect(0, 0, 330, 330)]))
    tiles = [QRect(x0, y0, 70, 70) for x0 in range(0, 330, 70) for y0 in range(0, 330, 70)]
    tiled = _pixels(_render(masks, tiles))
    assert whole[..., 3].max() > 0
    assert np.abs(whole - tiled).max() <= 3  # rounding of Qt's scaling only


@pytest.mark.parametrize("step", [2, 4])
def test_only_the_shaded_box_is_computed_and_it_gives_the_same_picture(step):
    """The smooth picture of a big, mostly empty patch equals that of the shaded box alone (the rest transparent)."""
    from painmap.app.smooth_edges import shaded_box

    array = np.zeros((90, 120), np.uint8)
    array[40:52, 61:80] = 4
    array[47, 30] = 9  # a lone pixel: the box reaches it
    array[60:66, 60:62] = 2
    y0, y1, x0, x1 = shaded_box(array, (0, 90, 0, 120))
    assert (y0, y1, x0, x1) == (37, 69, 27, 83)
    whole = smooth_argb(array, step, TABLE)
    part = smooth_argb(array[y0:y1, x0:x1], step, TABLE)
    assert np.array_equal(whole[step * y0 : step * y1, step * x0 : step * x1], part)
    outside = _alpha(whole).copy()
    outside[step * y0 : step * y1, step * x0 : step * x1] = 0
    assert not outside.any()
    assert shaded_box(array, (0, 30, 0, 120)) is None
    assert shaded_box(array, (44, 90, 70, 120)) == (44, 55, 70, 83)  # clipped to the box asked for


def test_a_paint_draws_the_shaded_box_like_the_whole_patch():
    """Through the canvas's paint: the same screen pixels as the smooth picture of the whole exposed patch."""
    array = np.zeros((30, 30), np.uint8)
    array[12:20, 9:16] = 7
    expected = QImage(330, 330, QImage.Format.Format_ARGB32_Premultiplied)
    expected.fill(0)
    painter = QPainter(expected)
    painter.setTransform(QTransform.fromScale(11.0, 11.0))
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    argb = smooth_argb(array, 4, TABLE)
    painter.drawImage(QRect(0, 0, 30, 30), QImage(argb.data, 120, 120, 480, QImage.Format.Format_ARGB32))
    painter.end()
    found = _render(_Masks(array), [QRect(0, 0, 330, 330)])
    assert np.abs(_pixels(found) - _pixels(expected)).max() <= 1


def _reference_smooth_argb(array, step, table):
    """The smooth picture as first written (issue 11), gathers at the output's size: the definition the faster
    `smooth_argb` must match bit for bit."""

    def tent(a):
        p = np.pad(a, 1, mode="edge")
        across = (p[:, :-2] + 2 * p[:, 1:-1] + p[:, 2:]) * 0.25
        return (across[:-2] + 2 * across[1:-1] + across[2:]) * 0.25

    def upscale(a):
        rows, cols = a.shape
        pos = (np.arange(step, dtype=np.float32) + 0.5) / step - 0.5
        f = np.where(pos < 0, pos + 1, pos).astype(np.float32)
        lo = np.where(pos < 0, -1, 0)
        ix = np.clip(np.arange(cols)[:, None] + lo[None, :], 0, cols - 1).reshape(-1)
        iy = np.clip(np.arange(rows)[:, None] + lo[None, :], 0, rows - 1).reshape(-1)
        fx, fy = np.tile(f, cols)[None, :], np.tile(f, rows)[:, None]
        jx, jy = np.minimum(ix + 1, cols - 1), np.minimum(iy + 1, rows - 1)
        across = a[:, ix] * (1 - fx) + a[:, jx] * fx
        return across[iy] * (1 - fy) + across[jy] * fy

    rows, cols = array.shape
    cover = (array > 0).astype(np.float32)
    blurred = tent(cover)
    thin = cover * (blurred <= 0.5)
    level = upscale(blurred)
    if thin.any():
        np.maximum(level, upscale(thin), out=level)
    alpha = np.clip((level - 0.5) * step + 0.5, 0.0, 1.0)
    grown = array.copy()
    padded = np.pad(array, 1)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            np.maximum(grown, padded[dy : dy + rows, dx : dx + cols], out=grown, where=array == 0)
    colour = np.array(table, dtype=np.uint32)[np.repeat(np.repeat(grown, step, axis=0), step, axis=1)]
    a = (colour >> 24).astype(np.float32) * alpha
    return np.ascontiguousarray((colour & np.uint32(0x00FFFFFF)) | (a.astype(np.uint32) << 24))


def _patches(seed=7):
    """Patches of every kind the canvas meets: noise, sparse pixels (thin ones near the sides), dense shading,
    blobs cut by the patch's side, single rows and columns, empty ones."""
    rng = np.random.default_rng(seed)
    for k in range(60):
        rows, cols = (int(v) for v in rng.integers(1, 36, 2))
        kind = k % 5
        if kind == 0:
            yield rng.integers(0, 11, (rows, cols)).astype(np.uint8)
        elif kind == 1:
            yield ((rng.random((rows, cols)) < 0.15) * rng.integers(1, 11)).astype(np.uint8)
        elif kind == 2:
            yield np.where(rng.random((rows, cols)) < 0.8, rng.integers(1, 11, (rows, cols)), 0).astype(np.uint8)
        elif kind == 3:
            y, x = np.mgrid[0:rows, 0:cols]
            cy, cx, r = rng.uniform(-5, rows + 5), rng.uniform(-5, cols + 5), rng.uniform(2, 20)
            yield np.where((y - cy) ** 2 + (x - cx) ** 2 < r * r, int(rng.integers(1, 11)), 0).astype(np.uint8)
        else:
            yield np.zeros((rows, cols), np.uint8)


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_the_smooth_picture_is_bit_for_bit_the_reference_one(step):
    for array in _patches():
        expected = _reference_smooth_argb(array, step, TABLE)
        found = smooth_argb(array, step, TABLE)
        assert found.dtype == np.uint32 and found.flags.c_contiguous
        assert np.array_equal(found, expected), array.shape
