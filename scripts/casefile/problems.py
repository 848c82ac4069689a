"""One problem found in the data, printed as `file:line:col: field.path: message — fix`."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .paths import repository_path

_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"}
HIDDEN_CATEGORIES = frozenset(_HIDDEN)  # characters no reader sees (validate/text_rules.py refuses them)

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
            out += ("." if out else "") + cut(part, 40)
    return out


def visible(text: str) -> str:
    """`text` with line breaks, control and invisible (format) characters written as escapes,
    so that a message never hides or reorders what it quotes: U+202E shows as \\u202e."""
    text = str(text)
    if text.isprintable():  # every hidden character, and every line break, is unprintable
        return text
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif unicodedata.category(char) in _HIDDEN:
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return "".join(out)


def cut(value, limit: int = 80) -> str:
    """`value` as visible text of at most `limit` characters (a long number or text is shortened)."""
    text = visible(str(value)) if not isinstance(value, int) or isinstance(value, bool) else _digits(value)
    return text if len(text) <= limit else text[: limit - 3] + "…"


def show(value) -> str:
    """A value quoted for a one-line message: line breaks and invisible characters made visible, long text cut."""
    return "'" + cut(value) + "'"


def _digits(number: int) -> str:
    try:
        return str(number)
    except ValueError:  # more digits than Python converts
        return f"{'-' if number < 0 else ''}(a number of about {int(abs(number).bit_length() * 0.30103):,} digits)"


def _escape_data(text: str) -> str:
    # https://github.com/actions/toolkit: workflow command data escapes %, CR and LF
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
