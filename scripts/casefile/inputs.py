"""Only regular files inside the project are inputs.

Everything the build reads or copies (data/ with its schemas, docs/ with its pages, overrides and
assets, and mkdocs.yml) is looked at with lstat before anything is read: a symbolic link (even one
pointing inside the repository), a device, a named pipe or a socket is refused, so that a pull
request cannot publish the build machine's files (`docs/assets/x.txt -> /etc/passwd`), exhaust its
memory (`-> /dev/zero`) or hang it (a FIFO). Reads are bounded: at most the size limit + 1 byte.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .paths import DATA, DOCS, MKDOCS_YML, SCHEMAS, display
from .problems import Problem, cut

MAX_INPUT_BYTES = 20_000_000  # docs/ pages, overrides and assets; data files have their own, smaller limit
REPLACE = "replace it with the file itself; the build reads and publishes only regular files inside the project"

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class Refused(Exception):
    """A file that may not be read: `what` and `fix` word it for a Problem."""

    def __init__(self, what: str, fix: str = REPLACE):
        super().__init__(what)
        self.what, self.fix = what, fix


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _link(path: Path) -> str:
    try:
        return f" (to {cut(os.readlink(path), 60)})"
    except OSError:
        return ""


def refusal(path: Path | str, info: os.stat_result, limit: int | None = MAX_INPUT_BYTES, folder_ok: bool = False):
    """Why the entry `path` (as lstat saw it) may not be an input; None when it may. (A walk of
    thousands of entries passes strings: a Path is made only for a refusal.)"""
    if stat.S_ISLNK(info.st_mode):
        path = Path(path)
        return Refused(
            f"is a symbolic link{_link(path)}, not a regular file",
            REPLACE.replace("the file itself", "the folder itself") if path.is_dir() else REPLACE,
        )
    if stat.S_ISDIR(info.st_mode):
        return None if folder_ok else Refused("is a folder, not a file", "put the file itself here")
    if not stat.S_ISREG(info.st_mode):
        return Refused(f"is {_kind(info.st_mode)}, not a regular file", "remove it; only regular files can be inputs")
    if limit is not None and info.st_size > limit:
        return Refused(
            f"is {info.st_size:,} bytes, more than the {limit:,} an input file may have",
            "make it smaller, or keep it out of the repository",
        )
    return None


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` + 1 of them (so callers can tell
    "too long"); raise Refused for a link or special file, OSError when it cannot be read.

    The checks are made on the open file (O_NOFOLLOW, fstat), so a file swapped for a link or a
    FIFO between a check and the read is still refused, and opening a FIFO never blocks.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if err.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise Refused(f"is a symbolic link{_link(Path(path))}, not a regular file") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(
                f"is {_kind(info.st_mode)}, not a regular file", "remove it; only regular files can be inputs"
            )
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _problem(path: Path, what: str, fix: str) -> Problem:
    return Problem(display(path), 1, 1, "", what, fix)


def _walk(root: Path, problems: list) -> None:
    """Every entry below the folder `root`, links and special files refused, links never followed."""

    def failed(err: OSError):
        problems.append(
            _problem(Path(err.filename), f"cannot be read ({err.strerror})", "check the folder's permissions")
        )

    for folder, dirs, files in os.walk(root, onerror=failed, followlinks=False):
        real = []  # the folders to walk into: real ones, never links
        for name in sorted(dirs + files):
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
            except OSError as err:
                problems.append(_problem(Path(path), f"cannot be read ({err.strerror})", "check its permissions"))
                continue
            if stat.S_ISDIR(info.st_mode):
                real.append(name)
            elif (refused := refusal(path, info, folder_ok=True)) is not None:
                problems.append(_problem(Path(path), refused.what, refused.fix))
        dirs[:] = real


def _root(path: Path, folder: bool, problems: list) -> bool:
    """Check one of the project's top-level inputs; True when it is there to be walked."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        problems.append(
            _problem(path, "is missing", f"restore it from the repository (git checkout -- {display(path)})")
        )
        return False
    except OSError as err:
        problems.append(_problem(path, f"cannot be read ({err.strerror})", "check its permissions"))
        return False
    refused = refusal(path, info, folder_ok=folder)
    if refused is None and folder and not stat.S_ISDIR(info.st_mode):
        refused = Refused("is a file, not a folder", "restore the folder from the repository")
    if refused is not None:
        problems.append(_problem(path, refused.what, refused.fix))
        return False
    return folder


def required(langs=None) -> list[Path]:
    """The project files a build cannot do without (data files are the validator's business)."""
    from .languages import LANGS
    from .load.files import FILES, schema_name
    from .render.pages import PAGES

    files = [MKDOCS_YML, DOCS / "overrides" / "main.html"] + [SCHEMAS / schema_name(stem) for stem in FILES]
    for lang in langs or LANGS:
        for spec in PAGES:
            files += [p for p in spec.inputs(lang, DATA) if DOCS in Path(p).parents]
    return files


def check(data_dir: Path = DATA, langs=None) -> list[Problem]:
    """Every input that is not a regular file inside the project, or is missing; [] when all is well."""
    problems: list[Problem] = []
    data_dir = Path(data_dir)
    roots = [data_dir, DOCS] + ([SCHEMAS] if SCHEMAS.parent.resolve() != data_dir.resolve() else [])
    for root in roots:
        if _root(root, True, problems):
            _walk(root, problems)
    _root(MKDOCS_YML, False, problems)
    said = {p.file for p in problems}
    for path in required(langs):
        if display(path) in said or any(display(parent) in said for parent in Path(path).parents):
            continue
        try:
            os.lstat(path)
        except FileNotFoundError:
            problems.append(
                _problem(path, "is missing", f"restore it from the repository (git checkout -- {display(path)})")
            )
    return sorted(set(problems), key=lambda p: p.file)
