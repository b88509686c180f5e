"""PySide6 6.12.0 over-decrements None's refcount on Python 3.11 (every void-returning call).

The project pins around it; this test catches a broken build that slips through the pin.
"""

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject


def test_void_calls_do_not_eat_none_references():
    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(1000):
        obj.setObjectName(f"n{i}")
    after = sys.getrefcount(None)
    assert after >= before - 10, f"PySide6 {pyside_version} leaks None references ({before} -> {after})"


def test_broken_release_is_not_installed_on_311():
    if sys.version_info[:2] == (3, 11):
        assert pyside_version != "6.12.0"
