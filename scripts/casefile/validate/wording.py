"""Where two texts first differ, word by word, and where that word stands in a data file.

A paragraph of the letter runs over several lines of data/letter.yaml; a problem about one word
of it is reported on the line and column of that word, not at the start of the paragraph.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..problems import show

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Difference:
    index: int  # the first word of `ours` that differs (len(ours) when ours ends early)
    theirs_index: int  # the same place in `theirs`
    theirs: str  # the words of `theirs` there, with a word of context either side
    ours: str  # the words of `ours` there, with the same context


def first_difference(ours: list, theirs: list) -> Difference | None:
    """Where the word list `ours` first departs from `theirs`, or None when they are equal."""
    if ours == theirs:
        return None
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    tag, i1, i2, j1, j2 = next(op for op in matcher.get_opcodes() if op[0] != "equal")
    before = ours[i1 - 1 : i1] if i1 > 0 else []
    after = ours[i2 : i2 + 1]
    return Difference(i1, j1, " ".join(before + theirs[j1:j2] + after), " ".join(before + ours[i1:i2] + after))


def describe(diff: Difference) -> str:
    """'the letter has X, this text has Y' in words people read."""
    theirs = show(diff.theirs) if diff.theirs else "nothing more"
    ours = show(diff.ours) if diff.ours else "nothing more"
    return f"the letter has {theirs}, this text has {ours}"


def word_mark(source, path, index: int):
    """(line, col) of word `index` of the text value at `path` in `source`; the value's start when unsure."""
    path = tuple(path)
    start = source.mark(path)
    value = _value(source.data, path)
    if path not in source.value_marks or not isinstance(value, str):
        return start
    words = value.split()
    if not words:
        return start
    index = min(index, len(words) - 1)
    try:
        lines = source.path.read_text("utf-8").removeprefix("\ufeff").split("\n")
    except (OSError, UnicodeDecodeError):
        return start
    line, col = start
    if line > len(lines):
        return start
    offset = col - 1
    rest = lines[line - 1][offset:]
    quote = rest[:1] if rest[:1] in ("'", '"') else ""
    if rest[:1] in (">", "|"):  # a block scalar: the text starts on the next line
        line, offset = line + 1, 0
    elif quote:
        offset += 1
    seen = 0
    for number in range(line, len(lines) + 1):
        text = lines[number - 1]
        for match in _TOKEN.finditer(text, offset if number == line else 0):
            token = match.group()
            if seen == index:
                if token == words[index] or (quote and token.rstrip(quote) == words[index]):
                    return number, match.start() + 1
                return start
            seen += 1
    return start


def _value(data, path):
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
