"""Find the quote a YAML file opens and never closes.

A quoted text may run over several lines in YAML, so a forgotten closing quote is noticed by the
parser only lines later (or at the end of the file), where it reports something about indentation
or the end of the stream. This reads the file from the top, line by line, the way people write
data files: a value that opens a quote must close it before the next line that is indented no
deeper than its key (the next key, or the next list entry). The first one that does not is the
quote to close.
"""

from __future__ import annotations

import re

# indentation, list dashes, an optional plain key and its colon, then the value
_LINE = re.compile(
    r"(?P<indent> *)(?P<dashes>(?:- +)*)(?:(?P<key>[^\s#'\"\[\]{}][^#]*?|\"[^\"]*\"|'[^']*'):(?: +|$))?(?P<value>.*)"
)
_BLOCK = re.compile(r"[>|][0-9+-]*\s*(#.*)?")


def unclosed_quote(text: str, before: int):
    """(line, column) of the first quote opened at or before line `before` that is never closed; None if none."""
    lines = text.split("\n")
    number = 0
    while number < min(before, len(lines)):
        line = lines[number]
        match = _LINE.match(line)
        value = match["value"] if match else ""
        indent = len(match["indent"]) + len(match["dashes"]) if match else 0
        if match and _BLOCK.fullmatch(value.rstrip()):  # a block scalar: its lines are text, not YAML
            number += 1
            while number < len(lines) and (not lines[number].strip() or _indent(lines[number]) > indent):
                number += 1
            continue
        if value[:1] in ('"', "'"):
            start = match.start("value")
            closed_on = _closing_line(lines, number, start, value[0], indent)
            if closed_on is None:
                return number + 1, start + 1
            number = closed_on + 1
            continue
        number += 1
    return None


def _closing_line(lines, number: int, start: int, quote: str, indent: int):
    """The index of the line where the quote opened at lines[number][start] closes; None if it runs on
    into a line indented no deeper than its key, or to the end of the file."""
    index, position = number, start + 1
    while index < len(lines):
        line = lines[index]
        if index > number and line.strip() and _indent(line) <= indent:
            return None
        while position < len(line):
            char = line[position]
            if quote == '"' and char == "\\":
                position += 2
                continue
            if char == quote:
                if quote == "'" and line[position + 1 : position + 2] == "'":
                    position += 2
                    continue
                return index
            position += 1
        index, position = index + 1, 0
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
