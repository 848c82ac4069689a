"""Put a finished build in place of the live folder in one step; a failure leaves the old one."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
