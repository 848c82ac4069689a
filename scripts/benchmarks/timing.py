"""Wall-clock timing of commands, in pairs, reported as medians and median ratios."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD_PY = ROOT / "scripts" / "build.py"


def clean_env() -> dict:
    """The environment of a contributor's shell: no site address from CI, quiet MkDocs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEFILE_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    # Some sandboxes and CI images set this; with it every run recompiles every module (~60 ms of
    # `check`), which no contributor's shell does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def wall(args, cwd=ROOT, env=None) -> float:
    """Seconds from start to exit of one command; a failing command stops the benchmark."""
    started = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env={**clean_env(), **(env or {})}, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return elapsed


def casefile(*args) -> list:
    return [sys.executable, str(BUILD_PY), *map(str, args)]


def paired(a, b, runs: int) -> dict:
    """Run `a` and `b` (callables returning seconds) `runs` times, alternating which goes first, so
    that a slow moment of the machine falls on both; the ratio is the median of per-pair ratios."""
    ta, tb = [], []
    for i in range(runs):
        if i % 2:
            tb.append(b())
            ta.append(a())
        else:
            ta.append(a())
            tb.append(b())
    return {"a": statistics.median(ta), "b": statistics.median(tb),
            "ratio": statistics.median(x / y for x, y in zip(ta, tb)), "runs": runs}


def median_of(fn, runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))
