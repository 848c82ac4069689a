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
    # what `mappings` and `texts` give, noted by yaml_values.build_value while it builds the data
    _mappings: list | None = field(default=None, init=False, compare=False, repr=False)
    _texts: list | None = field(default=None, init=False, compare=False, repr=False)

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
    @property
    def mappings(self) -> list:
        """(path, mapping) for every mapping in the data, outermost first: `records.walk(self.data)`."""
        if self._mappings is None:
            self._mappings = mappings(self.data)
        return self._mappings

    @property
    def texts(self) -> list:
        """Every key and text value in the data, depth first, without their paths: `records.texts(self.data)`."""
        if self._texts is None:
            self._texts = texts(self.data)
        return self._texts
