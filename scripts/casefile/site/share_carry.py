"""The share pages of the previous build, carried into the new one: only what differs is changed.

At 100 times the data a build has ~21,600 share pages (share_pages.py), a folder each; making a
folder costs ~0.2 ms of kernel time on ext4, and removing the previous site's copies as much
again, though most pages are the same as last time. So when the live site (the build's target)
has a <lang>/d/ the build can take, that folder is moved into the new site and only what differs
is changed:

- Every page is rendered as always and compared with the live file (read: no manifest that could
  go stale). An identical page is not written.
- While MkDocs runs, a changed page is written as a flat file, and a new id's folder is made with
  its page, in a spare folder beside the target (`.site-old-XXXXXXXX`: same file system; a
  killed build's is swept by the next one).
- Just before the swap (`move_in`) the live <lang>/d/ is renamed into the new site, then every
  change is a rename: a changed page's old file and a gone id's folder into the spare folder's
  trash, a changed page into its place, a new id's folder into d/. Each is recorded, and `undo`
  reverses them, last first, which puts d/ back. From the first rename to the swap the live site
  has no <lang>/d/: nothing but renames happens in that window (10-20 µs each on ext4).
- After the swap the spare folder, trash and all, is discarded with the previous site (the
  preview, `serve`, carries its pages the same way; its `discard` gets the spare folder too).

A language is not carried (its pages are written as before) when the live site has no such
folder, or it or <lang>/ is a link, not ours to rename, on another file system, not of the mode
fit_to_serve gives under the current umask, or when too many of its pages change (LIMIT). A page
folder that is not exactly what a build makes (its mode or its file's, anything else in it, a
link) is replaced as a whole. The carried pages keep their modes: the same fit_to_serve gives.
A build killed outright inside the window leaves the live site without <lang>/d/ until the next
build, which sweeps the killed one's folders and writes the pages anew.
"""
from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import share_pages
from .share_pages import FOLDER
from .swap import serve_modes

INDEX = "index.html"
# Carry a language's pages unless more than this share of them would change (changed, new and gone
# ids). Carrying saves time at any share: a changed page is a flat file and two renames, against a
# folder made and another removed. But every change is a rename in the window without d/. Measured
# at 100x (21,600 pages, ext4; 2 busy cores): with all pages changed (another --site-url), carrying
# took 13.3-13.5 s against 15.0-15.7 s writing anew, but with a window of 0.39-0.40 s (~18 µs a
# rename) against none; with nothing changed the window is under 1 ms. At half, the window stays
# under ~0.2 s at 100x (~2 ms with the real data) while the time saved is still about half of what
# carrying saves when nothing changed (~4 s at 100x); beyond it (a new address, data replaced
# wholesale) the pages are written anew and swapped in at once, as before.
LIMIT = 0.5
_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
SAME, DIFFERENT, REPLACE = "same", "different", "replace"


@dataclass
class _Plan:
    """What changes in one language's carried d/."""
    lang: str
    live: str  # target/<lang>/d
    changed: list = field(default_factory=list)  # ids whose page differs, in a folder that stays
    added: list = field(default_factory=list)  # ids whose folder is new (or made anew)
    gone: list = field(default_factory=list)  # entries of d/ that go (ids no longer shared, folders made anew)


