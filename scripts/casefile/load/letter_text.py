"""The letter as received (data/carta-nosc-2023-01-16.txt), read into its parts with line numbers.

The text file is the primary source: the validator compares data/letter.yaml and
data/signatories.yaml with what this module reads from it, so nothing here looks at the YAML.

The file's layout, as the letter has it: blank lines separate blocks, and a page break is a run of
blank lines too. The first two blocks are the place and date and the addressee; then come the body
paragraphs, a block that starts in lowercase continuing the paragraph before it (the page broke it),
with the footnotes (lines starting with a superscript mark) standing between them; then the
letter-spaced closing ("A T E N T A M E N T E"), the sender, and one signatory per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import LETTER_TXT, display

MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE = re.compile(f"([{MARKS}]+) (.*)")
_LETTER_SPACED = re.compile(r"(\w )+\w")


@dataclass
class Words:
    """A text as words, each with the line of the file it stands on."""

    words: list = field(default_factory=list)  # (word, line)

    def add(self, text: str, line: int) -> None:
        self.words += [(word, line) for word in text.split()]

    @property
    def line(self) -> int:
        return self.words[0][1] if self.words else 0

    @property
    def text(self) -> str:
        return " ".join(word for word, _ in self.words)


@dataclass
class LetterText:
    path: Path
    header: list = field(default_factory=list)  # Words: place and date, addressee
    paragraphs: list = field(default_factory=list)  # Words, in order
    footnotes: dict = field(default_factory=dict)  # mark -> Words (the text after the mark)
    closing: Words | None = None
    sender: Words | None = None
    signatories: list = field(default_factory=list)  # Words, one per line
    problem: str = ""  # what could not be read, when the layout is not the letter's

    @property
    def name(self) -> str:
        return display(self.path)

    def where(self, line: int) -> str:
        return f"{self.name}:{line}"


def letter_path(data_dir: Path) -> Path:
    """The letter as received that belongs to `data_dir`: its own copy if it has one, else the repository's."""
    own = Path(data_dir) / LETTER_TXT.name
    return own if own.is_file() else LETTER_TXT


def read(path: Path) -> LetterText:
    letter = LetterText(path)
    try:
        lines = path.read_text("utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as err:
        letter.problem = f"cannot be read ({getattr(err, 'strerror', None) or err})"
        return letter
    blocks, current = [], []
    for number, line in enumerate(lines, 1):
        if line.strip():
            current.append((number, line.strip()))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)

    closing_at = next(
        (i for i, block in enumerate(blocks) if len(block) == 1 and _LETTER_SPACED.fullmatch(block[0][1])), None
    )
    if closing_at is None or closing_at < 3:
        letter.problem = "has no letter-spaced closing line (like 'A T E N T A M E N T E') after a header and a body"
        return letter
    for block in blocks[:2]:
        letter.header.append(_words(block))
    for block in blocks[2:closing_at]:
        body, note = [], None
        for number, line in block:
            start = _FOOTNOTE.fullmatch(line)
            if start:
                note = letter.footnotes[start[1]] = _words([(number, start[2])])
            elif note is not None:  # a footnote running over several lines
                note.add(line, number)
            else:
                body.append((number, line))
        if not body:
            continue
        if letter.paragraphs and body[0][1][0].islower():
            for number, line in body:
                letter.paragraphs[-1].add(line, number)
        else:
            letter.paragraphs.append(_words(body))
    letter.closing = _words(blocks[closing_at])
    if len(blocks) > closing_at + 1:
        letter.sender = _words(blocks[closing_at + 1])
        letter.signatories = [_words([line]) for block in blocks[closing_at + 2 :] for line in block]
    return letter


def _words(lines) -> Words:
    words = Words()
    for number, line in lines:
        words.add(line, number)
    return words
