"""The plain words painmap uses with people, shared by the report, the command line's text output and the app.

One vocabulary everywhere: a result reads "How alike 28 %", not "Similarity score 0.28", on every surface.
Technical names (essential coverage, Dice, Jaccard) stay available for clinicians, each with a one-line
definition. Facts come from the project's clinical notes (Travell & Simons; Leoni, Barbero et al. 2013;
Barbero et al. 2017; IFOMPT red-flag framework, Finucane et al. 2020; Greenhalgh et al. 2018; NICE NG59);
the wording is ours. Nothing here diagnoses or recommends a treatment.

The constants are the English texts (the command line prints them as they are), marked with `QT_TR_NOOP` for
the core catalogue; the functions (`label`, `legend`, `notice`, `red_flags`, `glossary_terms`, …) give them in
the current language of `painmap.i18n` (English unless a window or `--lang` chose another).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from painmap.i18n import tr
from painmap.records import record

__all__ = [
    "BEST_MATCH",
    "EXTENT_LABEL",
    "EXTENT_LINE",
    "FOR_CLINICIANS",
    "GLOSSARY",
    "LANDMARK_WORDS",
    "LEGEND",
    "METRIC_DEFINITIONS",
    "METRIC_LABELS",
    "NOTHING_SHADED",
    "NOTICE",
    "NOTICE_TITLE",
    "NO_MATCH",
    "QUALITY_WORDS",
    "RANKING_TITLE",
    "RED_FLAGS",
    "REPEAT_OVERLAP",
    "SIDE_WORDS",
    "ZONE_WORDS",
    "RedFlags",
    "definition",
    "glossary_terms",
    "how_alike",
    "label",
    "landmark_word",
    "legend",
    "notice",
    "outside_text",
    "percent",
    "quality_word",
    "red_flag_lines",
    "red_flags",
    "side_words",
    "zone_word",
]

# --- results ---------------------------------------------------------------------------------------------------

# Metric labels: key -> (plain words for everyone, technical name for clinicians).
METRIC_LABELS: dict[str, tuple[str, str]] = {
    "score": (QT_TR_NOOP("How alike"), QT_TR_NOOP("Score (weighted Jaccard)")),
    "essential_coverage": (QT_TR_NOOP("Main pain area covered"), QT_TR_NOOP("Essential coverage")),
    "spillover_coverage": (QT_TR_NOOP("Sometimes-also-here area covered"), QT_TR_NOOP("Spillover coverage")),
    "precision": (QT_TR_NOOP("Your shading inside the pattern"), QT_TR_NOOP("Precision")),
    "outside_fraction": (QT_TR_NOOP("Your shading outside the pattern"), QT_TR_NOOP("Outside fraction")),
    "dice": (QT_TR_NOOP("Overlap (Dice)"), QT_TR_NOOP("Dice coefficient")),
    "jaccard": (QT_TR_NOOP("Overlap (Jaccard)"), QT_TR_NOOP("Jaccard index")),
}

# One line each, for the "for clinicians" part (D drawing, E essential, S spillover, P = E u S).
METRIC_DEFINITIONS: dict[str, str] = {
    "score": QT_TR_NOOP(
        "weighted Jaccard: essential pixels count 1, spillover 0.5, shading outside the pattern 1 (0-1)"
    ),
    "essential_coverage": QT_TR_NOOP("|D ∩ E| / |E|: share of the essential (solid red) zones that is shaded"),
    "spillover_coverage": QT_TR_NOOP("|D ∩ S| / |S|: share of the spillover (stippled) zones that is shaded"),
    "precision": QT_TR_NOOP("|D ∩ P| / |D|: share of the shading that falls on the pattern"),
    "outside_fraction": QT_TR_NOOP("|D \\ P| / |D| = 1 - precision: share of the shading outside the pattern"),
    "dice": QT_TR_NOOP("2|D ∩ P| / (|D| + |P|): Sørensen-Dice overlap of drawing and pattern (0-1)"),
    "jaccard": QT_TR_NOOP("|D ∩ P| / |D ∪ P|: Jaccard overlap of drawing and pattern (0-1)"),
}

# The pattern legend and the difference overlay: key -> (plain words, technical words).
LEGEND: dict[str, tuple[str, str]] = {
    "essential": (QT_TR_NOOP("Main pain area"), QT_TR_NOOP("Essential zone")),
    "spillover": (QT_TR_NOOP("Sometimes also here"), QT_TR_NOOP("Spillover zone")),
    "trigger_point": (QT_TR_NOOP("Trigger point"), QT_TR_NOOP("Trigger point (X)")),
    "matched": (QT_TR_NOOP("In both"), QT_TR_NOOP("Matched")),
    "missed": (QT_TR_NOOP("Pattern only"), QT_TR_NOOP("Missed (pattern)")),
    "extra": (QT_TR_NOOP("Drawing only"), QT_TR_NOOP("Extra (drawing)")),
    "landmark": (QT_TR_NOOP("Bony landmark"), QT_TR_NOOP("Bony landmark")),
}

SIDE_WORDS = {
    "left": QT_TR_NOOP("left side"),
    "right": QT_TR_NOOP("right side"),
    "both": QT_TR_NOOP("both sides"),
    "": "",
}

# Pain qualities (the drawing file's values, painmap.mark_vocabulary.QUALITIES) in words.
QUALITY_WORDS = {
    "aching": QT_TR_NOOP("aching"),
    "burning": QT_TR_NOOP("burning"),
    "stabbing": QT_TR_NOOP("stabbing"),
    "tingling": QT_TR_NOOP("tingling"),
    "numbness": QT_TR_NOOP("numbness"),
    "throbbing": QT_TR_NOOP("throbbing"),
    "cramping": QT_TR_NOOP("cramping"),
    "shooting": QT_TR_NOOP("shooting"),
    "dull": QT_TR_NOOP("dull"),
    "sharp": QT_TR_NOOP("sharp"),
}

# The atlas's body zones (painmap:zone in the chart SVGs) in words.
ZONE_WORDS = {
    "abdomen": QT_TR_NOOP("abdomen"),
    "arm": QT_TR_NOOP("arm"),
    "buttock": QT_TR_NOOP("buttock"),
    "chest": QT_TR_NOOP("chest"),
    "coccyx": QT_TR_NOOP("coccyx"),
    "flank": QT_TR_NOOP("flank"),
    "foot": QT_TR_NOOP("foot"),
    "front-knee": QT_TR_NOOP("front knee"),
    "front-thigh": QT_TR_NOOP("front thigh"),
    "greater-trochanter": QT_TR_NOOP("greater trochanter"),
    "groin": QT_TR_NOOP("groin"),
    "head-neck": QT_TR_NOOP("head neck"),
    "hip": QT_TR_NOOP("hip"),
    "iliac-crest": QT_TR_NOOP("iliac crest"),
    "knee": QT_TR_NOOP("knee"),
    "lower-leg": QT_TR_NOOP("lower leg"),
    "lower-thigh": QT_TR_NOOP("lower thigh"),
    "lumbar": QT_TR_NOOP("lumbar"),
    "lumbar-spine": QT_TR_NOOP("lumbar spine"),
    "pubic": QT_TR_NOOP("pubic"),
    "sacroiliac-joint": QT_TR_NOOP("sacroiliac joint"),
    "sacrum": QT_TR_NOOP("sacrum"),
    "shin": QT_TR_NOOP("shin"),
    "thoracic": QT_TR_NOOP("thoracic"),
    "upper-thigh": QT_TR_NOOP("upper thigh"),
}


def zone_word(zone: str) -> str:
    """A body zone id ('lower-thigh') in words of the current language ('lower thigh')."""
    return tr(ZONE_WORDS[zone]) if zone in ZONE_WORDS else zone.replace("-", " ")


EXTENT_LABEL = QT_TR_NOOP("Shaded")
EXTENT_LINE = QT_TR_NOOP("{percent} of the body chart is shaded")
BEST_MATCH = QT_TR_NOOP("Most alike")
RANKING_TITLE = QT_TR_NOOP("All patterns, most alike first")
NOTHING_SHADED = QT_TR_NOOP("Nothing is shaded, so no pattern can be compared.")
NO_MATCH = QT_TR_NOOP("No pattern overlaps this drawing.")
FOR_CLINICIANS = QT_TR_NOOP("For clinicians")


def label(key: str, technical: bool = False) -> str:
    """A metric's label in the current language: plain words, or (technical) its technical name."""
    return tr(METRIC_LABELS[key][1 if technical else 0])


