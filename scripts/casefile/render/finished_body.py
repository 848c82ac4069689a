"""A record's body (its paragraphs and notes) as finished HTML, footnote marks included.

Python-Markdown numbers a footnote mark by the order of the definitions (the writer's order of
first use) and gives the n-th mark of one note the id `fnref<n>-<id>` in the order its inline step
meets them: level by level through the page's tree (it walks the tree breadth first), in reading
order within a level. A body made here knows how deep each of its paragraphs sits in the page
(`depth`), so the ids are given the same way when the page is done (`resolve`).

Marks are numbered right only if Python-Markdown meets none on the page: the writer renders a page
again without finished bodies if some mark had to stay Markdown (`complete`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .finished_html import OPEN, SEPARATOR, footnote_mark
from .html import macros, safe

_TOKEN = re.compile("\x1a([0-9]+)\x1a")  # a mark's place until the page is done (text holding \x1a is not finished)
ADMONITIONS = {"discrepancy": "warning", "unverified": "question", "context": "info"}


class Unfinishable(Exception):
    """A page with finished footnote marks wrote one in Markdown: it is rendered again without."""


_PLAIN_FORM = re.compile(r"\*\[[^\W_]+(?: [^\W_]+)*\]: ")


def finishable(glossary_lines: list[str]) -> bool:
    """Whether the glossary step (site/terms_extension.py) finds the same terms in finished HTML as
    in Markdown: true while every form is words and spaces. (Markdown's escaped characters, such
    as the `.` of "A.C.", are placeholders in its text and literal in the HTML.)"""
    return all(_PLAIN_FORM.match(line) for line in glossary_lines)


@dataclass
class Finisher:
    page_file: str
    marks: list = field(default_factory=list)  # (depth, note id) of each mark, in reading order
    depth: int = 0  # of the paragraph being converted

    def mark(self, note_id: str) -> str:
        """The place of a footnote mark met at `depth` (set by the writer), written by `resolve`."""
        self.marks.append((self.depth, note_id))
        return f"\x1a{len(self.marks) - 1}\x1a"

    def body(self, texts: list[str], notes: list[tuple]) -> str:
        """Paragraphs and notes ((kind, title, text) each, an admonition), all finished HTML, as
        Python-Markdown writes a record's body. (Without the markers: see finished_html.block.)"""
        return str(macros().finished_body([safe(t) for t in texts], [(k, safe(t), safe(b)) for k, t, b in notes]))

    def resolve(self, lines: list[str], order: list[str]) -> list[str]:
        """`lines` with every mark written: its number from the definitions' `order`, its id from
        Python-Markdown's order of meeting it."""
        numbers = {note_id: n for n, note_id in enumerate(order, start=1)}
        seen, html = {}, [""] * len(self.marks)
        for index in sorted(range(len(self.marks)), key=lambda i: (self.marks[i][0], i)):
            note_id = self.marks[index][1]
            seen[note_id] = n = seen.get(note_id, 0) + 1
            html[index] = footnote_mark(note_id, f"fnref{'' if n == 1 else n}{SEPARATOR}{note_id}", numbers[note_id])
        return [_TOKEN.sub(lambda m: html[int(m.group(1))], line) if line.startswith(OPEN) and "\x1a" in line else line for line in lines]
