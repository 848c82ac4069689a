"""A page's source notes: each numbered in the order of its first mark, listed last on the page.

The marks and the list have the shape the theme's footnote previews read (`footnote-ref`,
`div.footnote`, ids `fnref-…` and `fn-…`); the renderer writes them itself, so that no record
body has to pass through Python-Markdown's footnotes.
"""

from __future__ import annotations

from markupsafe import Markup

from .html import macros


class Footnotes:
    def __init__(self):
        self.definitions: dict[str, Markup] = {}  # note id -> its text, in the order of first use
        self.numbers: dict[str, int] = {}
        self.uses: dict[str, int] = {}

    def mark(self, note_id: str, definition) -> Markup:
        """The mark of note `note_id`; `definition()` gives its text the first time."""
        if note_id not in self.definitions:
            self.definitions[note_id] = definition()
            self.numbers[note_id] = len(self.definitions)
        self.uses[note_id] = self.uses.get(note_id, 0) + 1
        return macros("citations.html").mark(note_id, self.numbers[note_id], self.uses[note_id])

    def html(self, backlink_title: str) -> Markup | None:
        """The list of notes, or None on a page without any."""
        if not self.definitions:
            return None
        return macros("citations.html").notes(
            [(i, text, self.uses[i]) for i, text in self.definitions.items()], backlink_title
        )
