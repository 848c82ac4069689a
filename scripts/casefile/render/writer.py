"""Writes one page of Markdown: facts with anchors, footnoted sources, letter links and notes.

Every page module builds its page through a PageWriter, so that anchors, footnotes and the
record of who cites what work the same way everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..languages import ORIGINAL
from .escape import attr, escape, link_html
from .html import macros, safe
from .pages import LETTER, SOURCES
from .strings import format_date, t


@dataclass
class PageWriter:
    dataset: "Dataset"  # noqa: F821
    lang: str
    file: str  # e.g. "carta.md"
    settings: "Settings" = None  # noqa: F821
    lines: list = field(default_factory=list)
    footnotes: dict = field(default_factory=dict)  # source id -> definition, in order of first use

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

    # -- provenance -----------------------------------------------------------
    def refs(self, record: dict) -> str:
        """Letter links and source footnotes for `record`, as inline Markdown."""
        out = []
        for ref in record.get("letter", []):
            out.append(self.letter_link(ref))
        for source_id in record.get("sources", []):
            out.append(self.cite(source_id))
        if not out:
            return ""
        return ' <span class="cf-refs">' + " · ".join(out) + "</span>"

    def letter_link(self, ref: str) -> str:
        number = ref.lstrip("pfn")
        if ref.startswith("fn"):
            text, title = self.t("letter_fn_ref", n=number), self.t("letter_fn_ref_title", n=number)
        else:
            text, title = self.t("letter_ref", n=number), self.t("letter_ref_title", n=number)
        target = f"#{ref}" if self.file == LETTER.file else f"{LETTER.file}#{ref}"
        return f'[{escape(text)}]({target} "{attr(title)}"){{ .cf-letter-ref }}'

    def cite(self, source_id: str) -> str:
        if source_id not in self.footnotes:
            self.footnotes[source_id] = self.source_definition(self.dataset.sources[source_id])
        return f"[^{source_id}]"

    def source_definition(self, source: dict) -> str:
        parts = [escape(source["publisher"]), f"<cite>{escape(source['title'])}</cite>"]
        if source.get("date"):
            parts.append(escape(self.date(source["date"])))
        text = ", ".join(parts) + "."
        if source.get("url"):
            text += " " + link_html(source["url"])
        text += f' [\\[{escape(source["id"])}\\]]({SOURCES.file}#{source["id"]}){{ .cf-source-link }}'
        return text

    # -- records --------------------------------------------------------------
    def fact(self, record: dict, level: int = 3, classes: str = "") -> None:
        """A fact: heading (when it has a title) or anchored block, text with provenance, notes."""
        anchor = record["id"]
        title = record.get("title")
        self.add(macros().block_open(f"cf-fact {classes}", None if title else anchor), "")
        if title:
            self.heading(level, self.text(title), anchor)
        else:
            self.add(self.permalink(anchor))
        self.add(self.text(record["text"]) + self.refs(record), "")
        self.notes(record)
        self.add("</div>", "")

    def original(self, markdown_text: str, tag: str = "div") -> None:
        """The original of a translated text, one click away, marked with its language and kept out
        of this language's search index (data-search-exclude)."""
        self.add(macros().original(self.t("show_original"), safe(markdown_text), ORIGINAL, tag), "")

    def permalink(self, anchor: str) -> str:
        return macros().permalink(anchor, self.t("permalink"))

    def notes(self, record: dict) -> None:
        kinds = {"discrepancy": "warning", "unverified": "question", "context": "info"}
        for note in record.get("notes", []):
            title = self.t(f"note_{note['kind']}")
            self.add(f'!!! {kinds[note["kind"]]} "{attr(title)}"', "")
            self.add("    " + self.text(note["text"]) + self.refs(note), "")

    # -- output ---------------------------------------------------------------
    def markdown(self, title: str, edit_url: str | None, description: str | None = None, updated: str | None = None) -> str:
        """The page: front matter (read by the theme: `page.meta.edit_url`, `.description`,
        `.updated`, the date its facts last changed, and `.updated_label`, that date in the page's
        language), body, then the source footnotes."""
        front = ["---", f"title: {_yaml_str(title)}"]
        if edit_url:
            front.append(f"edit_url: {_yaml_str(edit_url)}")
        if updated:
            front.append(f"updated: {_yaml_str(updated)}")
            front.append(f"updated_label: {_yaml_str(self.date(updated))}")  # shown by partials/source-file.html
        if description:
            front.append(f"description: {_yaml_str(description)}")
        front += ["---", ""]
        body = "\n".join(self.lines).rstrip() + "\n"
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
