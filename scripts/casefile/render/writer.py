"""Writes one page of Markdown: facts with anchors, footnoted sources, letter links and notes.

Every page module builds its page through a PageWriter, so that anchors, footnotes and the
record of who cites what work the same way everywhere. Its parts: where a fact comes from
(provenance.py) and a record's block (record_blocks.py); here, the page's text and its output.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..languages import ORIGINAL
from .escape import escape
from .finished_body import Finisher
from .html import macros, safe
from .provenance import Provenance
from .record_blocks import RecordBlocks
from .strings import format_date, t


@dataclass
class PageWriter(Provenance, RecordBlocks):
    dataset: "Dataset"  # noqa: F821
    lang: str
    file: str  # e.g. "carta.md"
    settings: "Settings" = None  # noqa: F821
    lines: list = field(default_factory=list)
    footnotes: dict = field(default_factory=dict)  # source id -> definition, in order of first use
    hide: list = field(default_factory=list)  # parts of the theme's layout this page hides, e.g. "toc"
    finish: bool = False  # record bodies as finished HTML where they can be (finished_body.py)
    marks: int = 0  # footnote marks written, in Markdown or finished
    in_body: bool = False  # see body_marks
    shared: dict = field(default_factory=dict)  # source id -> its note's definition: the same on every page of a language

    def __post_init__(self):
        self.finisher = Finisher(self.file) if self.finish else None
        self._up = None

    # -- text ---------------------------------------------------------------
    @property
    def translated(self) -> bool:
        """This page is a translation: originals are shown beside it, marked with their language."""
        return self.lang != ORIGINAL

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def text(self, value: dict) -> str:
        """A bilingual field in this page's language, escaped."""
        return escape(value[self.lang])

    def date(self, value: str) -> str:
        return format_date(value, self.lang)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def heading(self, level: int, text: str, anchor: str, classes: str = "") -> None:
        extra = "".join(f" .{c}" for c in classes.split())
        self.add(f"{'#' * level} {text} {{ #{anchor}{extra} }}", "")

    def original(self, markdown_text: str, tag: str = "div") -> None:
        """The original of a translated text, one click away, marked with its language and kept out
        of this language's search index (data-search-exclude)."""
        self.add(macros().original(self.t("show_original"), safe(markdown_text), ORIGINAL, tag), "")

    # -- output ---------------------------------------------------------------
    def markdown(self, title: str, edit_url: str | None, description: str | None = None, updated: str | None = None,
                 meta: dict | None = None) -> str:
        """The page: front matter (read by the theme: `page.meta.edit_url`, `.description`,
        `.updated`, the date its facts last changed, `.updated_label`, that date in the page's
        language, and any `meta` such as the preview image), body, then the source footnotes."""
        front = ["---", f"title: {_yaml_str(title)}"]
        if edit_url:
            front.append(f"edit_url: {_yaml_str(edit_url)}")
        if updated:
            front.append(f"updated: {_yaml_str(updated)}")
            front.append(f"updated_label: {_yaml_str(self.date(updated))}")  # shown by partials/source-file.html
        if description:
            front.append(f"description: {_yaml_str(description)}")
        for key, value in (meta or {}).items():
            front.append(f"{key}: {_yaml_str(value)}")
        if self.hide:
            front.append("hide: [" + ", ".join(self.hide) + "]")
        front += ["---", ""]
        lines = self.finisher.resolve(self.lines, list(self.footnotes)) if self.finisher else self.lines
        body = "\n".join(lines).rstrip() + "\n"
        if self.footnotes:
            body += "\n" + "\n".join(f"[^{key}]: {value}" for key, value in self.footnotes.items()) + "\n"
        return "\n".join(front) + body


def excerpt(text: str, limit: int = 70) -> str:
    """The start of a text, cut at a word, to name an untitled fact in lists of citations."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _yaml_str(value: str) -> str:
    """A double-quoted YAML string (front matter is read by MkDocs, not by our strict loader)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
