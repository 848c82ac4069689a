"""Timing commands: wall and CPU seconds of one run, paired runs, medians and median ratios."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds from start to exit
    cpu: float  # user + system seconds of the process and every descendant it waited for


def clean_env(**extra) -> dict:
    """The environment of a contributor's shell: no site address from CI, quiet MkDocs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEFILE_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    # Some sandboxes and CI images set this; with it every run recompiles every module, which no
    # contributor's shell does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)  # each checkout finds its own scripts/
    return {**env, **{k: str(v) for k, v in extra.items()}}


def run(args, cwd: Path, env: dict | None = None) -> Sample:
    """One command, timed. A failing command stops the benchmark with its output.

    os.wait4 gives the child's resource usage, which includes every process it waited for (the
    build's per-language workers, MkDocs' subprocesses): the CPU of the whole tree, and only of it,
    whatever else this process has running."""
    with tempfile.TemporaryFile() as out:  # a file, not a pipe: nothing to drain while we wait
        started = time.perf_counter()
        proc = subprocess.Popen([str(a) for a in args], cwd=cwd, env=env or clean_env(), stdout=out, stderr=out)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait for it again
        if proc.returncode != 0:
            out.seek(0)
            text = out.read().decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(map(str, args))} failed ({proc.returncode}) in {cwd}:\n{text}")
    return Sample(wall, usage.ru_utime + usage.ru_stime)


def _spread(values: list) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def paired(a, b, runs: int, warmup: bool = True) -> dict:
    """Run `a` and `b` (callables returning a Sample) as A B A B …, `runs` pairs, so that a slow
    minute of the machine falls on both. Ratios are medians of the per-pair ratios a/b, with their
    min and max. A first untimed pair (`warmup`) fills the OS file cache for both alike."""
    if warmup:
        a(), b()
    pairs = [(a(), b()) for _ in range(runs)]
    out = {"pairs": [{"a": asdict(x), "b": asdict(y)} for x, y in pairs]}  # every run, for bench.json
    for kind in ("wall", "cpu"):
        ta = [getattr(x, kind) for x, _ in pairs]
        tb = [getattr(y, kind) for _, y in pairs]
        out[kind] = {
            "ratio": _spread([x / y for x, y in zip(ta, tb, strict=True)]),
            "a_s": statistics.median(ta),
            "b_s": statistics.median(tb),
        }
    return out


def repeated(fn, runs: int) -> dict:
    """Median, min and max wall seconds of `runs` calls of `fn` (returning a Sample)."""
    return _spread([fn().wall for _ in range(runs)])
