"""The comparator: pattern masks, the metrics of docs/metrics.md per side, and ranking, on PainMasks.

D is the drawing's painted pixels, E a pattern's essential zones, S its spillover zones minus E, P = E ∪ S, all
clipped to the body silhouette and compared over the views the drawing marks (all views for an empty drawing).
A score is a similarity to a textbook map, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from painmap.atlas import Atlas
from painmap.comparator_parts import Layer, Piece, ScoreTable
from painmap.comparator_scores import rank_all, side_scores
from painmap.compare_results import OTHER_ZONE, SIDES, SPILLOVER_WEIGHT, Comparison, PatternResult, Scores
from painmap.errors import PainmapError
from painmap.pattern_model import Pattern, PatternLibrary
from painmap.raster import DEFAULT_PX_PER_MM, AtlasMasks, DirtyRect, PainMasks, polygon_crop

__all__ = ["Comparator", "comparator", "default_atlas", "default_library"]

# --- pattern masks ----------------------------------------------------------------------------------------------


class _PatternData:
    """Levels and lazily built per-view layers of one pattern."""

    def __init__(self, pattern: Pattern) -> None:
        self.pattern = pattern
        ess = sorted({float(z.weight) for z in pattern.zones if z.kind == "essential"})
        spill = sorted({float(z.weight) for z in pattern.zones if z.kind != "essential"})
        self.ess_levels = np.array(ess, dtype=np.float64)
        self.spill_levels = np.array(spill, dtype=np.float64)
        # per level (index 0 = none): is it essential, and its weight in the score
        self.level_essential = np.array([False] + [True] * len(ess) + [False] * len(spill))
        self.level_weight = np.array([0.0, *ess, *(SPILLOVER_WEIGHT * w for w in spill)])
        self.layers: dict[str, Layer | None] = {}


class Comparator:
    """Scores drawings against a pattern library; pattern masks are built per view on first use and kept."""

    def __init__(self, atlas: Atlas, library: PatternLibrary, px_per_mm: float = DEFAULT_PX_PER_MM) -> None:
        self.atlas = atlas
        self.library = library
        self.px_per_mm = float(px_per_mm)
        self.atlas_masks = AtlasMasks(atlas, px_per_mm)
        names: list[str] = []
        for view in atlas.views.values():
            for region in view.regions:
                if region.zone not in names:
                    names.append(region.zone)
        names.append(OTHER_ZONE)
        self.zone_names = tuple(names)
        self._zone_luts: dict[str, np.ndarray] = {}
        self._patterns = {p.id: _PatternData(p) for p in library}
        self._zone_pixels: dict[tuple[str, int], Piece | None] = {}
        self._score_tables: dict[str, ScoreTable] = {}
        self._code_layout: tuple[dict, dict[str, int], int] | None = None

    # -- building ----------------------------------------------------------------------------------------------

    def _zone_lut(self, view_id: str) -> np.ndarray:
        """Region label -> zone index for a view (label 0 -> OTHER_ZONE)."""
        lut = self._zone_luts.get(view_id)
        if lut is None:
            vm = self.atlas_masks.view(view_id)
            index = {name: k for k, name in enumerate(self.zone_names)}
            lut = np.array([index[OTHER_ZONE]] + [index[z] for z in vm.zones], dtype=np.int64)
            self._zone_luts[view_id] = lut
        return lut

    def _zone_piece(self, data: _PatternData, k: int) -> Piece | None:
        """Zone k of a pattern rasterized on its own view, stored side (None when it has no pixel)."""
        key = (data.pattern.id, k)
        if key not in self._zone_pixels:
            zone = data.pattern.zones[k]
            rect, mask = polygon_crop(self.atlas_masks.grid(zone.view), zone.polygon)
            piece = None if rect.empty or not mask.any() else Piece(rect, mask, zone.kind == "essential", zone.weight)
            self._zone_pixels[key] = piece
        return self._zone_pixels[key]

    def _stored_pieces(self, data: _PatternData, view_id: str) -> list[Piece]:
        """The stored side's pieces on a view: its own zones there, and bilateral zones mirrored onto it."""
        pieces = []
        for k, zone in enumerate(data.pattern.zones):
            own = zone.view == view_id
            mirrored = zone.bilateral and self.atlas.view(zone.view).mirror == view_id
            if not (own or mirrored):
                continue
            piece = self._zone_piece(data, k)
            if piece is None:
                continue
            if own:
                pieces.append(piece)
            if mirrored:
                pieces.append(piece.flipped(view_id, self.atlas_masks.grid(view_id).cols))
        return pieces

    def _side_pieces(self, data: _PatternData, view_id: str) -> dict[str, list[Piece]]:
        """Pieces per side ("right", "left") on a view; the other side is the mirror of the stored side."""
        stored = data.pattern.side if data.pattern.side in ("right", "left") else "right"
        other = "left" if stored == "right" else "right"
        mirror_view = self.atlas.view(view_id).mirror
        grid, mirror_grid = self.atlas_masks.grid(view_id), self.atlas_masks.grid(mirror_view)
        if grid.shape != mirror_grid.shape:
            raise PainmapError(f"views {view_id!r} and {mirror_view!r} are mirrors but differ in size")
        return {
            stored: self._stored_pieces(data, view_id),
            other: [p.flipped(view_id, grid.cols) for p in self._stored_pieces(data, mirror_view)],
        }

    def _layer(self, data: _PatternData, view_id: str) -> Layer | None:
        if view_id in data.layers:
            return data.layers[view_id]
        sides = self._side_pieces(data, view_id)
        everything = sides["right"] + sides["left"]
        layer = None
        if everything:
            box = DirtyRect.none(view_id)
            for piece in everything:
                box = box.union(piece.rect)
            layer = self._build_layer(data, view_id, box, sides)
        data.layers[view_id] = layer
        return layer

    def _build_layer(self, data: _PatternData, view_id: str, box: DirtyRect, sides: dict) -> Layer | None:
        vm = self.atlas_masks.view(view_id)
        body = vm.silhouette[box.slices]
        n_ess = len(data.ess_levels)
        levels = {}  # side -> (essential level, spillover level) per pixel of the box; 0 = none
        for side, pieces in sides.items():
            ess = np.zeros(body.shape, dtype=np.uint8)
            spill = np.zeros(body.shape, dtype=np.uint8)
            for p in pieces:  # levels are sorted by weight, so the largest level is the largest weight
                if p.essential:
                    target, level = ess, 1 + int(np.searchsorted(data.ess_levels, p.weight))
                else:
                    target, level = spill, 1 + n_ess + int(np.searchsorted(data.spill_levels, p.weight))
                sub = target[p.rect.y0 - box.y0 : p.rect.y1 - box.y0, p.rect.x0 - box.x0 : p.rect.x1 - box.x0]
                np.maximum(sub, p.mask * np.uint8(level), out=sub)
            levels[side] = (ess, spill)
        levels["both"] = tuple(np.maximum(a, b) for a, b in zip(levels["right"], levels["left"], strict=True))
        ess_b, spill_b = levels["both"]
        union = (body & ((ess_b | spill_b) != 0)).ravel()
        local = np.flatnonzero(union)
        if not len(local):
            return None
        width = box.width
        idx = (local // width + box.y0) * vm.grid.cols + (local % width + box.x0)
        idx = idx.astype(np.int32 if vm.grid.rows * vm.grid.cols < 2**31 else np.int64)
        zone = self._zone_lut(view_id)[vm.labels[box.slices].ravel()[local]]
        n_zones = len(self.zone_names)
        size = len(data.level_weight) * n_zones
        codes, totals = {}, {}
        for side in SIDES:
            ess, spill = (a.ravel()[local] for a in levels[side])
            level = np.where(ess != 0, ess, spill).astype(np.int64)  # essential wins: S = spillover minus E
            code = level * n_zones + zone
            codes[side] = code.astype(np.uint16) if size <= 2**16 else code
            totals[side] = np.bincount(code, minlength=size)
        return Layer(view_id, idx, codes, totals)

    def prepare(self, views: Iterable[str] | None = None, score_tables: bool = False) -> None:
        """Build the masks of every pattern on these views (default: all) now rather than on first use, and with
        `score_tables` the tables of `scores` too."""
        for view in views if views is not None else self.atlas.views:
            self.atlas_masks.view(view)
            for data in self._patterns.values():
                self._layer(data, view)
            if score_tables:
                self._codes()
                self._score_table(view)

    def _codes(self) -> tuple[dict[str, int], int]:
        """The first code of each pattern's columns, and the number of codes (the layout of every ScoreTable)."""
        if self._code_layout is None or self._code_layout[0] is not self._patterns:  # _restore swaps _patterns
            offsets, start = {}, 0
            for pid, data in self._patterns.items():
                offsets[pid] = start
                start += len(SIDES) * len(data.level_weight)
            self._code_layout = (self._patterns, offsets, start)
            self._score_tables.clear()
        return self._code_layout[1], self._code_layout[2]

    def _score_table(self, view_id: str) -> ScoreTable:
        table = self._score_tables.get(view_id)
        if table is None:
            table = self._score_tables[view_id] = self._build_score_table(view_id)
        return table

    def _build_score_table(self, view_id: str) -> ScoreTable:
        """Classes of the pixels of a view by their level in every (pattern, side) column (see ScoreTable)."""
        grid = self.atlas_masks.grid(view_id)
        n_zones = len(self.zone_names)
        layers = [self._layer(data, view_id) for data in self._patterns.values()]
        parts = [layer.idx for layer in layers if layer is not None]
        union = np.unique(np.concatenate(parts)).astype(np.int64) if parts else np.zeros(0, dtype=np.int64)
        klass = np.zeros(len(union), dtype=np.int64)  # refined column by column: a mixed-radix key ...
        bound = 1  # ... (lexicographic in the columns' levels) ranked again only before it could overflow
        columns, totals = [], []
        for data, layer in zip(self._patterns.values(), layers, strict=True):
            n_levels = len(data.level_weight)
            where = np.searchsorted(union, layer.idx) if layer is not None else None
            for side in SIDES:
                level = np.zeros(len(union), dtype=np.int64)
                total = np.zeros(n_levels, dtype=np.int64)
                if layer is not None:
                    level[where] = layer.codes[side] // n_zones
                    total = layer.totals[side].reshape(-1, n_zones).sum(axis=1)
                columns.append(level)
                totals.append(total)
                if bound * n_levels >= 2**62:
                    klass = np.unique(klass, return_inverse=True)[1].ravel()
                    bound = int(klass.max()) + 1 if len(klass) else 1
                klass = klass * n_levels + level
                bound *= n_levels
        klass = np.unique(klass, return_inverse=True)[1].ravel()  # the rank of each pixel's levels
        first = np.unique(klass, return_index=True)[1]  # a pixel of each class; every pixel of P_both has one
        offsets = np.cumsum([0] + [len(t) for t in totals[:-1]])
        codes = np.zeros((1 + len(first), len(columns)), dtype=np.int64)
        codes[:] = offsets
        for j, level in enumerate(columns):
            codes[1:, j] += level[first]
        classes = np.zeros(grid.rows * grid.cols, dtype=np.uint16 if len(codes) < 2**16 else np.int64)
        classes[union] = klass + 1
        return ScoreTable(classes.reshape(grid.shape), codes, np.concatenate(totals))

    # -- comparing ---------------------------------------------------------------------------------------------

    def _check(self, masks: PainMasks) -> None:
        if masks.atlas is not self.atlas or masks.px_per_mm != self.px_per_mm:
            raise PainmapError("the drawing's masks were made for another atlas or resolution than the comparator's")

    def _pattern_ids(self, pattern_ids: Iterable[str] | None) -> list[str]:
        if pattern_ids is None:
            return list(self._patterns)
        ids = [pattern_ids] if isinstance(pattern_ids, str) else list(pattern_ids)
        for pid in ids:
            self.library.get(pid)  # UnknownIdError for an unknown id
        return ids

    def compare(self, masks: PainMasks, pattern_ids: Iterable[str] | None = None) -> Comparison:
        """Score the drawing's masks against the patterns (default: the whole library), best first."""
        self._check(masks)
        views = tuple(masks.views_used()) or tuple(self.atlas.views)
        d_total = sum(masks.area(v) for v in views)
        hits_in = {v: _Hits(masks, v) for v in views if masks.area(v)}
        results = []
        for pid in self._pattern_ids(pattern_ids):
            data = self._patterns[pid]
            results.append(self._result(data, *self._counts(data, views, hits_in), d_total))
        results.sort(key=lambda r: (-r.score, r.pattern))
        by_view = {v: self._extent(masks, v) for v in self.atlas.views}
        extent = _ratio(100.0 * d_total, sum(self.atlas_masks.view(v).silhouette_area for v in views))
        return Comparison(extent, by_view, tuple(results), views, self.px_per_mm)

    def _extent(self, masks: PainMasks, view: str) -> float:
        """Painted share of a view's silhouette in % (0 without rasterizing a view never painted)."""
        area = masks.area(view)
        return _ratio(100.0 * area, self.atlas_masks.view(view).silhouette_area) if area else 0.0

    def _counts(self, data: _PatternData, views: tuple[str, ...], hits_in: dict[str, _Hits]) -> tuple:
        """Bincounts of the codes of D ∩ P and of P summed over the views: int64 (sides, codes), SIDES order."""
        size = len(data.level_weight) * len(self.zone_names)
        hit = np.zeros((len(SIDES), size), dtype=np.int64)
        tot = np.zeros((len(SIDES), size), dtype=np.int64)
        for v in views:
            layer = self._layer(data, v)
            if layer is None:
                continue
            pos = hits_in[v].positions(layer) if v in hits_in else None
            for k, s in enumerate(SIDES):
                tot[k] += layer.totals[s]
                if pos is not None and len(pos):
                    hit[k] += np.bincount(layer.codes[s].take(pos), minlength=size)
        return hit, tot

    def compare_side(self, masks: PainMasks, pattern_id: str, side: str) -> PatternResult:
        """One pattern scored on a fixed side (the app's side choice; `compare` picks the best side itself)."""
        if side not in SIDES:
            raise PainmapError(f"unknown side {side!r} (known: {', '.join(SIDES)})")
        self._check(masks)
        data = self._patterns[self.library.get(pattern_id).id]
        views = tuple(masks.views_used()) or tuple(self.atlas.views)
        hits_in = {v: _Hits(masks, v) for v in views if masks.area(v)}
        d_total = sum(masks.area(v) for v in views)
        return self._result(data, *self._counts(data, views, hits_in), d_total, side)

    def _result(self, data: _PatternData, hit, tot, d_total: int, side: str | None = None) -> PatternResult:
        names = self.zone_names
        h, t = (a.reshape(len(SIDES), -1, len(names)) for a in (hit, tot))  # (side, level, zone)
        h_level, t_level = h.sum(axis=2), t.sum(axis=2)
        scores, dps, ps = side_scores(h_level, t_level, data.level_weight, d_total)  # each side's row as alone
        ess = data.level_essential
        des, es = h_level[:, ess].sum(axis=1).tolist(), t_level[:, ess].sum(axis=1).tolist()
        z_hits, z_tots = h[:, 1:].sum(axis=1).tolist(), t[:, 1:].sum(axis=1).tolist()
        metrics, p_area, areas = {}, {}, {}
        for k, s in enumerate(SIDES):
            dp, p, de, e, z_hit, z_tot = int(dps[k]), int(ps[k]), des[k], es[k], z_hits[k], z_tots[k]
            ds, sp = dp - de, p - e
            p_area[s] = p
            areas[s] = (e, sp)
            order = sorted((z for z, n in enumerate(z_tot) if n), key=lambda z, z_tot=z_tot: (-z_tot[z], names[z]))
            metrics[s] = dict(
                score=float(scores[k]),
                dice=_ratio(2 * dp, d_total + p),
                jaccard=_ratio(dp, d_total + p - dp),
                essential_coverage=_ratio(de, e),
                spillover_coverage=_ratio(ds, sp),
                precision=_ratio(dp, d_total),
                outside_fraction=_ratio(d_total - dp, d_total),
                zones={names[z]: _ratio(z_hit[z], z_tot[z]) for z in order},
            )
        best = side or max(SIDES, key=lambda s: _side_key(s, metrics[s]["score"], metrics[s]["dice"], p_area[s]))
        by_side = {s: metrics[s]["score"] for s in SIDES}
        px_area = 1.0 / (self.px_per_mm * self.px_per_mm)
        return PatternResult(
            data.pattern.id,
            best,
            name=data.pattern.name,
            side_scores=by_side,
            essential_area_mm2=areas[best][0] * px_area,
            spillover_area_mm2=areas[best][1] * px_area,
            **metrics[best],
        )

    def scores(self, masks: PainMasks, pattern_ids: Iterable[str] | None = None) -> Scores:
        """Only the scores of `compare` (the same numbers, sides and order), without zones or other metrics.

        The drawing's pixels are counted once per class of a view's pattern table (pixels alike in every
        pattern's level on every side), not once per pattern and side.
        """
        self._check(masks)
        views = tuple(masks.views_used()) or tuple(self.atlas.views)
        d_total = sum(masks.area(v) for v in views)
        _, n_codes = self._codes()
        hit = np.zeros(n_codes, dtype=np.int64)
        tot = np.zeros(n_codes, dtype=np.int64)
        for v in views:
            table = self._score_table(v)
            tot += table.totals
            if masks.area(v):
                rows, cols = masks.extent(v).slices
                painted = table.classes[rows, cols][masks.intensity(v)[rows, cols] != 0]
                per_class = np.bincount(painted, minlength=len(table.codes))
                per_class[0] = 0  # outside every pattern: only in |D|
                found = np.flatnonzero(per_class)
                np.add.at(hit, table.codes[found], per_class[found, None])
        score, best = self.rank_counts(hit[None], tot[None], np.array([d_total], dtype=np.int64))
        index = {pid: i for i, pid in enumerate(self._patterns)}
        ranking, side_scores = [], {}
        for pid in self._pattern_ids(pattern_ids):
            i = index[pid]
            k = int(best[0, i])
            ranking.append((pid, SIDES[k], float(score[0, i, k])))
            side_scores[pid] = {s: float(score[0, i, j]) for j, s in enumerate(SIDES)}
        ranking.sort(key=lambda r: (-r[2], r[0]))
        by_view = {v: self._extent(masks, v) for v in self.atlas.views}
        extent = _ratio(100.0 * d_total, sum(self.atlas_masks.view(v).silhouette_area for v in views))
        return Scores(extent, by_view, tuple(ranking), views, side_scores)

    def rank_counts(self, hit: np.ndarray, tot: np.ndarray, d_total: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Scores (n, patterns, sides) and best side indices (n, patterns) of n drawings at once, patterns in
        library order, from their counts per code (int64 (n, codes) in the layout of `_codes`: D ∩ P and P) and
        painted pixels (n,): the numbers `scores` gives one by one (painmap.comparator_scores.rank_all)."""
        offsets, _ = self._codes()
        return rank_all([(offsets[pid], d.level_weight) for pid, d in self._patterns.items()], hit, tot, d_total)

    def difference(
        self, masks: PainMasks, pattern_id: str, side: str, view: str
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Bool masks of a view for overlays: (matched = D ∩ P, missed = P \\ D, extra = D \\ P)."""
        if side not in SIDES:
            raise PainmapError(f"unknown side {side!r} (known: {', '.join(SIDES)})")
        self._check(masks)
        data = self._patterns[self.library.get(pattern_id).id]
        grid = self.atlas_masks.grid(view)
        pattern = np.zeros(grid.shape, dtype=bool)
        layer = self._layer(data, view)
        if layer is not None:
            pattern.ravel()[layer.idx[layer.codes[side] >= len(self.zone_names)]] = True
        drawn = masks.mask(view)
        return drawn & pattern, pattern & ~drawn, drawn & ~pattern


class _Hits:
    """The drawing's pixels of one painted view, looked up at a pattern layer's pixels: only the rows of the
    drawing's extent are kept (flat from its first row), the pattern's pixels outside them are skipped."""

    def __init__(self, masks: PainMasks, view: str) -> None:
        ext = masks.extent(view)
        cols = masks.grid(view).cols
        self.lo, self.hi = ext.y0 * cols, ext.y1 * cols
        self.flat = (masks.intensity(view)[ext.y0 : ext.y1] != 0).ravel()

    def positions(self, layer: Layer) -> np.ndarray:
        """Positions in layer.idx of the pixels the drawing covers."""
        idx = layer.idx  # bounds of idx's own type: other keys would convert the whole array first (~25 µs)
        a, b = idx.searchsorted(np.array((self.lo, self.hi), dtype=idx.dtype))
        return np.flatnonzero(self.flat.take(idx[a:b] - self.lo)) + a  # take: ~2.5x faster than [] here


def _side_key(side: str, score: float, dice: float, p_area: int) -> tuple:
    """The best side has the highest key. Ties (e.g. nothing matched) go to a single side with the most pattern on
    the views compared, then by SIDES order, so that a drawing and its mirror image always report mirrored sides."""
    return (score, dice, side != "both", p_area, -SIDES.index(side))


def _ratio(num: float, den: float) -> float:
    """num / den, and 0 for an empty denominator (no NaN anywhere)."""
    return float(num) / float(den) if den > 0 else 0.0


# --- shared comparators ----------------------------------------------------------------------------------------

_COMPARATORS: dict[tuple[int, int, float], Comparator] = {}


def default_atlas() -> Atlas:
    """The bundled atlas (loaded once)."""
    from painmap.atlas import load_atlas

    return load_atlas()


def default_library(atlas: Atlas | None = None) -> PatternLibrary:
    """The bundled pattern library for `atlas` (loaded once)."""
    from painmap.patterns import load_patterns

    return load_patterns(atlas or default_atlas())


def comparator(
    atlas: Atlas | None = None, library: PatternLibrary | None = None, px_per_mm: float = DEFAULT_PX_PER_MM
) -> Comparator:
    """A comparator for the atlas and library (defaults: the bundled ones), reused across calls."""
    atlas = atlas or default_atlas()
    library = library or default_library(atlas)
    key = (id(atlas), id(library), float(px_per_mm))
    hit = _COMPARATORS.get(key)
    if hit is None or hit.atlas is not atlas or hit.library is not library:
        if len(_COMPARATORS) >= 4:
            _COMPARATORS.clear()
        hit = _COMPARATORS[key] = Comparator(atlas, library, px_per_mm)
    return hit
