"""The drawing's vocabulary without numpy: pain qualities and the intensity range.

The app's window builds its brush controls from these before the engine (numpy, the atlas) has loaded.
"""

from __future__ import annotations

__all__ = ["DEFAULT_QUALITY", "INTENSITY_RANGE", "QUALITIES"]

# Pain qualities a mark may carry (documented in docs/format.md).
QUALITIES = (
    "aching",
    "burning",
    "stabbing",
    "tingling",
    "numbness",
    "throbbing",
    "cramping",
    "shooting",
    "dull",
    "sharp",
)
DEFAULT_QUALITY = "aching"
INTENSITY_RANGE = (1, 10)
