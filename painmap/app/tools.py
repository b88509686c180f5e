"""Drawing tools: brush, eraser, region fill, lasso. Each turns pointer events (in mm) into session calls.

The canvas converts pointer positions to the view's millimetre frame and forwards them to the active tool;
the tools hold no pixels and no marks, only the brush settings they pass on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from painmap.mark_vocabulary import DEFAULT_QUALITY, INTENSITY_RANGE, QUALITIES

RADIUS_RANGE = (2.0, 60.0)  # mm
RADIUS_STEPS = (2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0)
DEFAULT_RADIUS = 12.0
DEFAULT_INTENSITY = 5


class BrushSettings:
    """What the next mark looks like: `radius` (mm), `intensity` (1..10), `quality`."""

    __slots__ = ("intensity", "quality", "radius")

    def __init__(
        self, radius: float = DEFAULT_RADIUS, intensity: int = DEFAULT_INTENSITY, quality: str = DEFAULT_QUALITY
    ) -> None:
        self.radius, self.intensity, self.quality = radius, intensity, quality

    def copy(self) -> BrushSettings:
        return BrushSettings(self.radius, self.intensity, self.quality)

    def __eq__(self, other) -> bool:
        if not isinstance(other, BrushSettings):
            return NotImplemented
        return (self.radius, self.intensity, self.quality) == (other.radius, other.intensity, other.quality)

    def __repr__(self) -> str:
        return f"BrushSettings({self.radius!r}, {self.intensity!r}, {self.quality!r})"


def clamp_intensity(value: float) -> int:
    lo, hi = INTENSITY_RANGE
    return max(lo, min(hi, round(value)))


def clamp_radius(value: float) -> float:
    lo, hi = RADIUS_RANGE
    return max(lo, min(hi, float(value)))


class Tool:
    """Base tool: `press`, `move` and `release` get points in mm of the current view."""

    name = "tool"
    label = "Tool"
    highlights_region = False  # the canvas highlights the region under the pointer
    shows_brush = False  # the canvas draws the brush outline at the pointer

    def __init__(self, box: ToolBox) -> None:
        self.box = box

    def press(self, session, point, pressure: float | None = None) -> None: ...

    def move(self, session, point) -> None: ...

    def release(self, session, point) -> None:
        session.end_stroke()


class BrushTool(Tool):
    name, label, shows_brush = "brush", "Brush", True

    def press(self, session, point, pressure=None) -> None:
        s = self.box.settings
        intensity = s.intensity if pressure is None else clamp_intensity(pressure * 10)
        session.begin_stroke(point, s.radius, intensity, s.quality)

    def move(self, session, point) -> None:
        session.extend_stroke(point)


class EraserTool(BrushTool):
    name, label = "eraser", "Eraser"

    def press(self, session, point, pressure=None) -> None:
        session.begin_stroke(point, self.box.settings.radius, erase=True)


class FillTool(Tool):
    name, label, highlights_region = "fill", "Fill region", True

    def press(self, session, point, pressure=None) -> None:
        from painmap.app.regions import region_at  # numpy: loaded with the engine, after the first paint

        region = region_at(session, point)
        if region is not None:
            s = self.box.settings
            session.fill(region.id, s.intensity, s.quality)


class LassoTool(Tool):
    """Circle the pain: the outline is drawn while dragging, and what it encloses is filled on release."""

    name, label = "lasso", "Lasso"

    def press(self, session, point, pressure=None) -> None:
        s = self.box.settings
        session.begin_lasso(point, s.intensity, s.quality)

    def move(self, session, point) -> None:
        session.extend_stroke(point)


class ToolBox(QObject):
    """The active tool and the brush settings, with signals for the toolbar and the canvas."""

    tool_changed = Signal(str)
    settings_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = BrushSettings()
        self.tools = {t.name: t for t in (BrushTool(self), EraserTool(self), FillTool(self), LassoTool(self))}
        self.tool: Tool = self.tools["brush"]

    def set_tool(self, name: str) -> None:
        if self.tool.name != name:
            self.tool = self.tools[name]
            self.tool_changed.emit(name)

    def set_radius(self, radius: float) -> None:
        radius = clamp_radius(radius)
        if radius != self.settings.radius:
            self.settings.radius = radius
            self.settings_changed.emit()

    def step_radius(self, steps: int) -> None:
        """Next larger (steps > 0) or smaller brush size of the ladder ([ and ])."""
        r = self.settings.radius
        if steps > 0:
            bigger = [s for s in RADIUS_STEPS if s > r + 1e-9]
            self.set_radius(bigger[0] if bigger else RADIUS_RANGE[1])
        elif steps < 0:
            smaller = [s for s in RADIUS_STEPS if s < r - 1e-9]
            self.set_radius(smaller[-1] if smaller else RADIUS_RANGE[0])

    def set_intensity(self, value: int) -> None:
        value = clamp_intensity(value)
        if value != self.settings.intensity:
            self.settings.intensity = value
            self.settings_changed.emit()

    def set_quality(self, quality: str) -> None:
        if quality not in QUALITIES:
            raise ValueError(f"unknown pain quality {quality!r}")
        if quality != self.settings.quality:
            self.settings.quality = quality
            self.settings_changed.emit()
