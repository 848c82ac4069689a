"""One page being written: its Markdown headings and HTML blocks, its source notes, its output.

Every page module fills its page through a Page, so that anchors, links and notes work the same
way everywhere. Headings are Markdown lines (MkDocs builds the table of contents and permalinks
from them); everything else is HTML from the templates (html.py), which Python-Markdown passes on
as it is. Where a fact comes from is provenance.py; a record's block is records.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from ..languages import ORIGINAL
from . import escape
from .footnotes import Footnotes
from .html import macros
from .strings import format_date, t


@dataclass
class Page:
    dataset: Dataset  # noqa: F821
    lang: str
    spec: PageSpec  # noqa: F821
    settings: Settings = None  # noqa: F821
    shared: dict = field(default_factory=dict)  # source id -> its note's text: the same on every page of a language
    parts: list = field(default_factory=list)  # Markdown headings and HTML blocks, in order
    hide: list = field(default_factory=list)  # parts of the theme's layout this page hides, e.g. "toc"
    notes: Footnotes = field(default_factory=Footnotes)

    @property
    def file(self) -> str:
        return self.spec.file

    @property
    def translated(self) -> bool:
        """This page is a translation: originals are shown beside it, marked with their language."""
        return self.lang != ORIGINAL

    # -- text ---------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def text(self, value: dict) -> Markup:
        """A bilingual field in this page's language, as HTML."""
        return escape.html(value[self.lang])

    def date(self, value: str) -> str:
        return format_date(value, self.lang)

    # -- addresses ------------------------------------------------------------
    def href(self, spec, anchor: str | None = None) -> str:
        """The address of page `spec` (and `anchor` on it) from this page."""
        fragment = f"#{anchor}" if anchor else ""
        if spec.file == self.file and anchor:
            return fragment
        return "../" * self.spec.url.count("/") + spec.url + fragment

    def share_href(self, record: dict) -> str:
        """The address of a record's share page, /<lang>/d/<id>/, from this page."""
        return "../" * self.spec.url.count("/") + f"d/{record['id']}/"

    # -- content --------------------------------------------------------------
    def heading(self, level: int, content: str | Markup, anchor: str, classes: str = "") -> None:
        """A Markdown heading: plain text, or HTML (Markup) whose tags are kept."""
        extra = "".join(f" .{c}" for c in classes.split())
        self.parts.append(f"{'#' * level} {escape.heading(content)} {{ #{anchor}{extra} }}")

    def block(self, html: Markup | str) -> None:
        """A block of HTML, passed on by Python-Markdown as it is: it must open with a block
        element. Blank lines inside are dropped, so that the block stays one."""
        self.parts.append("\n".join(line for line in str(html).split("\n") if line.strip()))

    def paragraph(self, text: str | Markup, css_class: str | None = None) -> None:
        self.block(macros().paragraph(text, css_class))

    def original(self, html: Markup, tag: str = "div") -> Markup:
        """The original of a translated text, one click away, marked with its language."""
        return macros().original(self.t("show_original"), html, ORIGINAL, tag)

    # -- output ---------------------------------------------------------------
    def markdown(self, front: dict) -> str:
        """The page: front matter (read by the theme, e.g. `page.meta.edit_url`), its headings and
        blocks, then its source notes."""
        lines = ["---"] + [f"{key}: {_yaml(value)}" for key, value in front.items() if value is not None]
        if self.hide:
            lines.append("hide: [" + ", ".join(self.hide) + "]")
        notes = self.notes.html(self.t("footnote_backlink"))
        body = self.parts + ([str(notes).strip()] if notes else [])
        return "\n".join(lines + ["---", ""]) + "\n\n".join(body) + "\n"


def excerpt(text: str, limit: int = 70) -> str:
    """The start of a text, cut at a word, to name an untitled fact in lists of citations."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _yaml(value) -> str:
    """A double-quoted YAML string or a boolean (front matter is read by MkDocs)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
