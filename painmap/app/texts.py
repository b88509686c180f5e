"""Texts shown to users by the panels and modes: guide lines, plain-language labels, the comparison note.

The shared words (metric labels, legend, the notice, percentages) come from painmap.vocabulary, the one
vocabulary of the app, the report and the command line; only app-specific lines are written here. The constants
are English, marked with `QT_TR_NOOP` (translate them where they are shown, with `tr`); the functions give their
text in the window's language, a pattern's texts through painmap.pattern_texts.

Facts come from the project's clinical notes (Travell & Simons; Leoni, Barbero et al. 2013; Barbero et al. 2017;
Kwon 2017; Njoo & van der Does 1994); the wording is ours. Nothing here diagnoses or recommends a treatment.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from painmap.app.i18n import tr


def escape(text: str) -> str:
    """HTML-escape &, <, > and quotes (the html module's import costs start-up time)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# One short line at the top of the window per mode.
GUIDE = {
    "patient": QT_TR_NOOP(
        "Colour in where you feel pain — the list on the right shows which patterns look most alike."
    ),
    "educator": QT_TR_NOOP("Pick a pattern to present. ←/→ step through its trigger points, F11 toggles full screen."),
    "quiz": QT_TR_NOOP("Shade the pattern named below from memory, then press Reveal to compare."),
}

MODE_NAMES = {"patient": QT_TR_NOOP("Patient"), "educator": QT_TR_NOOP("Educator"), "quiz": QT_TR_NOOP("Quiz")}
MODE_TIPS = {
    "patient": QT_TR_NOOP("Large, simple controls: shade your pain and see similar patterns"),
    "educator": QT_TR_NOOP("Present patterns: trigger points one by one, large landmark labels, full screen"),
    "quiz": QT_TR_NOOP("The pattern is hidden: shade it from memory, then reveal the difference and the score"),
}

# Metric labels: (plain words for patients, technical words for educators), the project's one vocabulary.
_SHOWN_METRICS = ("score", "essential_coverage", "spillover_coverage", "outside_fraction")
METRIC_TIPS = {
    "score": QT_TR_NOOP(
        "One number from 0 to 100 % that ranks the patterns; the essential zone counts more than spillover"
    ),
    "essential_coverage": QT_TR_NOOP("Share of the pattern's essential (solid red) zone that your drawing covers"),
    "spillover_coverage": QT_TR_NOOP(
        "Share of the pattern's sometimes-also-here (stippled) zone that your drawing covers"
    ),
    "outside_fraction": QT_TR_NOOP("Share of your drawing that lies outside the pattern altogether"),
}

SIDE_NAMES = {"left": QT_TR_NOOP("left"), "right": QT_TR_NOOP("right"), "both": QT_TR_NOOP("both sides"), "": ""}
SIDE_CHOICES = (
    ("auto", QT_TR_NOOP("Side found")),
    ("right", QT_TR_NOOP("Right")),
    ("left", QT_TR_NOOP("Left")),
    ("both", QT_TR_NOOP("Both")),
)

EMPTY_DRAWING = QT_TR_NOOP("Nothing shaded yet.")
SHOW_PATTERN = (QT_TR_NOOP("Show a pattern"), QT_TR_NOOP("Show pattern"))  # (patients, educators)
MATCHES_WAITING = QT_TR_NOOP("Shade where you feel pain; the list then shows which patterns look alike.")
LOADING = QT_TR_NOOP("Loading the patterns…")
NO_PATTERNS = QT_TR_NOOP("No patterns loaded.")
QUIZ_HIDDEN = QT_TR_NOOP("Hidden until you press Reveal.")
QUIZ_TASK = QT_TR_NOOP("Draw from memory: {name}")

ABOUT_SOURCES = (
    "Leoni, Barbero et al. 2013; Barbero et al. 2017 (Pain Pract 17:176); Kwon 2017; "
    "Njoo & van der Does 1994 (Pain 58:317)."
)


def __getattr__(name: str):
    """`METRIC_LABELS`, `LEGEND`, `ABOUT_COMPARISON` (the notice) and `percent`: painmap.vocabulary's, imported
    on first use, as the panels fill in after the first paint (the modes' guide lines above are shown in it, and
    vocabulary's import, with dataclasses, costs it ~2 ms)."""
    if name not in ("METRIC_LABELS", "LEGEND", "ABOUT_COMPARISON", "percent"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from painmap import vocabulary

    shared = {
        "METRIC_LABELS": {key: vocabulary.METRIC_LABELS[key] for key in _SHOWN_METRICS},
        "LEGEND": vocabulary.LEGEND,
        "ABOUT_COMPARISON": vocabulary.NOTICE,
        "percent": vocabulary.percent,
    }
    globals().update(shared)
    return shared[name]


def _items(title: str, items) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{escape(str(item))}</li>" for item in items)
    return f"<h3>{escape(title)}</h3><ul>{rows}</ul>"


def pattern_html(pattern) -> str:
    """The info panel's page for one pattern (a painmap.patterns.Pattern), as simple HTML, in the window's
    language (the pattern's own translation where it has one, else its English texts)."""
    from painmap.pattern_texts import localized

    pattern = localized(pattern)
    parts = [f"<h2>{escape(pattern.name)}</h2>"]
    if pattern.summary:
        parts.append(f"<p>{escape(pattern.summary)}</p>")
    facts = []
    if pattern.action:
        does = tr("What the muscle does:") if pattern.kind == "muscle" else tr("What the joint does:")
        facts.append(f"<b>{escape(does)}</b> {escape(pattern.action)}")
    if pattern.innervation:
        nerve = tr("Nerve supply:")
        facts.append(f"<b>{escape(nerve)}</b> {escape(pattern.innervation)}")
    if facts:
        parts.append("<p>" + "<br>".join(facts) + "</p>")
    if pattern.trigger_points:
        tps = [f"{tp.label or tp.id}: {tp.note}" if tp.note else (tp.label or tp.id) for tp in pattern.trigger_points]
        parts.append(_items(tr("Trigger points (X)"), tps))
    parts.append(_items(tr("What tends to make it worse"), pattern.aggravating))
    parts.append(_items(tr("What can keep it going"), pattern.perpetuating))
    parts.append(_items(tr("What an examiner checks"), pattern.examination))
    parts.append(_items(tr("Look-alikes (muscles and conditions with a similar pattern)"), pattern.differentials))
    parts.append(_items(tr("Self-care often suggested"), pattern.self_care))
    parts.append(_items(tr("Sources"), pattern.sources))
    only = tr("For information and teaching only: this does not diagnose anything or recommend a treatment.")
    parts.append(f"<p><i>{escape(only)}</i></p>")
    return "".join(p for p in parts if p)


def about_html() -> str:
    """The 'About this comparison' note as HTML (the project's notice, painmap.vocabulary.NOTICE)."""
    from painmap import vocabulary

    note, sources = escape(tr(vocabulary.NOTICE)), escape(ABOUT_SOURCES)
    title, heading = escape(tr(vocabulary.NOTICE_TITLE)), escape(tr("About this comparison"))
    return f"<h3>{heading}</h3><p><b>{title}.</b> {note}</p><p><small>{sources}</small></p>"