def definition(key: str) -> str:
    """A metric's one-line definition in the current language."""
    return tr(METRIC_DEFINITIONS[key])


def legend(key: str, technical: bool = False) -> str:
    """A legend entry (essential, spillover, matched, …) in the current language."""
    return tr(LEGEND[key][1 if technical else 0])


def quality_word(quality: str) -> str:
    """A pain quality ('aching') in the current language; an unknown one as it is."""
    return tr(QUALITY_WORDS[quality]) if quality in QUALITY_WORDS else quality


def percent(value: float) -> str:
    """0.4567 -> '46 %'."""
    return f"{round(100 * value):d} %"


def side_words(side: str) -> str:
    """'right' -> 'right side', 'both' -> 'both sides' (in the current language)."""
    return tr(SIDE_WORDS[side]) if side in SIDE_WORDS else side


def how_alike(score: float) -> str:
    """The plain rendering of a score: 'How alike 28 %'."""
    return f"{label('score')} {percent(score)}"


# --- marks that do not count -------------------------------------------------------------------------------------


def outside_text(strokes: int, outlines: int = 0) -> str:
    """'9 strokes lie outside the body chart and are not counted.' ('' for none). Lassos are "outlines"; a mix of
    both is "marks": '3 marks (2 strokes and 1 outline) lie outside the body chart and are not counted.'"""
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

