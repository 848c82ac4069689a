"""What can go wrong outside the data, each as one line (what, which file, what to do) and an exit code.

The data's own problems are `Problem`s, listed by `check` (exit 1). Everything here is about the
machine and the project's other files: a setting, a missing or broken project file, a folder that
cannot be written, a full disk, a busy port. A bug in the build scripts is none of these: it is
reported by cli.py as an internal error (exit 70) with how to report it.
"""

from __future__ import annotations

import errno

# Exit codes, one per kind of failure (listed by `build.py --help` and in README.md).
OK = 0
PROBLEMS = 1  # the data (or a page MkDocs built from it) has problems; they are listed
USAGE = 2  # the command line or a setting is wrong (argparse also exits 2)
PROJECT_FILE = 3  # a project file is missing, unreadable, broken, or not a regular file
PERMISSION = 4  # a file or folder may not be read or written
DISK = 5  # the disk is full, or another input/output error
PORT = 6  # serve: the address cannot be listened on
INTERNAL = 70  # a bug in the build scripts (sysexits' EX_SOFTWARE)
INTERRUPTED = 130  # Ctrl-C
PIPE = 141  # whoever read the output stopped reading (`| head`): quiet, like a process ended by SIGPIPE

EXIT_CODES = (
    (OK, "done"),
    (PROBLEMS, "the data has problems (each listed as file:line:col), or MkDocs refused the site"),
    (USAGE, "a wrong option or setting (e.g. --port 70000, a --site-url that is not an address)"),
    (PROJECT_FILE, "a project file is missing, broken, or a symbolic link / special file"),
    (PERMISSION, "permission denied, or a read-only folder"),
    (DISK, "the disk is full, or another input/output error"),
    (PORT, "serve: the port cannot be used"),
    (INTERNAL, "internal error: a bug in the build scripts (the message says how to report it)"),
    (INTERRUPTED, "stopped with Ctrl-C"),
    (PIPE, "the output was closed early (e.g. `| head`); nothing more is printed"),
)


def exit_codes_help() -> str:
    return "exit codes:\n" + "\n".join(f"  {code:>3}  {what}" for code, what in EXIT_CODES)


class CasefileError(Exception):
    """A failure the user can fix; str() is the one line to print."""

    code = PROBLEMS

    def __init__(self, what: str, fix: str = "", file: str | None = None, code: int | None = None):
        super().__init__(what)
        self.what, self.fix, self.file = what, fix, file
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return f"{where}{self.what}" + (f" — {self.fix}" if self.fix else "")


class ProjectFileError(CasefileError):
    """A file of the project (mkdocs.yml, a schema, a page in docs/) is missing or broken."""

    code = PROJECT_FILE


_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}
_DISK = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG}
_MISSING = {errno.ENOENT, errno.ENOTDIR}


def from_os_error(err: OSError, doing: str = "") -> CasefileError:
    """An OSError as the one line people need: what failed, on which file, and what to do."""
    from .paths import display

    path = display(_path(err.filename)) if err.filename else None
    reason = err.strerror or str(err)
    during = f" while {doing}" if doing else ""
    if err.errno in _PERMISSION:
        fix = (
            "the folder is read-only: build on a writable disk"
            if err.errno == errno.EROFS
            else "check the owner and permissions of the file and its folder, or run as the user who owns the clone"
        )
        return CasefileError(f"{reason}{during}", fix, path, PERMISSION)
    if err.errno in _DISK:
        fix = (
            "free some disk space, then run the command again"
            if err.errno in (errno.ENOSPC, errno.EDQUOT)
            else "check the disk, then run the command again"
        )
        return CasefileError(f"{reason}{during}", fix, path, DISK)
    if err.errno in _MISSING:
        return CasefileError(
            f"is missing ({reason}){during}",
            "restore it from the repository (git checkout -- FILE)",
            path,
            PROJECT_FILE,
        )
    return CasefileError(f"{reason}{during}", "check the file and the disk, then run the command again", path, DISK)


def describe_bug(err: BaseException) -> str:
    """'KeyError: 'x' (at casefile/render/pages/home.py:42)': an unexpected exception on one line."""
    import traceback

    frames = traceback.extract_tb(err.__traceback__)
    own = [f for f in frames if "casefile" in f.filename.replace("\\", "/")] or frames
    where = f" (at {own[-1].filename.replace(chr(92), '/').rsplit('scripts/', 1)[-1]}:{own[-1].lineno})" if own else ""
    return f"{type(err).__name__}: {err}{where}"


def _path(name):
    from pathlib import Path

    return Path(name.decode(errors="replace") if isinstance(name, bytes) else str(name))
