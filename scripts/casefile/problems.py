"""One problem found in the data, printed as `file:line:col: field.path: message — fix`."""
from __future__ import annotations

from dataclasses import dataclass

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