class Carry:
    """One build's carrying: write() while MkDocs runs, move_in() just before the swap, then
    settle() after it, or abandon() on any failure."""

    def __init__(self, target: Path, out: Path):
        self.target, self.out = Path(target), Path(out)
        self.spare: Path | None = None  # beside the target: the pages to move in, and the trash
        self.plans: list[_Plan] = []
        self.journal: list[tuple[str, str]] = []  # (from, to) of each rename move_in made

    def write(self, side: Path, langs, dataset, settings) -> list[Path]:
        """Prepare each language's carrying; the pages of those not carried are written as before
        into side/<lang>/d/. Returns the folders so written (they hold nothing else)."""
        written = []
        modes = serve_modes()
        for lang, rendered in share_pages.pages(langs, dataset, settings):
            pages = dict(rendered)  # as writing them in turn would leave them
            plan = self._plan(lang, pages, modes)
            if plan is None:
                written.append(share_pages.write_pages(side / lang / FOLDER, pages.items()))
            else:
                self._stage(plan, pages)
                self.plans.append(plan)
        return written

    def _plan(self, lang: str, pages: dict, modes) -> _Plan | None:
        """What to change in the live target/<lang>/d/ to make it `pages`; None: do not carry it."""
        live = os.path.join(self.target, lang, FOLDER)
        try:
            if not _takeable(live, modes[0], os.stat(self.out).st_dev):
                return None
            with os.scandir(live) as found:
                entries = {entry.name: entry.is_dir(follow_symlinks=False) for entry in found}
        except OSError:
            return None
        plan = _Plan(lang, live, gone=[name for name in entries if name not in pages])
        if not all(_movable(os.path.join(live, name), entries[name]) for name in plan.gone):
            return None
        limit = LIMIT * len(pages)
        for record_id, data in pages.items():
            state = _compare(os.path.join(live, record_id), data, modes) if entries.get(record_id) else REPLACE
            if state == DIFFERENT:
                plan.changed.append(record_id)
            elif state == REPLACE:
                plan.added.append(record_id)
                if record_id in entries:
                    if not _movable(os.path.join(live, record_id), entries[record_id]):
                        return None
                    plan.gone.append(record_id)
            if len(plan.changed) + len(plan.added) + len(plan.gone) > limit:
                return None
        return plan

    def _stage(self, plan: _Plan, pages: dict) -> None:
        """Write what move_in will put in place: changed pages as flat files, new folders whole."""
        if not (plan.changed or plan.added or plan.gone):
            return  # nothing but d/ itself to move: no spare folder
        if self.spare is None:
            self.spare = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-old-", dir=self.target.parent))
        base = self.spare / plan.lang
        for part in ("changed", "added", "trash"):
            (base / part).mkdir(parents=True)
        for record_id in plan.changed:
            share_pages.write_file(os.path.join(base, "changed", record_id), pages[record_id])
        share_pages.write_pages(base / "added", ((record_id, pages[record_id]) for record_id in plan.added))

    def move_in(self) -> None:
        """Move each carried live <lang>/d/ into the new site and make its changes, by renames only,
        each recorded for undo(). From here until the swap the live site has no <lang>/d/."""
        for plan in self.plans:
            if os.path.lexists(self.out / plan.lang / FOLDER):
                raise RuntimeError(f"MkDocs wrote {plan.lang}/{FOLDER} itself, where the build puts its share pages")
        for plan in self.plans:
            base, folder = os.path.join(self.spare or "", plan.lang), os.path.join(self.out, plan.lang, FOLDER)
            self._rename(plan.live, folder)
            for name in plan.gone:
                self._rename(os.path.join(folder, name), os.path.join(base, "trash", name))
            for record_id in plan.changed:
                self._rename(os.path.join(folder, record_id, INDEX), os.path.join(base, "trash", record_id))
                self._rename(os.path.join(base, "changed", record_id), os.path.join(folder, record_id, INDEX))
            for record_id in plan.added:
                self._rename(os.path.join(base, "added", record_id), os.path.join(folder, record_id))

    def _rename(self, source: str, destination: str) -> None:
        # Recorded first: a rename made is never missing (Ctrl-C); undoing one not made fails harmlessly.
        self.journal.append((source, destination))
        try:
            os.rename(source, destination)
        except OSError:
            self.journal.pop()
            raise

    def undo(self) -> None:
        """Reverse move_in's renames, last first: the live site is as it was. One that fails is
        reported and the others are still made."""
        journal, self.journal = self.journal, []
        failed = []
        for source, destination in reversed(journal):
            try:
                os.rename(destination, source)
            except OSError as err:
                failed.append(f"{source}: {err.strerror}")
        if failed:
            print(f"build: {len(failed)} share page(s) of the previous site could not be put back, the first: {failed[0]}", file=sys.stderr)

    def settle(self, discard) -> None:
        """After the swap: nothing to undo any more; the spare folder goes with the previous site."""
        self.journal = []
        spare, self.spare = self.spare, None
        if spare is not None:
            discard(spare)

    def abandon(self) -> None:
        """On a failure before the swap: undo, and remove the spare folder."""
        self.undo()
        spare, self.spare = self.spare, None
        if spare is not None:
            shutil.rmtree(spare, ignore_errors=True)


def _takeable(live: str, folder_mode: int, device: int) -> bool:
    """Whether the live <lang>/d/ can be carried: a folder of the mode fit_to_serve gives, in a
    folder <lang>/ (neither a link), on the new site's file system, both ours to change."""
    info, parent = os.lstat(live), os.path.dirname(live)
    return (stat.S_ISDIR(info.st_mode) and stat.S_ISDIR(os.lstat(parent).st_mode)
            and stat.S_IMODE(info.st_mode) == folder_mode and info.st_dev == device
            and all(os.access(path, os.W_OK | os.X_OK) for path in (live, parent)))


def _movable(path: str, is_folder: bool) -> bool:
    """Whether `path` can be renamed into another folder (a folder's '..' changes with it)."""
    return not is_folder or os.access(path, os.W_OK)


def _compare(folder: str, data: bytes, modes) -> str:
    """SAME if `folder` is what share_pages writes for `data` (a folder holding index.html and
    nothing else, both of the modes `modes`), DIFFERENT if only the page's bytes differ, REPLACE
    otherwise."""
    try:
        info = os.lstat(folder)
        if not stat.S_ISDIR(info.st_mode) or stat.S_IMODE(info.st_mode) != modes[0] or os.listdir(folder) != [INDEX]:
            return REPLACE
        fd = os.open(os.path.join(folder, INDEX), _OPEN)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or stat.S_IMODE(info.st_mode) != modes[1]:
                return REPLACE
            return SAME if info.st_size == len(data) and os.read(fd, len(data) + 1) == data else DIFFERENT
        finally:
            os.close(fd)
    except OSError:
        return REPLACE