NOTICE_TITLE = QT_TR_NOOP("Not a diagnosis")
NOTICE = QT_TR_NOOP(
    "This compares a pain drawing with textbook maps of where muscles and joints often send pain. It does not "
    "say what causes the pain. Referred pain differs from person to person, and even the same person shading "
    "the same pain twice, minutes apart, overlaps with the first drawing by only about 60-75 % (Leoni et al. "
    "2013; Barbero et al. 2017), so no result here can confirm or rule out a cause. Take it to a clinician, "
    "who can examine you."
)
REPEAT_OVERLAP = QT_TR_NOOP(
    "People redrawing the same pain minutes apart overlap only by a Jaccard index of about 0.6-0.75 "
    "(Leoni et al. 2013; Barbero et al. 2017), so small changes are not meaningful."
)


def notice() -> str:
    """'Not a diagnosis. This compares …' in the current language."""
    return f"{tr(NOTICE_TITLE)}. {tr(NOTICE)}"


# --- red flags ---------------------------------------------------------------------------------------------------


@record(frozen=True)
class RedFlags:
    """The 'when to seek care now' text: the same for every pattern and every drawing."""

    title: str
    intro: str
    same_day: str
    same_day_signs: tuple[str, ...]
    soon: str
    soon_signs: tuple[str, ...]
    sources: str

    def __init__(
        self,
        title: str,
        intro: str,
        same_day: str,
        same_day_signs: tuple[str, ...],
        soon: str,
        soon_signs: tuple[str, ...],
        sources: str,
    ) -> None:
        set_field = object.__setattr__  # a frozen record's fields (painmap.records)
        set_field(self, "title", title)
        set_field(self, "intro", intro)
        set_field(self, "same_day", same_day)
        set_field(self, "same_day_signs", same_day_signs)
        set_field(self, "soon", soon)
        set_field(self, "soon_signs", soon_signs)
        set_field(self, "sources", sources)


RED_FLAGS = RedFlags(
    title=QT_TR_NOOP("When to get medical help now"),
    intro=QT_TR_NOOP(
        "No pain pattern explains these signs. They are uncommon, but they need a doctor, whatever the drawing shows."
    ),
    same_day=QT_TR_NOOP("The same day (call your doctor or an urgent care service):"),
    same_day_signs=(
        QT_TR_NOOP("numbness or a changed feeling between the legs, around the buttocks or genitals"),
        QT_TR_NOOP("new trouble passing or holding urine, or losing control of the bowel"),
        QT_TR_NOOP("new problems with sexual function"),
        QT_TR_NOOP("pain running down both legs, or leg weakness that is getting worse"),
    ),
    soon=QT_TR_NOOP("Soon (see a doctor within days):"),
    soon_signs=(
        QT_TR_NOOP("a past history of cancer"),
        QT_TR_NOOP("weight loss you cannot explain"),
        QT_TR_NOOP("fever, or feeling generally unwell"),
        QT_TR_NOOP("pain after a fall or injury (or a minor one if your bones are thin)"),
        QT_TR_NOOP("constant pain that rest or changing position does not ease, especially at night"),
    ),
    sources=(  # references stay as published
        "Finucane et al. 2020, J Orthop Sports Phys Ther 50:350 (IFOMPT red flags); Greenhalgh et al. 2018, "
        "Musculoskelet Sci Pract 37:69 (cauda equina); NICE NG59 (2016)."
    ),
)


def red_flags() -> RedFlags:
    """The red-flag text in the current language."""
    f = RED_FLAGS
    return RedFlags(
        tr(f.title), tr(f.intro), tr(f.same_day), tuple(tr(s) for s in f.same_day_signs), tr(f.soon),
        tuple(tr(s) for s in f.soon_signs), f.sources,
    )  # fmt: skip


