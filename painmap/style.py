"""Colours and hatches shared by the Qt canvas and the matplotlib figures, so both speak one visual language.

Travell & Simons convention: essential zone solid red, spillover red stippling, X at each trigger point.
The pain drawing uses a single-hue blue scale (ColorBrewer "Blues", sequential, colour-blind safe), so it
never competes with the red pattern. Difference overlays use Okabe-Ito colours plus distinct hatches, so
they read without colour (grey-scale print, colour-blind viewers).
"""

from __future__ import annotations

__all__ = [
    "BONE",
    "CREASE",
    "ESSENTIAL",
    "ESSENTIAL_ALPHA",
    "EXTRA",
    "EXTRA_HATCH",
    "FREQUENCY_CMAP",
    "INTENSITY_COLORS",
    "LANDMARK",
    "MATCHED",
    "MATCHED_HATCH",
    "MISSED",
    "MISSED_HATCH",
    "MUSCLE",
    "OUTLINE",
    "SIDE_MARKER",
    "SKIN",
    "SPILLOVER",
    "SPILLOVER_HATCH",
    "TRIGGER_POINT",
]

# Referral patterns
ESSENTIAL = "#c8102e"  # solid red
SPILLOVER = "#c8102e"  # the same red, drawn as stipple dots
TRIGGER_POINT = "#111111"  # black X
SPILLOVER_HATCH = "...."  # matplotlib hatch for stippling
ESSENTIAL_ALPHA = 0.55

# Pain intensity 1..10 (index 0 unused): light to dark blue.
INTENSITY_COLORS = (
    "#00000000",
    "#a6cee4",
    "#8dc1dd",
    "#72b2d8",
    "#5ba3d0",
    "#4594c7",
    "#3383be",
    "#2070b4",
    "#135fa7",
    "#084e98",
    "#083c7d",
)

# Difference of a drawing against a pattern (Okabe-Ito), each with its own hatch.
MATCHED = "#009e73"  # bluish green, solid
MISSED = "#e69f00"  # orange, diagonal hatch: the pattern has it, the drawing does not
EXTRA = "#cc79a7"  # reddish purple, cross hatch: the drawing has it, the pattern does not
MATCHED_HATCH = ""
MISSED_HATCH = "////"
EXTRA_HATCH = "xx"

# Body chart
SKIN = "#f4ede6"
OUTLINE = "#4a4038"
BONE = "#8c7f73"
MUSCLE = "#b9a99a"
CREASE = "#9c8f84"
LANDMARK = "#2b5d8a"
SIDE_MARKER = "#1f1f1f"

# Frequency maps: perceptually uniform sequential colour map (matplotlib name).
FREQUENCY_CMAP = "viridis"
