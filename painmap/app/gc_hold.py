"""Python's cyclic garbage collector held off while the app starts (decision D83).

Start-up creates ~44,000 long-lived tracked objects (modules, classes, Qt wrappers, the engine) and almost no cyclic
garbage: before the first ranking the collector ran 99 times, for 13-17 ms, and found ~400 cyclic objects.
`hold()` turns it off when the app begins; `release()` moves everything made so far to the permanent generation
(`gc.freeze`: later collections do not walk it again) and turns the collector back on. `release()` is called
once the session has taken over (the drawing is ranked), when start-up fails or stops, and when the app ends;
only the first call after `hold()` acts.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Turn the collector off until `release()` (a no-op if it is off already)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Freeze what start-up made and turn the collector on again, if `hold()` turned it off."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def held() -> bool:
    """True between `hold()` and `release()`."""
    return _held
