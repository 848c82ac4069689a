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

_LOG = ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "data", "docs"]
_STATUS = ["git", "status", "--porcelain", "--no-renames", "--", "data", "docs"]
_asked = None  # the two git processes `start` began, until `_history` reads them


def _ask(command):
    try:
        return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError:
        return None  # no git


def _answer(process) -> str | None:
    """What a git process printed, or None if it failed or took more than 30 seconds."""
    if process is None:
        return None
    try:
        out, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return None
    return out if process.returncode == 0 else None


def start() -> None:
    """Ask git now, both questions at once, and read the answers when a date is first needed
    (render_language starts it before rendering its first page, which git's answer then overlaps)."""
    global _asked
    if _asked is None and not _history.cache_info().currsize:
        _asked = (_ask(_LOG), _ask(_STATUS))


def load() -> None:
    """Have git's answers now (pipeline.py: before forking workers, which must not share the
    git processes `start` began, and then need not ask again)."""
    _history()


@lru_cache(maxsize=1)
def _history() -> tuple:
    global _asked
    log, status = _asked or (_ask(_LOG), _ask(_STATUS))
    _asked = None
    return _commit_dates(_answer(log)), _dirty(_answer(status))


def _commit_dates(out: str | None) -> dict:
    """{repository-relative path: 'YYYY-MM-DD' of its last commit}, from one `git log`."""
    dates = {}
    for entry in (out or "").split("\0")[1:]:
        date, *names = entry.strip().split("\n")
        for name in filter(None, names):
            dates.setdefault(name.strip(), date)
    return dates


def _dirty(out: str | None) -> frozenset:
    """The files with uncommitted changes, from `git status`."""
    return frozenset(line[3:].strip() for line in (out or "").splitlines() if len(line) > 3)


def _today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch and epoch.isdigit()
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.date().isoformat()


def last_changed(paths) -> str | None:
    """The latest date ('YYYY-MM-DD') on which any of `paths` changed, or None if none is known."""
    commit_dates, dirty = _history()
    dates = []
    for path in paths:
        try:
            name = Path(path).resolve().relative_to(ROOT).as_posix()
        except ValueError:
            continue  # not in this repository (a test's copy of data/): no history
        if name in dirty:
            dates.append(_today())
        elif name in commit_dates:
            dates.append(commit_dates[name])
    return max(dates) if dates else None


def forget() -> None:
    """Read git again on the next call (the preview server calls this before a rebuild)."""
    global _asked
    if _asked is not None:
        for process in _asked:
            _answer(process)  # not left running
        _asked = None
    _history.cache_clear()
