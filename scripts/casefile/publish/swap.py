"""Put a finished build in place of the live folder in one step; a failure leaves the old one.

The new folder and the live one are exchanged atomically (Linux `renameat2(RENAME_EXCHANGE)`), so
there is no moment without a site; where the system cannot, the old folder is first moved to a
unique name (never one a killed build could have left). Before the swap the new folder is made fit
to serve: ordinary permissions (folders 0755, files 0644 under the usual umask), not the 0700 of a
temporary folder. Folders that killed builds left behind are swept by the next build.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

from ..errors import ProjectFileError
from ..paths import display

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EPERM}


def new_folder(target: Path) -> Path:
    """A fresh folder beside `target` for the next build of it: `.site-new-XXXXXXXX`."""
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))


def leftovers(target: Path) -> list[Path]:
    """Folders beside `target` that a killed build left: `.site-new-*`, `.site-old-*` (and the
    `.site-XXXXXXXX` / `.site-old-PID` names of earlier versions)."""
    name = re.escape(target.name)
    pattern = re.compile(rf"\.{name}-((new|old)-)?[a-z0-9_]{{8}}|\.{name}-old-[0-9]+")  # tempfile's 8 characters; a PID
    try:
        entries = sorted(target.parent.iterdir())
    except FileNotFoundError:
        return []
    return [p for p in entries if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink()]


def sweep(paths) -> None:
    for path in paths:
        remove(path)


def check_target(target: Path) -> None:
    """Refuse a live folder the swap would silently replace by something else."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise ProjectFileError(
            f"is a symbolic link (to {os.readlink(target)}); a build replaces this folder as a whole and does not write through links",
            "remove the link, or build straight into the folder it points to with --site-dir",
            display(target),
        )
    if not stat.S_ISDIR(info.st_mode):
        raise ProjectFileError(
            "is not a folder; a build would replace it",
            "move it away, or build elsewhere with --site-dir",
            display(target),
        )


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no other way to read it; set back at once
    os.umask(mask)
    return mask


def serve_modes() -> tuple[int, int]:
    """The modes fit_to_serve gives (folders, files): 0777 and 0666 less the umask."""
    mask = _umask()
    return 0o777 & ~mask, 0o666 & ~mask


def fit_to_serve(folder: Path) -> None:
    """Folders rwxr-xr-x and files rw-r--r-- (as the umask allows), so any web server user can read them."""
    folder_mode, file_mode = serve_modes()
    os.chmod(folder, folder_mode)
    _fit(folder, folder_mode, file_mode)


def _fit(folder, folder_mode: int, file_mode: int) -> None:
    """Everything below `folder`, links left alone; most files already have their mode (they were
    written under the same umask), so only those that differ are changed."""
    with os.scandir(folder) as entries:
        for entry in entries:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISLNK(info.st_mode):
                continue
            wanted = folder_mode if stat.S_ISDIR(info.st_mode) else file_mode
            if stat.S_IMODE(info.st_mode) != wanted:
                os.chmod(entry.path, wanted)
            if stat.S_ISDIR(info.st_mode):
                _fit(entry.path, folder_mode, file_mode)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths; False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(b))


def remove(folder: Path) -> None:
    """Remove `folder` and everything in it (links are removed, never followed). A previous site
    is tens of thousands of files at 100 times the data, and removing them is the kernel's work
    more than Python's: its sub-folders two levels down (/es/d/, /en/d/, ...) are removed by a
    few threads at once, then whatever is left."""
    workers = min(4, os.cpu_count() or 1)
    parts = _parts(folder) if workers > 1 else []
    if len(parts) > 1:
        with ThreadPoolExecutor(workers, thread_name_prefix="remove") as pool:
            for _ in pool.map(partial(shutil.rmtree, ignore_errors=True), parts):
                pass
    shutil.rmtree(folder, ignore_errors=True)


def _parts(folder: Path) -> list[str]:
    """The real folders (not links) two levels below `folder`."""
    found = []
    try:
        with os.scandir(folder) as top:
            children = [entry.path for entry in top if entry.is_dir(follow_symlinks=False)]
        for child in children:
            with os.scandir(child) as entries:
                found += [entry.path for entry in entries if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    return found


def swap(new: Path, target: Path, discard=remove) -> None:
    """Make `new` the folder at `target`; then `discard` is called with a folder holding the
    previous one (by default it is removed at once; the preview removes it after telling open pages)."""
    check_target(target)
    if not os.path.lexists(target):
        os.rename(new, target)
        return
    if _exchange(new, target):
        discard(new)  # `new` now holds the previous site
        return
    holder = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    os.rename(target, holder / target.name)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(holder / target.name, target)  # put the previous site back
        os.rmdir(holder)
        raise
    discard(holder)
