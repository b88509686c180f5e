"""The plain words painmap uses with people, shared by the report, the command line's text output and the app.

One vocabulary everywhere: a result reads "How alike 28 %", not "Similarity score 0.28", on every surface.
Technical names (essential coverage, Dice, Jaccard) stay available for clinicians, each with a one-line
definition. Facts come from the project's clinical notes (Travell & Simons; Leoni, Barbero et al. 2013;
Barbero et al. 2017; IFOMPT red-flag framework, Finucane et al. 2020; Greenhalgh et al. 2018; NICE NG59);
the wording is ours. Nothing here diagnoses or recommends a treatment.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BEST_MATCH",
    "EXTENT_LABEL",
    "EXTENT_LINE",
    "FOR_CLINICIANS",
    "GLOSSARY",
    "LEGEND",
    "METRIC_DEFINITIONS",
    "METRIC_LABELS",
    "NOTHING_SHADED",
    "NOTICE",
    "NOTICE_TITLE",
    "NO_MATCH",
    "RANKING_TITLE",
    "RED_FLAGS",
    "REPEAT_OVERLAP",
    "SIDE_WORDS",
    "RedFlags",
    "glossary_terms",
    "how_alike",
    "outside_text",
    "percent",
    "red_flag_lines",
    "side_words",
]

# --- results ---------------------------------------------------------------------------------------------------

# Metric labels: key -> (plain words for everyone, technical name for clinicians).
METRIC_LABELS: dict[str, tuple[str, str]] = {
    "score": ("How alike", "Score (weighted Jaccard)"),
    "essential_coverage": ("Main pain area covered", "Essential coverage"),
    "spillover_coverage": ("Sometimes-also-here area covered", "Spillover coverage"),
    "precision": ("Your shading inside the pattern", "Precision"),
    "outside_fraction": ("Your shading outside the pattern", "Outside fraction"),
    "dice": ("Overlap (Dice)", "Dice coefficient"),
    "jaccard": ("Overlap (Jaccard)", "Jaccard index"),
}

# One line each, for the "for clinicians" part (D drawing, E essential, S spillover, P = E u S).
METRIC_DEFINITIONS: dict[str, str] = {
    "score": "weighted Jaccard: essential pixels count 1, spillover 0.5, shading outside the pattern 1 (0-1)",
    "essential_coverage": "|D ∩ E| / |E|: share of the essential (solid red) zones that is shaded",
    "spillover_coverage": "|D ∩ S| / |S|: share of the spillover (stippled) zones that is shaded",
    "precision": "|D ∩ P| / |D|: share of the shading that falls on the pattern",
    "outside_fraction": "|D \\ P| / |D| = 1 - precision: share of the shading outside the pattern",
    "dice": "2|D ∩ P| / (|D| + |P|): Sørensen-Dice overlap of drawing and pattern (0-1)",
    "jaccard": "|D ∩ P| / |D ∪ P|: Jaccard overlap of drawing and pattern (0-1)",
}

# The pattern legend and the difference overlay: key -> (plain words, technical words).
LEGEND: dict[str, tuple[str, str]] = {
    "essential": ("Main pain area", "Essential zone"),
    "spillover": ("Sometimes also here", "Spillover zone"),
    "trigger_point": ("Trigger point", "Trigger point (X)"),
    "matched": ("In both", "Matched"),
    "missed": ("Pattern only", "Missed (pattern)"),
    "extra": ("Drawing only", "Extra (drawing)"),
    "landmark": ("Bony landmark", "Bony landmark"),
}

SIDE_WORDS = {"left": "left side", "right": "right side", "both": "both sides", "": ""}

EXTENT_LABEL = "Shaded"
EXTENT_LINE = "{percent} of the body chart is shaded"
BEST_MATCH = "Most alike"
RANKING_TITLE = "All patterns, most alike first"
NOTHING_SHADED = "Nothing is shaded, so no pattern can be compared."
NO_MATCH = "No pattern overlaps this drawing."
FOR_CLINICIANS = "For clinicians"


def percent(value: float) -> str:
    """0.4567 -> '46 %'."""
    return f"{round(100 * value):d} %"


def side_words(side: str) -> str:
    """'right' -> 'right side', 'both' -> 'both sides'."""
    return SIDE_WORDS.get(side, side)


def how_alike(score: float) -> str:
    """The plain rendering of a score: 'How alike 28 %'."""
    return f"{METRIC_LABELS['score'][0]} {percent(score)}"


# --- marks that do not count -------------------------------------------------------------------------------------


def outside_text(strokes: int, outlines: int = 0) -> str:
    """'9 strokes lie outside the body chart and are not counted.' ('' for none). Lassos are "outlines"; a mix of
    both is "marks": '3 marks (2 strokes and 1 outline) lie outside the body chart and are not counted.'"""
    from painmap.i18n import tr

    s, o = max(0, strokes), max(0, outlines)
    if s == 0 and o == 0:
        return ""
    if o == 0:
        text = (
            tr("1 stroke lies outside the body chart and is not counted.")
            if s == 1
            else tr("{n} strokes lie outside the body chart and are not counted.")
        )
    elif s == 0:
        text = (
            tr("1 outline lies outside the body chart and is not counted.")
            if o == 1
            else tr("{n} outlines lie outside the body chart and are not counted.")
        )
    else:
        text = {
            (True, True): tr("{n} marks (1 stroke and 1 outline) lie outside the body chart and are not counted."),
            (True, False): tr("{n} marks (1 stroke and {o} outlines) lie outside the body chart and are not counted."),
            (False, True): tr("{n} marks ({s} strokes and 1 outline) lie outside the body chart and are not counted."),
            (False, False): tr(
                "{n} marks ({s} strokes and {o} outlines) lie outside the body chart and are not counted."
            ),
        }[(s == 1, o == 1)]
    return text.format(n=s + o, s=s, o=o)


# --- the notice --------------------------------------------------------------------------------------------------

NOTICE_TITLE = "Not a diagnosis"
NOTICE = (
    "This compares a pain drawing with textbook maps of where muscles and joints often send pain. It does not "
    "say what causes the pain. Referred pain differs from person to person, and even the same person shading "
    "the same pain twice, minutes apart, overlaps with the first drawing by only about 60-75 % (Leoni et al. "
    "2013; Barbero et al. 2017), so no result here can confirm or rule out a cause. Take it to a clinician, "
    "who can examine you."
)
REPEAT_OVERLAP = (
    "People redrawing the same pain minutes apart overlap only by a Jaccard index of about 0.6-0.75 "
    "(Leoni et al. 2013; Barbero et al. 2017), so small changes are not meaningful."
)

# --- red flags ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RedFlags:
    """The 'when to seek care now' text: the same for every pattern and every drawing."""

    title: str
    intro: str
    same_day: str
    same_day_signs: tuple[str, ...]
    soon: str
    soon_signs: tuple[str, ...]
    sources: str


RED_FLAGS = RedFlags(
    title="When to get medical help now",
    intro="No pain pattern explains these signs. They are uncommon, but they need a doctor, whatever the "
    "drawing shows.",
    same_day="The same day (call your doctor or an urgent care service):",
    same_day_signs=(
        "numbness or a changed feeling between the legs, around the buttocks or genitals",
        "new trouble passing or holding urine, or losing control of the bowel",
        "new problems with sexual function",
        "pain running down both legs, or leg weakness that is getting worse",
    ),
    soon="Soon (see a doctor within days):",
    soon_signs=(
        "a past history of cancer",
        "weight loss you cannot explain",
        "fever, or feeling generally unwell",
        "pain after a fall or injury (or a minor one if your bones are thin)",
        "constant pain that rest or changing position does not ease, especially at night",
    ),
    sources=(
        "Finucane et al. 2020, J Orthop Sports Phys Ther 50:350 (IFOMPT red flags); Greenhalgh et al. 2018, "
        "Musculoskelet Sci Pract 37:69 (cauda equina); NICE NG59 (2016)."
    ),
)


def red_flag_lines() -> list[str]:
    """The red-flag text as plain lines (command line, plain-text exports)."""
    lines = [RED_FLAGS.title, RED_FLAGS.intro, RED_FLAGS.same_day]
    lines += [f"  - {sign}" for sign in RED_FLAGS.same_day_signs]
    lines.append(RED_FLAGS.soon)
    lines += [f"  - {sign}" for sign in RED_FLAGS.soon_signs]
    lines.append(f"Sources: {RED_FLAGS.sources}")
    return lines


# --- glossary of landmark terms ------------------------------------------------------------------------------------

# Landmark and zone terms in plain words (positions after the project's clinical notes), longest names first
# where a short one is part of a longer one.
GLOSSARY: dict[str, str] = {
    "Iliac crest": "the curved top edge of the pelvis that you feel under your hands when they rest on your hips",
    "Iliac crest summit": "the highest point of that edge; it lies level with the 4th lumbar vertebra",
    "PSIS": "posterior superior iliac spine: the back end of the iliac crest, under the dimple low on each "
    "side of the back",
    "ASIS": "anterior superior iliac spine: the front end of the iliac crest, the bony point at the front of the hip",
    "SI joint": "sacroiliac joint: where the sacrum meets the pelvis on each side, just inside the PSIS dimples",
    "Sacrum": "the flat triangular bone at the base of the spine, between the two halves of the pelvis",
    "Coccyx": "the tailbone: the small tip of the spine below the sacrum",
    "Ischial tuberosity": "the 'sitting bone': the bony point at the bottom of each buttock that you sit on",
    "Greater trochanter": "the bony bump on the outside of the hip, at the top of the thigh bone",
    "L1-L5": "the five lumbar vertebrae of the lower back, counted from the top (L1) to the bottom (L5)",
    "Gluteal fold": "the skin crease under each buttock",
    "Trigger point": "a tender, tight spot in a muscle that can send pain to another place",
}


def glossary_terms(labels: list[str] | None = None) -> list[tuple[str, str]]:
    """(term, meaning) pairs; with `labels` (e.g. the chart's landmark labels) only the terms they use."""
    if labels is None:
        return list(GLOSSARY.items())
    shown = {label.strip().lower() for label in labels}
    out = []
    for term, meaning in GLOSSARY.items():
        key = term.lower()
        if key == "l1-l5":
            used = any(s in ("l1", "l2", "l3", "l4", "l5") for s in shown)
        else:
            used = key in shown or any(key in s for s in shown)
        if used:
            out.append((term, meaning))
    return out
