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

from .finished_html import SEPARATOR, footnote_mark, inline
from .html import macros, safe

_TOKEN = re.compile("\x1a([0-9]+)\x1a")  # a mark's place until the page is done (data text has no control characters)
ADMONITIONS = {"discrepancy": "warning", "unverified": "question", "context": "info"}


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

    def _mark(self, note_id: str) -> str:
        self.marks.append((self.depth, note_id))
        return f"\x1a{len(self.marks) - 1}\x1a"

    def _inline(self, text: str, depth: int) -> str | None:
        self.depth = depth
        return inline(text, self.page_file, self._mark)

    def body(self, paragraphs: list[str], notes: list[tuple], depth: int) -> str | None:
        """The HTML of `paragraphs` (Markdown, each a paragraph of the block at `depth`) and of
        `notes` ((kind, title, Markdown) each, an admonition), or None if some of it is beyond
        finished_html.py; then nothing of it is kept. (Without the markers: see finished_html.block.)"""
        start = len(self.marks)
        texts = [self._inline(p.strip(), depth + 1) for p in paragraphs if p.strip()]
        boxes = [(ADMONITIONS[kind], self._inline(title, depth + 2), self._inline(text.strip(), depth + 2))
                 for kind, title, text in notes]
        if None in texts or any(None in box for box in boxes):
            del self.marks[start:]
            return None
        return str(macros().finished_body([safe(t) for t in texts], [(k, safe(t), safe(b)) for k, t, b in boxes]))

    def resolve(self, lines: list[str], order: list[str]) -> list[str]:
        """`lines` with every mark written: its number from the definitions' `order`, its id from
        Python-Markdown's order of meeting it."""
        numbers = {note_id: n for n, note_id in enumerate(order, start=1)}
        seen, html = {}, [""] * len(self.marks)
        for index in sorted(range(len(self.marks)), key=lambda i: (self.marks[i][0], i)):
            note_id = self.marks[index][1]
            seen[note_id] = n = seen.get(note_id, 0) + 1
            html[index] = footnote_mark(note_id, f"fnref{'' if n == 1 else n}{SEPARATOR}{note_id}", numbers[note_id])
        return [_TOKEN.sub(lambda m: html[int(m.group(1))], line) if "\x1a" in line else line for line in lines]
