"""A record's block on a page: its tools (the share link), its heading, its text with where it
comes from and its notes; finished HTML but for the heading where it can be (finished_body.py).

A mixin of PageWriter (writer.py), which holds the page's state.
"""
from __future__ import annotations

from .escape import attr
from .finished_body import ADMONITIONS
from .finished_html import NotFinished, block, inline
from .finished_html import text as finished_text
from .html import macros


class RecordBlocks:
    def fact(self, record: dict, level: int = 3, classes: str = "", depth: int = 1) -> None:
        """A fact: heading (when it has a title) or anchored block, text with provenance, notes."""
        anchor = record["id"]
        title = record.get("title")
        self.record_block(record, f"cf-fact {classes}", None if title else anchor, lambda html: [self.text_refs(record, html)], depth,
                          (level, self.text(title), anchor) if title else None)

    def text_refs(self, record: dict, html: bool = False) -> str | None:
        """A record's text (if it has one) and where it comes from: Markdown, or finished HTML
        (None if it cannot be)."""
        if not html:
            return (self.text(record["text"]) if record.get("text") else "") + self.refs(record)
        text = finished_text(record["text"][self.lang]) if record.get("text") else ""
        return None if text is None else (text + self.refs(record, html=True)).strip()

    def record_block(self, record: dict, classes: str, anchor: str | None, paragraphs, depth: int,
                     heading: tuple | None = None, between: tuple = ()) -> None:
        """A record's block (`depth` levels down the page: 1 for a block of the page itself): its
        tools, its heading (level, Markdown, anchor) if any, the `between` blocks of HTML, its
        paragraphs (`paragraphs(html)`: Markdown, or finished HTML with None where it cannot be)
        and its notes. Finished HTML but for the heading, where it can be."""
        body = self._finished_body(record, paragraphs, depth) if self.finisher else None
        if body is None:
            with self.body_marks():
                texts, notes = paragraphs(False), self.note_parts(record)
            self.add(macros().block_open(classes, anchor), "", self.record_tools(record), "")
            if heading:
                self.heading(*heading)
            self.add(*[line for html in between for line in (html, "")])
            for paragraph in texts:
                self.add(paragraph, "")
            self.notes(record, notes)
            self.add("</div>", "")
            return
        share = macros().share_inline(self.share_href(record), self.t("copy_link"), record.get("former_ids") or [])
        opening = str(macros().block_open_html(classes, anchor, share))
        if heading:
            self.add(block(opening), "")
            self.heading(*heading)
            self.add(block(*between, body, "</div>"), "")
        else:
            self.add(block(opening, *between, body, "</div>"), "")

    def _finished_body(self, record: dict, paragraphs, depth: int) -> str | None:
        """The body as finished HTML, its marks counted at their depth; None (and no mark kept) if
        some of it cannot be."""
        marks, kept = self.marks, len(self.finisher.marks)
        try:
            self.finisher.depth = depth + 1
            texts = [text for text in paragraphs(True) if text != ""]
            notes = []
            if None not in texts:
                self.finisher.depth = depth + 2
                for note in record.get("notes", []):
                    title = inline(attr(self.t(f"note_{note['kind']}")), self.file)
                    text = self.text_refs(note, html=True)
                    notes.append((ADMONITIONS[note["kind"]], title, text))
                    if title is None or text is None:
                        break
        except NotFinished:
            texts = [None]
        if None in texts or any(None in note for note in notes):
            self.marks = marks
            del self.finisher.marks[kept:]
            return None
        return self.finisher.body(texts, notes)

    @property
    def complete(self) -> bool:
        """False if some footnote mark stayed Markdown on a page with finished ones: then the
        page must be rendered without finishing (finished_body.py numbers them all or none)."""
        return not self.finisher or not self.finisher.marks or len(self.finisher.marks) == self.marks

    def record_tools(self, record: dict, share: bool = True, inline: bool = False) -> str:
        """The first line of a record's block: its "copy link" control (a link to its share page,
        /<lang>/d/<id>/) and an empty anchor for each of its `former_ids`."""
        make = macros().share_inline if inline else macros().record_tools
        return str(make(self.share_href(record) if share else None, self.t("copy_link"), record.get("former_ids") or []))

    def share_href(self, record: dict) -> str:
        """The address of a record's share page from this page."""
        return self.up + f"d/{record['id']}/"

    @property
    def up(self) -> str:
        """From this page to /<lang>/: '../' for carta.md (/<lang>/carta/), '' for the home page."""
        from .pages import PAGES  # the registry: how deep this page is below /<lang>/

        if self._up is None:
            self._up = "../" * next(p.url for p in PAGES if p.file == self.file).count("/")
        return self._up

    def former_anchors(self, record: dict) -> None:
        """Empty anchors for a record without a block of its own (a section heading)."""
        if record.get("former_ids"):
            self.add(self.record_tools(record, share=False), "")

    def notes(self, record: dict, notes: list | None = None) -> None:
        """A record's notes as admonitions; `notes`: note_parts(record), if the caller has them."""
        for kind, title, text in notes if notes is not None else self.note_parts(record):
            self.add(f'!!! {ADMONITIONS[kind]} "{title}"', "")
            self.add("    " + text, "")

    def note_parts(self, record: dict) -> list[tuple]:
        """(kind, title for an attribute, Markdown text with its provenance) of each note."""
        return [(n["kind"], attr(self.t(f"note_{n['kind']}")), self.text(n["text"]) + self.refs(n)) for n in record.get("notes", [])]