def red_flag_lines() -> list[str]:
    """The red-flag text as plain lines (command line, plain-text exports), in the current language."""
    flags = red_flags()
    lines = [flags.title, flags.intro, flags.same_day]
    lines += [f"  - {sign}" for sign in flags.same_day_signs]
    lines.append(flags.soon)
    lines += [f"  - {sign}" for sign in flags.soon_signs]
    lines.append(tr(QT_TR_NOOP("Sources: {sources}")).format(sources=flags.sources))
    return lines


# --- glossary of landmark terms ------------------------------------------------------------------------------------

# Landmark and zone terms in plain words (positions after the project's clinical notes), longest names first
# where a short one is part of a longer one.
GLOSSARY: dict[str, str] = {
    "Iliac crest": QT_TR_NOOP(
        "the curved top edge of the pelvis that you feel under your hands when they rest on your hips"
    ),
    "Iliac crest summit": QT_TR_NOOP("the highest point of that edge; it lies level with the 4th lumbar vertebra"),
    "PSIS": QT_TR_NOOP(
        "posterior superior iliac spine: the back end of the iliac crest, under the dimple low on each side of the back"
    ),
    "ASIS": QT_TR_NOOP(
        "anterior superior iliac spine: the front end of the iliac crest, the bony point at the front of the hip"
    ),
    "SI joint": QT_TR_NOOP(
        "sacroiliac joint: where the sacrum meets the pelvis on each side, just inside the PSIS dimples"
    ),
    "Sacrum": QT_TR_NOOP("the flat triangular bone at the base of the spine, between the two halves of the pelvis"),
    "Coccyx": QT_TR_NOOP("the tailbone: the small tip of the spine below the sacrum"),
    "Ischial tuberosity": QT_TR_NOOP(
        "the 'sitting bone': the bony point at the bottom of each buttock that you sit on"
    ),
    "Greater trochanter": QT_TR_NOOP("the bony bump on the outside of the hip, at the top of the thigh bone"),
    "L1-L5": QT_TR_NOOP("the five lumbar vertebrae of the lower back, counted from the top (L1) to the bottom (L5)"),
    "Gluteal fold": QT_TR_NOOP("the skin crease under each buttock"),
    "Trigger point": QT_TR_NOOP("a tender, tight spot in a muscle that can send pain to another place"),
}

# The chart's landmark labels and glossary terms as words to translate (the atlas SVGs hold them in English).
LANDMARK_WORDS = (
    QT_TR_NOOP("Iliac crest"),
    QT_TR_NOOP("Iliac crest summit"),
    QT_TR_NOOP("PSIS"),
    QT_TR_NOOP("ASIS"),
    QT_TR_NOOP("SI joint"),
    QT_TR_NOOP("Sacrum"),
    QT_TR_NOOP("Coccyx"),
    QT_TR_NOOP("Ischial tuberosity"),
    QT_TR_NOOP("Greater trochanter"),
    QT_TR_NOOP("L1-L5"),
    QT_TR_NOOP("Gluteal fold"),
    QT_TR_NOOP("Trigger point"),
    QT_TR_NOOP("Lateral femoral condyle"),
    QT_TR_NOOP("Lateral malleolus"),
    QT_TR_NOOP("Patella"),
    QT_TR_NOOP("Pubic symphysis"),
)


def landmark_word(text: str) -> str:
    """A landmark label of the chart ('Greater trochanter') in the current language; a capitalised label is
    looked up as it is and with its first letter raised ('sacrum' -> 'Sacrum')."""
    translated = tr(text)
    if translated == text and text[:1].islower():
        raised = text[:1].upper() + text[1:]
        if tr(raised) != raised:
            return tr(raised)
    return translated


def glossary_terms(labels: list[str] | None = None) -> list[tuple[str, str]]:
    """(term, meaning) pairs in the current language; with `labels` (the chart's landmark labels, in English)
    only the terms they use."""
    if labels is None:
        return [(tr(term), tr(meaning)) for term, meaning in GLOSSARY.items()]
    shown = {label.strip().lower() for label in labels}
    out = []
    for term, meaning in GLOSSARY.items():
        key = term.lower()
        if key == "l1-l5":
            used = any(s in ("l1", "l2", "l3", "l4", "l5") for s in shown)
        else:
            used = key in shown or any(key in s for s in shown)
        if used:
            out.append((tr(term), tr(meaning)))
    return out
