"""A clean checkout of this repository to time a build from, as CI and a new contributor have it.

Each is a `git clone --shared` of HEAD (so the build's `git log` for page dates has the real
history to read) with the working tree's uncommitted edits of tracked files copied over it: what
is timed is the code and data as they are on disk now, untracked files left out. A clone has no
build/, no site and no __pycache__: the first run of anything in it pays for all three, as CI
does. Every timed build gets a checkout of its own, made before its clock starts.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .timing import ROOT


def _git(*args, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def uncommitted() -> tuple[list[str], list[str]]:
    """(tracked files edited since HEAD, tracked files deleted since HEAD), as paths from ROOT."""
    changed = _git("diff", "--name-only", "-z", "HEAD").split("\0")
    deleted = set(_git("ls-files", "--deleted", "-z").split("\0"))
    return [p for p in changed if p and p not in deleted], [p for p in deleted if p]


def make(dest: Path, data: Path | None = None, edits: tuple | None = None) -> Path:
    """A clean checkout in `dest` (which must not exist); `data`: a folder to replace its data/
    with (the scaling runs' synthetic data, schemas included); `edits`: uncommitted() once for
    many checkouts."""
    _git("clone", "--quiet", "--shared", "--no-tags", str(ROOT), str(dest))
    changed, deleted = edits or uncommitted()
    for name in changed:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    for name in deleted:
        (dest / name).unlink(missing_ok=True)
    if data is not None:
        shutil.rmtree(dest / "data")
        shutil.copytree(data, dest / "data")
    return dest


class Fresh:
    """Numbered clean checkouts under one folder, each deleted when the next one is made (a 100×
    site is too big to keep a dozen of)."""

    def __init__(self, folder: Path, data: Path | None = None):
        self.folder, self.data, self.count, self.edits = folder, data, 0, uncommitted()
        self.previous: Path | None = None

    def __call__(self) -> Path:
        if self.previous is not None:
            shutil.rmtree(self.previous, ignore_errors=True)
        self.count += 1
        self.previous = make(self.folder / f"checkout-{self.count}", self.data, self.edits)
        return self.previous
