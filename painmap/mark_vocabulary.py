"""What a mark may say, without dataclasses or numpy: the pain qualities and the intensity range.

`painmap.drawing_model` re-exports them; the app's brush controls use them before its first paint.
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
