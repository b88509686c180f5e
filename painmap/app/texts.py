"""Texts shown to users by the panels and modes: guide lines, plain-language labels, the comparison note.

The shared words (metric labels, legend, the notice, percentages) come from painmap.vocabulary, the one
vocabulary of the app, the report and the command line; only app-specific lines are written here.

Facts come from the project's clinical notes (Travell & Simons; Leoni, Barbero et al. 2013; Barbero et al. 2017;
Kwon 2017; Njoo & van der Does 1994); the wording is ours. Nothing here diagnoses or recommends a treatment.
"""

from __future__ import annotations

from painmap import vocabulary


def escape(text: str) -> str:
    """HTML-escape &, <, > and quotes (the html module's import costs start-up time)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# One short line at the top of the window per mode.
GUIDE = {
    "patient": "Colour in where you feel pain — the list on the right shows which patterns look most alike.",
    "educator": "Pick a pattern to present. ←/→ step through its trigger points, F11 toggles full screen.",
    "quiz": "Shade the pattern named below from memory, then press Reveal to compare.",
}

MODE_NAMES = {"patient": "Patient", "educator": "Educator", "quiz": "Quiz"}
MODE_TIPS = {
    "patient": "Large, simple controls: shade your pain and see similar patterns",
    "educator": "Present patterns: trigger points one by one, large landmark labels, full screen",
    "quiz": "The pattern is hidden: shade it from memory, then reveal the difference and the score",
}

# Metric labels: (plain words for patients, technical words for educators), the project's one vocabulary.
_SHOWN_METRICS = ("score", "essential_coverage", "spillover_coverage", "outside_fraction")
METRIC_LABELS = {key: vocabulary.METRIC_LABELS[key] for key in _SHOWN_METRICS}
METRIC_TIPS = {
    "score": "One number from 0 to 100 % that ranks the patterns; the essential zone counts more than spillover",
    "essential_coverage": "Share of the pattern's essential (solid red) zone that your drawing covers",
    "spillover_coverage": "Share of the pattern's sometimes-also-here (stippled) zone that your drawing covers",
    "outside_fraction": "Share of your drawing that lies outside the pattern altogether",
}

SIDE_NAMES = {"left": "left", "right": "right", "both": "both sides", "": ""}
SIDE_CHOICES = (("auto", "Side found"), ("right", "Right"), ("left", "Left"), ("both", "Both"))

LEGEND = vocabulary.LEGEND

EMPTY_DRAWING = "Nothing shaded yet."
SHOW_PATTERN = ("Show a pattern", "Show pattern")  # (patients, educators)
MATCHES_WAITING = "Shade where you feel pain; the list then shows which patterns look alike."
LOADING = "Loading the patterns…"
NO_PATTERNS = "No patterns loaded."
QUIZ_HIDDEN = "Hidden until you press Reveal."
QUIZ_TASK = "Draw from memory: {name}"

ABOUT_COMPARISON = vocabulary.NOTICE
ABOUT_SOURCES = (
    "Leoni, Barbero et al. 2013; Barbero et al. 2017 (Pain Pract 17:176); Kwon 2017; "
    "Njoo & van der Does 1994 (Pain 58:317)."
)


percent = vocabulary.percent


def _items(title: str, items) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{escape(str(item))}</li>" for item in items)
    return f"<h3>{escape(title)}</h3><ul>{rows}</ul>"


def pattern_html(pattern) -> str:
    """The info panel's page for one pattern (a painmap.patterns.Pattern), as simple HTML."""
    kind = "muscle" if pattern.kind == "muscle" else "joint"
    parts = [f"<h2>{escape(pattern.name)}</h2>"]
    if pattern.summary:
        parts.append(f"<p>{escape(pattern.summary)}</p>")
    facts = []
    if pattern.action:
        facts.append(f"<b>What the {kind} does:</b> {escape(pattern.action)}")
    if pattern.innervation:
        facts.append(f"<b>Nerve supply:</b> {escape(pattern.innervation)}")
    if facts:
        parts.append("<p>" + "<br>".join(facts) + "</p>")
    if pattern.trigger_points:
        tps = [f"{tp.label or tp.id}: {tp.note}" if tp.note else (tp.label or tp.id) for tp in pattern.trigger_points]
        parts.append(_items("Trigger points (X)", tps))
    parts.append(_items("What tends to make it worse", pattern.aggravating))
    parts.append(_items("What can keep it going", pattern.perpetuating))
    parts.append(_items("What an examiner checks", pattern.examination))
    parts.append(_items("Look-alikes (muscles and conditions with a similar pattern)", pattern.differentials))
    parts.append(_items("Self-care often suggested", pattern.self_care))
    parts.append(_items("Sources", pattern.sources))
    parts.append(
        "<p><i>For information and teaching only: this does not diagnose anything or recommend a treatment.</i></p>"
    )
    return "".join(p for p in parts if p)


def about_html() -> str:
    """The 'About this comparison' note as HTML (the project's notice, painmap.vocabulary.NOTICE)."""
    note, sources = escape(ABOUT_COMPARISON), escape(ABOUT_SOURCES)
    title = escape(vocabulary.NOTICE_TITLE)
    return f"<h3>About this comparison</h3><p><b>{title}.</b> {note}</p><p><small>{sources}</small></p>"
