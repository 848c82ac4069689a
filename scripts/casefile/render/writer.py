"""Writes one page of Markdown: facts with anchors, footnoted sources, letter links and notes.

Every page module builds its page through a PageWriter, so that anchors, footnotes and the
record of who cites what work the same way everywhere.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from ..languages import ORIGINAL
from .escape import attr, escape, link_html
from .finished_body import ADMONITIONS, Finisher
from .finished_html import block, href, inline
from .finished_html import letter_link as finished_letter_link
from .finished_html import text as finished_text
from .html import macros, safe
from .letter_refs import numbers, runs
from .pages import LETTER, SOURCES
from .strings import format_date, t


class Unfinishable(Exception):
    """A page with finished footnote marks wrote one in Markdown: it is rendered again without."""


@dataclass
class PageWriter:
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

    # -- provenance -----------------------------------------------------------
    def refs(self, record: dict, wrap: bool = True, html: bool = False) -> str:
        """Where `record` comes from, as inline Markdown: one compact reference to the letter
        ("carta ¶ 6–9, nota 4") and the source notes, which read as bracketed numbers ("[3]").
        `wrap=False` leaves out the <span class="cf-refs"> around them (one element less).
        `html=True`: as the finished HTML of a record body (finished_body.py), marks included."""
        notes = " ".join(self.cite(s, html) for s in record.get("sources", []))
        parts = [self.letter_refs(record.get("letter", []), html), notes]
        body = " ".join(part for part in parts if part)
        if not body:
            return ""
        return " " + (str(_citations().refs(safe(body))) if wrap else body)

    def letter_refs(self, refs: list, html: bool = False) -> str:
        """'carta ¶ 6–9, nota 4': every number shown links to its paragraph or note of the letter."""
        paragraphs, notes = numbers(refs)
        plain = finished_text if html else escape
        pieces = []
        if paragraphs:
            pieces.append("¶ " + self._letter_numbers(paragraphs, "p", "letter_ref_title", html))
        if notes:
            word = self.t("letter_note_word" if len(notes) == 1 else "letter_notes_word")
            pieces.append(plain(word) + " " + self._letter_numbers(notes, "fn", "letter_fn_ref_title", html))
        if not pieces:
            return ""
        word = plain(self.t("letter_word")) + ("" if paragraphs else ",")  # "carta ¶ 6" but "carta, nota 4"
        return str(_citations().letter_refs(safe(word), safe(", ".join(pieces))))

    def _letter_numbers(self, values: list, prefix: str, title_key: str, html: bool = False) -> str:
        out = []
        for first, last in runs(values):
            link = self.letter_link(f"{prefix}{first}", first, title_key, html)
            if last != first:
                link += "–" + self.letter_link(f"{prefix}{last}", last, title_key, html)
            out.append(link)
        return ", ".join(out)

    def letter_link(self, ref: str, number: int, title_key: str, html: bool = False) -> str:
        title = attr(self.t(title_key, n=number))
        target = f"#{ref}" if self.file == LETTER.file else f"{LETTER.file}#{ref}"
        if html:
            return finished_letter_link(href(target, self.file), title, number)
        return f'[{number}]({target} "{title}"){{ .cf-letter-ref aria-label="{title}" }}'

    def cite(self, source_id: str, html: bool = False) -> str:
        """A source note. On the sources page, where every source is listed, a direct link to it.
        `html=True`: the place of a finished mark (finished_body.py numbers it when the page is done)."""
        if self.file == SOURCES.file:
            if html:
                raise ValueError("the sources page links its sources, it has no finished marks")
            return f"[\\[{escape(source_id)}\\]](#{source_id}){{ .cf-source-ref }}"
        if source_id not in self.footnotes:
            known = self.shared.get(source_id)
            if known is None:
                known = self.shared[source_id] = self.source_definition(self.dataset.sources[source_id])
            self.footnotes[source_id] = known
        self.marks += 1
        if html:
            return self.finisher.mark(source_id)
        if self.finisher and not self.in_body:  # a mark Python-Markdown will number: it must number all
            if self.finisher.marks:
                raise Unfinishable(self.file)
            self.finisher = None  # none made here yet: the rest of the page stays Markdown
        return f"[^{source_id}]"

    @contextmanager
    def body_marks(self):
        """Footnote marks written meanwhile are for a record body, which may be finished HTML."""
        self.in_body = True
        try:
            yield
        finally:
            self.in_body = False

    def lang_attr(self, source: dict) -> str:
        """` lang="es"` for a source title written in another language than this page's."""
        language = source.get("language")
        return f' lang="{language}"' if language and language != self.lang else ""

    def source_title(self, source: dict, url: str | None = None) -> str:
        """A source's title, linked to `url` if given: the published title in <cite>, marked with
        its language; or this case file's own description of it (`own_title`), in the page's
        language and never in <cite>, so it is not passed off as the source's title."""
        own = source.get("own_title")
        if own:
            return str(macros().own_title(safe(escape(own[self.lang])), self.t("own_title_label"), url))
        language = source.get("language")
        return str(macros().cited_title(safe(escape(source["title"])), url, language if language != self.lang else None))

    def source_definition(self, source: dict) -> str:
        parts = [escape(source["publisher"]), self.source_title(source)]
        if source.get("date"):
            parts.append(escape(self.date(source["date"])))
        text = ", ".join(parts) + "."
        if source.get("url"):
            text += " " + link_html(source["url"])
        text += f' [\\[{escape(source["id"])}\\]]({SOURCES.file}#{source["id"]}){{ .cf-source-link }}'
        return text

    # -- records --------------------------------------------------------------
    def fact(self, record: dict, level: int = 3, classes: str = "", depth: int = 1) -> None:
        """A fact: heading (when it has a title) or anchored block, text with provenance, notes."""
        anchor = record["id"]
        title = record.get("title")
        self.record_block(record, f"cf-fact {classes}", None if title else anchor, lambda html: [self.text_refs(record, html)], depth,
                          (level, self.text(title), anchor) if title else None)

    def text_refs(self, record: dict, html: bool = False) -> str | None:
        """A record's text and where it comes from: Markdown, or finished HTML (None if it cannot be)."""
        if not html:
            return self.text(record["text"]) + self.refs(record)
        text = finished_text(record["text"][self.lang])
        return None if text is None else text + self.refs(record, html=True)

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

    def original(self, markdown_text: str, tag: str = "div") -> None:
        """The original of a translated text, one click away, marked with its language and kept out
        of this language's search index (data-search-exclude)."""
        self.add(macros().original(self.t("show_original"), safe(markdown_text), ORIGINAL, tag), "")

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


def _citations():
    return macros("citations.html")


def excerpt(text: str, limit: int = 70) -> str:
    """The start of a text, cut at a word, to name an untitled fact in lists of citations."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _yaml_str(value: str) -> str:
    """A double-quoted YAML string (front matter is read by MkDocs, not by our strict loader)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
