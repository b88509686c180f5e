"""PySide's support modules from painmap's code cache (painmap.app.pyside_code_cache, D93).

Each case starts a new interpreter: shiboken compiles its support package only at the first PySide import of a
process. The child counts the support modules that reached the real `compile()`.
"""

from __future__ import annotations
import __future__

import json
import os
import subprocess
import sys
import textwrap

import pytest

from painmap.app import pyside_code_cache
from painmap.app.pyside_code_cache import PREFIX, support_code_cached

CHILD = textwrap.dedent(
    f"""
    import builtins, json
    real, compiled, other = builtins.compile, [], []

    def counting(source, filename, mode, *args, **kwargs):
        (compiled if str(filename).startswith({PREFIX!r}) else other).append(str(filename))
        return real(source, filename, mode, *args, **kwargs)

    builtins.compile = counting
    from painmap.app.pyside_code_cache import support_code_cached
    with support_code_cached():
        import PySide6.QtCore
        inside = eval(compile("6 * 7", "<inside>", "eval"))  # another caller's compile, in the block
    builtins.compile = real
    try:
        PySide6.QtCore.QObject().setObjectName(1)
    except TypeError as err:
        message = str(err)  # written by shibokensupport's modules
    print(json.dumps({{"compiled": compiled, "other": other, "inside": inside, "message": message,
                      "restored": builtins.compile is real}}))
    """
)


def _start(tmp_path, **env) -> dict:
    child_env = {k: v for k, v in os.environ.items() if k != "PAINMAP_NO_CACHE"}
    child_env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), QT_QPA_PLATFORM="offscreen", **env)
    out = subprocess.run([sys.executable, "-c", CHILD], env=child_env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.splitlines()[-1])


def _cache_file(tmp_path):
    return tmp_path / "cache" / "painmap" / pyside_code_cache.cache_path().name


@pytest.fixture(scope="module")
def uncached(tmp_path_factory) -> dict:
    """A start with the caches off: what PySide does by itself."""
    return _start(tmp_path_factory.mktemp("nocache"), PAINMAP_NO_CACHE="1")


def test_a_second_start_compiles_none_of_the_support_modules(tmp_path, uncached):
    first = _start(tmp_path)
    assert first["compiled"], "the first start compiles PySide's support modules"
    assert _cache_file(tmp_path).is_file()
    second = _start(tmp_path)
    assert second["compiled"] == []
    assert second["message"] == first["message"] == uncached["message"]  # the support code works as compiled
    assert second["inside"] == 42 and "<inside>" in second["other"]  # other compiles pass through
    assert second["restored"]


def test_the_code_is_compiled_with_the_callers_future_flags(tmp_path, monkeypatch):
    """As the builtin: a support module compiled where `from __future__ import annotations` is not in force keeps
    its annotations as objects; where it is in force (here, and in shiboken's importer), they are strings. The
    module that wraps `compile()` has it in force, so a wrapper that compiled in its own frame would differ."""
    import builtins

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("PAINMAP_NO_CACHE", raising=False)
    plain: dict = {}  # a caller compiled without future flags
    exec(compile("def call(c, name): return c('def f(a: int): pass', name, 'exec')", "<plain>", "exec", 0, True), plain)
    without, here = {}, {}
    with support_code_cached():
        exec(plain["call"](builtins.compile, f"{PREFIX}plain.py"), without)
        exec(compile("def f(a: int): pass", f"{PREFIX}here.py", "exec"), here)
        passed = plain["call"](builtins.compile, "<other>")
    assert without["f"].__annotations__ == {"a": int}
    assert here["f"].__annotations__ == {"a": "int"}
    assert not passed.co_flags & __future__.annotations.compiler_flag  # a passed-through call too


def test_the_caches_off_writes_nothing(tmp_path, uncached):
    assert uncached["compiled"]
    result = _start(tmp_path, PAINMAP_NO_CACHE="1")
    assert result["compiled"] == uncached["compiled"]
    assert not (tmp_path / "cache").exists()


def test_a_broken_cache_file_is_compiled_over(tmp_path):
    _cache_file(tmp_path).parent.mkdir(parents=True)
    _cache_file(tmp_path).write_bytes(b"\x00not marshal data")
    assert _start(tmp_path)["compiled"]
    assert _start(tmp_path)["compiled"] == []


def test_a_changed_source_is_compiled_again(tmp_path):
    """An entry whose key no longer matches (PySide upgraded) is not used, and is dropped from the file."""
    import marshal

    first = _start(tmp_path)
    magic, form, entries = marshal.loads(_cache_file(tmp_path).read_bytes())
    stale = {f"{key}-old": code for key, code in entries.items()}
    _cache_file(tmp_path).write_bytes(marshal.dumps((magic, form, stale)))
    assert _start(tmp_path)["compiled"] == first["compiled"]
    assert set(marshal.loads(_cache_file(tmp_path).read_bytes())[2]) == set(entries)
    _cache_file(tmp_path).write_bytes(marshal.dumps((magic, form - 1, entries)))  # an older painmap's file
    assert _start(tmp_path)["compiled"] == first["compiled"]


def test_an_unwritable_cache_folder_only_costs_the_compile(tmp_path):
    (tmp_path / "cache").write_text("a file where the folder should be")
    assert _start(tmp_path)["compiled"]


def test_outside_a_pyside_start_nothing_is_cached(tmp_path, monkeypatch):
    """PySide is imported in this process already: the block compiles nothing of it and writes no file."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("PAINMAP_NO_CACHE", raising=False)
    real = compile
    with support_code_cached():
        import PySide6.QtCore  # noqa: F401

        assert eval(compile("1 + 1", "<test>", "eval")) == 2
    assert compile is real
    assert not (tmp_path / "painmap").exists()
