"""Folders the preview is done with (the preview a rebuild replaced, the rebuild's stage): moved
aside at once, then removed a few entries at a time while serve has nothing else to do.

Removing the ~900 files and folders of a replaced preview takes a noticeable moment on a busy
disk; done between a saved edit and the reload, or during the next rebuild, it would slow both.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path


class SetAside:
    def __init__(self, folder: Path, batch: int = 32, settle: float = 0.5):
        self.folder = folder
        self.batch = batch  # entries removed per call of tidy()
        self.settle = settle  # seconds after the last put() before removing: open pages reload first
        self._not_before = 0.0
        self._walk = None

    def put(self, path: Path) -> None:
        """Take `path` out of the way (a rename into the folder; removed at once if that fails)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            os.rename(path, self.folder / path.name)
        except OSError:
            shutil.rmtree(path, ignore_errors=True)
        self._not_before = time.monotonic() + self.settle

    def tidy(self) -> None:
        """Remove up to `batch` entries of what was put aside (and of what a stopped serve left)."""
        if time.monotonic() < self._not_before or not self.folder.is_dir():
            return
        if self._walk is None:
            self._walk = self._entries()
        for _ in range(self.batch):
            if next(self._walk, None) is None:
                self._walk = None
                return

    def _entries(self):
        """Remove everything below the folder, deepest first, one entry per step."""
        for root, dirs, files in os.walk(self.folder, topdown=False):
            for name in files + dirs:
                path = os.path.join(root, name)
                try:
                    if os.path.isdir(path) and not os.path.islink(path):
                        os.rmdir(path)
                    else:
                        os.unlink(path)
                except OSError:
                    pass
                yield True
