"""The toolbars: view switching, drawing tools and brush controls (size, intensity, pain quality).

`ViewActions` and `ToolActions` own the QActions (with shortcuts and tooltips) that the menus reuse;
`BrushBar` holds the brush widgets. Nothing here paints or knows about marks.

The shell's actions get their shortcuts right after the first paint (`held_shortcuts`): QKeySequence, its
class and enums, is not needed to paint.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QT_TR_NOOP, QEvent, QObject, QRect, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QPainter, QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QSlider, QToolBar, QToolButton, QWidget

from painmap import style
from painmap.app import enum_free
from painmap.app.enum_free import fill_rect, frame_rect, set_enum, solid_pen
from painmap.app.i18n import tr
from painmap.app.tools import RADIUS_RANGE, ToolBox
from painmap.chart_views import TITLES
from painmap.mark_vocabulary import QUALITIES

VIEW_KEYS = ("1", "2", "3", "4")


# The chart's view titles (painmap.chart_views.TITLES) as the toolbar names them, for translation.
VIEW_LABELS = {
    "Back": QT_TR_NOOP("Back view"),
    "Front": QT_TR_NOOP("Front view"),
    "Right side": QT_TR_NOOP("Right side view"),
    "Left side": QT_TR_NOOP("Left side view"),
}


def view_label(title: str) -> str:
    """'Right side' -> 'Right side view', 'Back' -> 'Back view' (the toolbar's name of a view), translated."""
    label = VIEW_LABELS.get(title)
    return tr(label) if label else tr("{title} view").format(title=tr(title))


def brush_diameter(radius: float) -> float:
    """The brush size shown to people: its diameter in mm (rounded to 0.1 mm)."""
    return round(2.0 * radius, 1)


class Standard(str):
    """A shortcut given by the name of a QKeySequence.StandardKey (`Standard("ZoomIn")`), looked up when set."""


class HeldShortcuts(list):
    """(action, shortcuts, tip) of the actions made inside `held_shortcuts()`, until `set_all()`."""

    def set_all(self) -> None:
        """Give each held action its shortcuts (and the tooltip that names the first)."""
        while self:
            set_shortcuts(*self.pop(0))


_held: HeldShortcuts | None = None


@contextmanager
def held_shortcuts() -> Iterator[HeldShortcuts]:
    """The actions `make_action` makes in the block get their tooltip without the shortcut; their shortcuts wait
    in the yielded list until its `set_all()` (the window calls it right after its first paint)."""
    global _held
    outer, _held = _held, HeldShortcuts()
    try:
        yield _held
    finally:
        _held = outer


def set_shortcuts(action: QAction, shortcuts, tip: str) -> None:
    """Give `action` its shortcut(s) (strings, `Standard` names or StandardKeys); a tooltip still `tip` names the
    first."""
    from PySide6.QtGui import QKeySequence

    if not isinstance(shortcuts, list | tuple):
        shortcuts = [shortcuts]
    keys = [
        QKeySequence(getattr(QKeySequence.StandardKey, s)) if isinstance(s, Standard) else QKeySequence(s)
        for s in shortcuts
    ]
    action.setShortcuts(keys)
    first = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    if first and action.toolTip() == tip:  # a tooltip of its own (Redo's two shortcuts) stays
        action.setToolTip(f"{tip} ({first})")


def make_action(parent: QObject, text: str, shortcuts, tip: str, slot=None, checkable: bool = False) -> QAction:
    """A QAction with its shortcut(s) and a tooltip that names the first shortcut (inside `held_shortcuts()`,
    the shortcuts are set later)."""
    action = QAction(parent)  # QAction(text, parent) would make PySide build QIcon's theme icon enum first
    action.setText(text)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.setCheckable(checkable)
    if _held is None:
        set_shortcuts(action, shortcuts, tip)
    else:
        _held.append((action, shortcuts, tip))
    if slot is not None:
        action.triggered.connect(slot)
    return action


class IntensityScale(QWidget):
    """The drawing's colour scale 1–10 as a legend that is also a picker: the current intensity is framed."""

    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = 5
        self.setFixedSize(10 * 12 + 2, 22)
        self.setToolTip(tr("Colour of each pain intensity, 1 (light) to 10 (dark); click one to choose it"))
        self.setAccessibleName(tr("Pain intensity"))
        self.setAccessibleDescription(
            tr("Colour of each pain intensity, 1 (light) to 10 (dark); the left and right arrow keys choose one")
        )
        set_enum(self, "focusPolicy", enum_free.TAB_FOCUS)

    def listen(self) -> None:
        """The pointing-hand cursor over the scale (after the first paint: naming it builds the Qt namespace)."""
        from PySide6.QtCore import Qt

        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_value(self, value: int) -> None:
        self.value = value
        self.update()

    def cell(self, intensity: int) -> QRect:
        return QRect(1 + (intensity - 1) * 12, 3, 12, 16)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        for i in range(1, 11):
            fill_rect(painter, self.cell(i), QColor(style.INTENSITY_COLORS[i]))
        frame = solid_pen(self.palette().color(QPalette.ColorRole.Text), 2)
        frame_rect(painter, self.cell(self.value).adjusted(0, -2, 0, 2), frame)  # not setPen: enum_free
        painter.end()

    def mousePressEvent(self, event) -> None:
        i = 1 + int((event.position().x() - 1) // 12)
        if 1 <= i <= 10:
            self.picked.emit(i)

    def keyPressEvent(self, event) -> None:
        """Left / Down: one lighter; Right / Up: one darker (Tab reaches the scale)."""
        from PySide6.QtCore import Qt

        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Down: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: 1}.get(event.key())
        if step is None:
            super().keyPressEvent(event)
        elif 1 <= self.value + step <= 10:
            self.picked.emit(self.value + step)


class ViewActions(QObject):
    """One checkable action per view of the canvas (1, 2, 3 …) plus the zoom and landmark actions."""

    def __init__(self, window, canvas) -> None:
        super().__init__(window)
        self.group = QActionGroup(self)
        self.views: dict[str, QAction] = {}
        # every view a chart may have: another body's chart can have a view this one lacks (hidden until then)
        titles = {v: getattr(f, "title", "") for v, f in canvas.frames.items()}
        titles.update({v: t for v, t in TITLES.items() if v not in titles})
        for key, (view_id, title) in zip(VIEW_KEYS, titles.items(), strict=False):
            action = make_action(
                self,
                tr(title or view_id),
                [key, f"Ctrl+{key}"],
                tr("Show the {view}").format(view=view_label(title or view_id)),
                lambda _=False, v=view_id: canvas.set_view(v),
                checkable=True,
            )
            action.setData(view_id)
            self.group.addAction(action)
            self.views[view_id] = action
            # the toolbar names views as views ("Right side view"), never as a choice of the painful side
            action.setIconText(view_label(title or view_id))
        self.show_views(canvas.frames)
        self.sync(canvas.view_id())
        self.zoom_in = make_action(
            self, tr("Zoom in"), ["+", "=", Standard("ZoomIn")], tr("Show the body larger"), canvas.zoom_in
        )
        self.zoom_out = make_action(
            self, tr("Zoom out"), ["-", Standard("ZoomOut")], tr("Show more of the body"), canvas.zoom_out
        )
        self.zoom_fit = make_action(
            self, tr("Whole body"), ["0"], tr("Fit the whole body in the window"), canvas.zoom_fit
        )
        self.zoom_focus = make_action(
            self, tr("Lower back and pelvis"), ["F"], tr("Zoom onto the lower back and pelvis"), canvas.zoom_focus
        )
        self.zoom_actual = make_action(
            self, tr("Life size (100 %)"), ["Ctrl+0"], tr("Show the body at life size"), canvas.zoom_actual
        )
        self.landmarks = make_action(
            self, tr("Landmark labels"), ["Shift+L"], tr("Show or hide the bony landmarks"), checkable=True
        )
        self.landmarks.setChecked(canvas.landmarks_visible)
        for action, short in (
            (self.zoom_in, "+"),
            (self.zoom_out, "−"),
            (self.zoom_fit, tr("Body")),
            (self.zoom_focus, tr("Pelvis")),
            (self.landmarks, tr("Landmarks")),
        ):
            action.setIconText(short)
        self.landmarks.toggled.connect(lambda on: setattr(canvas, "landmarks_visible", on))

    def attach(self, session) -> None:
        """Follow the session's view from now on."""
        session.view_changed.connect(self.sync)
        self.sync(session.view_id)

    def show_views(self, view_ids) -> None:
        """Offer the views of the chart shown only (painmap.app.body_choice switches charts)."""
        for view_id, action in self.views.items():
            action.setVisible(view_id in view_ids)
            action.setEnabled(view_id in view_ids)

    def sync(self, view_id: str) -> None:
        """Check the action of the view shown."""
        action = self.views.get(view_id)
        if action is not None:
            action.setChecked(True)

    def zoom_actions(self) -> list[QAction]:
        return [self.zoom_in, self.zoom_out, self.zoom_fit, self.zoom_focus, self.zoom_actual]


class ToolActions(QObject):
    """Brush / eraser / fill / lasso (checkable, exclusive), brush size and intensity steps."""

    def __init__(self, window, toolbox: ToolBox) -> None:
        super().__init__(window)
        self.toolbox = toolbox
        self.group = QActionGroup(self)
        specs = (
            ("brush", tr("&Brush"), "B", tr("Paint where it hurts (left-drag)")),
            ("eraser", tr("&Eraser"), "E", tr("Erase painted pain")),
            ("fill", tr("&Fill region"), "G", tr("Click a body region to fill it (the region lights up first)")),
            (
                "lasso",
                tr("&Lasso"),
                "L",
                tr("Circle where it hurts: drag a closed outline, what it encloses is filled"),
            ),
        )
        self.tools: dict[str, QAction] = {}
        for name, text, key, tip in specs:
            action = make_action(self, text, [key], tip, lambda _=False, n=name: toolbox.set_tool(n), checkable=True)
            self.group.addAction(action)
            self.tools[name] = action
        self.tools["fill"].setIconText(tr("Fill"))
        self.tools[toolbox.tool.name].setChecked(True)
        toolbox.tool_changed.connect(lambda n: self.tools[n].setChecked(True))
        self.smaller = make_action(
            self, tr("Smaller brush"), ["["], tr("Make the brush smaller"), lambda: toolbox.step_radius(-1)
        )
        self.bigger = make_action(
            self, tr("Bigger brush"), ["]"], tr("Make the brush bigger"), lambda: toolbox.step_radius(1)
        )
        self.weaker = make_action(
            self,
            tr("Less intense"),
            [","],
            tr("Lower the pain intensity of the next marks"),
            lambda: toolbox.set_intensity(toolbox.settings.intensity - 1),
        )
        self.stronger = make_action(
            self,
            tr("More intense"),
            ["."],
            tr("Raise the pain intensity of the next marks"),
            lambda: toolbox.set_intensity(toolbox.settings.intensity + 1),
        )

    def step_actions(self) -> list[QAction]:
        return [self.smaller, self.bigger, self.weaker, self.stronger]


class BrushBar(QToolBar):
    """Brush size slider, intensity 1–10 and pain quality; kept in step with the ToolBox."""

    changed = Signal()

    def __init__(self, toolbox: ToolBox, parent: QWidget | None = None) -> None:
        super().__init__(tr("Brush"), parent)
        self.setObjectName("brush-toolbar")
        self.toolbox = toolbox
        self.size = QSlider()
        set_enum(self.size, "orientation", enum_free.HORIZONTAL)
        self.size.setRange(int(RADIUS_RANGE[0]), int(RADIUS_RANGE[1]))
        self.size.setFixedWidth(90)
        self.size.setToolTip(tr("Brush size: its diameter in mm of the body ([ and ] change it)"))
        self.size.setAccessibleName(tr("Brush size"))
        self.size.valueChanged.connect(lambda v: toolbox.set_radius(v))
        self.size_label = QLabel()
        self.size_label.setMinimumWidth(self.size_label.fontMetrics().horizontalAdvance(" 120 mm "))  # the widest
        self.quality = QComboBox()
        for q in QUALITIES:
            self.quality.addItem(tr(q), q)
        self.quality.setToolTip(tr("What the pain feels like"))
        self.quality.setAccessibleName(tr("Feels (what the pain feels like)"))
        self.quality.currentIndexChanged.connect(lambda i: toolbox.set_quality(self.quality.itemData(i)))
        size_caption = QLabel(tr(" Size "))
        size_caption.setBuddy(self.size)
        self.addWidget(size_caption)
        self.addWidget(self.size)
        self.addWidget(self.size_label)
        self.addSeparator()
        self.intensity_label = QLabel()
        self.intensity_label.setToolTip(tr("Pain intensity from 1 (mild) to 10 (worst imaginable); , and . change it"))
        self.addWidget(self.intensity_label)
        self.scale = IntensityScale()
        self.scale.picked.connect(toolbox.set_intensity)
        self.addWidget(self.scale)
        self.addSeparator()
        feels = QLabel(tr(" Feels "))
        feels.setBuddy(self.quality)
        self.addWidget(feels)
        self.addWidget(self.quality)
        toolbox.settings_changed.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        s = self.toolbox.settings
        if self.size.value() != round(s.radius):
            self.size.blockSignals(True)
            self.size.setValue(round(s.radius))
            self.size.blockSignals(False)
        self.intensity_label.setText(tr(" Intensity {value} ").format(value=s.intensity))
        self.size_label.setText(f"{brush_diameter(s.radius):g} mm")  # the stored radius stays the radius
        self.scale.set_value(s.intensity)
        index = self.quality.findData(s.quality)
        if index >= 0 and index != self.quality.currentIndex():
            self.quality.blockSignals(True)
            self.quality.setCurrentIndex(index)
            self.quality.blockSignals(False)
        self.changed.emit()


class StepName(QObject):
    """Names the step an Undo / Redo action would undo ("Undo stroke"); dies with the action."""

    def __init__(self, action: QAction, template: str) -> None:
        super().__init__(action)
        self.action, self.template = action, template  # e.g. "&Undo {step}", translated

    def show(self, text: str) -> None:
        self.action.setText(self.template.format(step=text).rstrip())


class ToolbarRows(QObject):
    """Keep every toolbar control in sight: the toolbars share one row while they fit the window's width, and a
    toolbar that would not fit starts a new row (instead of hiding its controls behind the overflow arrow).

    At 1280 px with the default font the toolbars fit one row; a larger system font or a narrower window wraps.
    The window calls `reflow()` on each resize and `placed()` on each move; `listen()` (after the first paint)
    follows its font. An event filter on the window before the first paint would make PySide build ~45 QEvent
    classes to name its events.
    """

    def __init__(self, window: QMainWindow, bars: list[QToolBar]) -> None:
        super().__init__(window)
        self.window, self.bars = window, bars
        for bar in bars:
            bar.setMovable(False)  # fixed places (no handles); the rows follow the window's width
        self.reflow()

    def placed(self) -> None:
        """The window has moved. Its first move comes as it is shown, after its first layout (with the rows of the
        default 640 px) and before its first resize: the rows set now are laid out by that resize, before the docks
        and the canvas are shown, so each is laid out once for the first paint. Set on that resize, they made Qt lay
        the window out again after its children had been laid out under the old rows. (Set before the first layout,
        the docks would share their height differently, by a pixel: the first layout decides how.)"""
        if not self.window.isVisible():
            self.reflow()

    def listen(self) -> None:
        """Reflow when the window's font changes, from now on."""
        self.window.installEventFilter(self)
        self.reflow()

    def rows(self) -> list[list[QToolBar]]:
        """The toolbars of each row, as they are placed now."""
        rows: list[list[QToolBar]] = [[]]
        for bar in self.bars:
            if rows[-1] and self.window.toolBarBreak(bar):
                rows.append([])
            rows[-1].append(bar)
        return rows

    def reflow(self) -> None:
        """Break rows where the next toolbar would not fit the window's width."""
        width = self.window.width()
        used = 0
        for k, bar in enumerate(self.bars):
            need = bar.sizeHint().width()
            wrap = k > 0 and used + need > width
            if wrap != self.window.toolBarBreak(bar):
                if wrap:
                    self.window.insertToolBarBreak(bar)
                else:
                    self.window.removeToolBarBreak(bar)
            used = need if wrap else used + need

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.FontChange:
            self.reflow()
        return False


def zoom_buttons(actions: list[QAction]) -> list[QToolButton]:
    """Flat buttons for the status bar's zoom controls (next to the zoom percentage)."""
    buttons = []
    for action in actions:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        set_enum(button, "toolButtonStyle", enum_free.TOOL_BUTTON_TEXT_ONLY)
        buttons.append(button)
    return buttons
