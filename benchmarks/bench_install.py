"""Installed painmap against the checkout, same run: sizes, and whole-process start-up of each.

Three installations of the same tree: the checkout (`.venv`, editable), the wheel (built from a clean copy,
installed byte-compiled into a fresh venv that borrows `.venv`'s dependencies) and the standalone bundle in
dist/painmap/ (only when `./dev bundle` has built it). Each is timed, interleaved with the others, for
`--version`; the checkout and the wheel also for the main window's first paint and for the engine ready
(benchmarks/startup_probe.py run by that installation's Python, offscreen; a bundle cannot be probed).
Sizes: the wheel file, the installed package (painmap's folder and its
dist-info in site-packages), the bundle folder.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from install_helpers import build_and_install  # noqa: E402

ROUNDS = int(os.environ.get("PAINMAP_BENCH_ROUNDS", "7"))
BUNDLE = ROOT / "dist" / "painmap" / "painmap"


def _size(path: Path) -> int:
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()] if path.is_dir() else [path]
    return sum(p.stat().st_size for p in files)


PROBE = str(Path(__file__).with_name("startup_probe.py"))


def _timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    env = dict(env, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def test_installed_sizes_and_startup(benchmark, tmp_path):
    inst = build_and_install(tmp_path)
    work, env = inst["work"], inst["env"]
    pythons = {"checkout": sys.executable, "wheel": str(inst["venv"] / "bin" / "python")}
    runs = {(name, "version"): [py, "-m", "painmap", "--version"] for name, py in pythons.items()}
    runs[("wheel", "version")] = [str(inst["venv"] / "bin" / "painmap"), "--version"]
    for name, py in pythons.items():
        runs[(name, "window")] = [py, PROBE, "window"]
        runs[(name, "ready")] = [py, PROBE, "ready"]
    if BUNDLE.is_file():
        runs[("bundle", "version")] = [str(BUNDLE), "--version"]
    times: dict[tuple[str, str], list[float]] = {key: [] for key in runs}
    for key, cmd in runs.items():  # warm the file cache (and the engine cache)
        if key[1] == "ready":
            _timed(cmd, work, env)
    for _ in range(ROUNDS):
        for key, cmd in runs.items():
            times[key].append(_timed(cmd, work, env))
    info = {f"{name}_{case}_ms": round(1000 * statistics.median(v), 1) for (name, case), v in times.items()}
    dist_info = next(inst["site"].glob("painmap-*.dist-info"))
    info.update(
        wheel_bytes=_size(inst["wheel"]),
        sdist_bytes=_size(inst["sdist"]),
        installed_bytes=_size(inst["site"] / "painmap") + _size(dist_info),
    )
    if BUNDLE.is_file():
        info["bundle_bytes"] = _size(BUNDLE.parent)
    benchmark.extra_info.update(info)
    benchmark.pedantic(_timed, args=(runs[("wheel", "version")], work, env), rounds=3)
    print("\n" + "\n".join(f"{k}: {v}" for k, v in info.items()))
