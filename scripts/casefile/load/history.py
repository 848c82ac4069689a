"""When a file last changed, from the repository's history: the date of a page's facts.

The date comes from git (the last commit that touched the file), so two builds of the same
commit agree whatever day they run. A file with uncommitted edits is dated by
SOURCE_DATE_EPOCH when set, otherwise today (a preview shows edits as new). Outside a git
checkout, or for files git does not track, there is no date and callers leave it out.
"""
from __future__ import annotations

import datetime
import os
import subprocess
from functools import lru_cache
from pathlib import Path

from ..paths import ROOT


@lru_cache(maxsize=1)
def _commit_dates() -> dict:
    """{repository-relative path: 'YYYY-MM-DD' of its last commit}, from one `git log`."""
    try:
        out = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "data", "docs"],
                             cwd=ROOT, capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates = {}
    for entry in out.split("\0")[1:]:
        date, *names = entry.strip().split("\n")
        for name in filter(None, names):
            dates.setdefault(name.strip(), date)
    return dates


@lru_cache(maxsize=1)
def _dirty() -> frozenset:
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--no-renames", "--", "data", "docs"],
                             cwd=ROOT, capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line[3:].strip() for line in out.splitlines() if len(line) > 3)


def _today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch and epoch.isdigit() else datetime.datetime.now(datetime.timezone.utc)
    return moment.date().isoformat()


def last_changed(paths) -> str | None:
    """The latest date ('YYYY-MM-DD') on which any of `paths` changed, or None if none is known."""
    dates = []
    for path in paths:
        try:
            name = Path(path).resolve().relative_to(ROOT).as_posix()
        except ValueError:
            continue  # not in this repository (a test's copy of data/): no history
        if name in _dirty():
            dates.append(_today())
        elif name in _commit_dates():
            dates.append(_commit_dates()[name])
    return max(dates) if dates else None


def forget() -> None:
    """Read git again on the next call (the preview server calls this before a rebuild)."""
    _commit_dates.cache_clear()
    _dirty.cache_clear()
