"""A parsed data file: its values, where each stands in the text, and the walks the rules share."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..paths import display
from ..problems import Problem, format_path
from .records import mappings, texts


@dataclass
class Source:
    """A parsed data file: its values and where each of them stands in the text."""
    path: Path
    data: object
    value_marks: dict = field(default_factory=dict)  # path tuple -> (line, col)
    key_marks: dict = field(default_factory=dict)  # path tuple -> (line, col) of the key
    raw: dict = field(default_factory=dict)  # path tuple -> source text of an unquoted scalar

    @cached_property
    def name(self) -> str:  # asked for by every problem: a large file can have thousands
        return display(self.path)

    def mark(self, path, key: bool = False):
        """The closest known position of `path`: its key, its value, or its nearest parent."""
        path = tuple(path)
        while True:
            table = (self.key_marks, self.value_marks) if key else (self.value_marks, self.key_marks)
            for marks in table:
                if path in marks:
                    return marks[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def problem(self, path, message: str, fix: str, severity: str = "error", key: bool = False) -> Problem:
        line, col = self.mark(path, key=key)
        return Problem(self.name, line, col, format_path(path), message, fix, severity)

    # -- walked once, for every rule that looks at each record or each text -----------------------
    @cached_property
    def mappings(self) -> list:
        """(path, mapping) for every mapping in the data, outermost first: `records.walk(self.data)`."""
        return mappings(self.data)

    @cached_property
    def texts(self) -> list:
        """Every key and text value in the data, without their paths."""
        return texts(self.data)
