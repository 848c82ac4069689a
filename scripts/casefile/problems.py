"""One problem found in the data, printed as `file:line:col: field.path: message — fix`."""
from __future__ import annotations

from dataclasses import dataclass

from .paths import repository_path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 1-based, as editors count
    col: int  # 1-based
    path: str  # dotted field path, "" for the whole file
    message: str  # what is wrong
    fix: str  # how to fix it
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}: "
        field = f"{self.path}: " if self.path else ""
        kind = "warning: " if self.severity == WARNING else ""
        fix = f" — {self.fix}" if self.fix else ""
        return f"{where}{kind}{field}{self.message}{fix}"

    def github(self) -> str:
        """A GitHub Actions workflow command: the pull request shows it on the file's line."""
        kind = "warning" if self.severity == WARNING else "error"
        field = f"{self.path}: " if self.path else ""
        fix = f" — {self.fix}" if self.fix else ""
        text = _escape_data(f"{field}{self.message}{fix}")
        return f"::{kind} file={_escape_property(repository_path(self.file))},line={self.line},col={self.col}::{text}"

    def sort_key(self):
        return (self.file, self.line, self.col, self.message)


def format_path(path) -> str:
    """('paragraphs', 3, 'en') -> 'paragraphs[3].en'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def show(value) -> str:
    """A value quoted for a one-line message: line breaks made visible, long text cut."""
    text = str(value).replace("\n", "\\n").replace("\r", "\\r")
    return "'" + (text if len(text) <= 80 else text[:77] + "…") + "'"


def _escape_data(text: str) -> str:
    # https://github.com/actions/toolkit: workflow command data escapes %, CR and LF
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
