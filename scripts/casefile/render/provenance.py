"""Where a fact comes from, as a page writes it: its references to the letter ("carta ¶ 6–9, nota
4") and its source notes, as Markdown or as the finished HTML of a record body (html=True).

A mixin of PageWriter (writer.py), which holds the page's state (`footnotes`, `marks`, `finisher`).
"""
from __future__ import annotations

from contextlib import contextmanager

from .escape import attr, escape, link_html
from .finished_body import Unfinishable
from .finished_html import NotFinished, href
from .finished_html import link as finished_anchor
from .finished_html import letter_link as finished_letter_link
from .finished_html import text as finished_text
from .html import macros, safe
from .letter_refs import numbers, runs
from .pages import LETTER, SOURCES


class Provenance:
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
        plain = _text_html if html else escape
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
                return finished_anchor(f"#{source_id}", f"[{_text_html(source_id)}]", self.file, "cf-source-ref")
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

    def source_title(self, source: dict, url: str | None = None, text=escape) -> str:
        """A source's title, linked to `url` if given: the published title in <cite>, marked with
        its language; or this case file's own description of it (`own_title`), in the page's
        language and never in <cite>, so it is not passed off as the source's title. `text` writes
        the title's text (escape: Markdown; the sources page passes its HTML writer's)."""
        own = source.get("own_title")
        if own:
            return str(macros().own_title(safe(text(own[self.lang])), self.t("own_title_label"), url))
        language = source.get("language")
        return str(macros().cited_title(safe(text(source["title"])), url, language if language != self.lang else None))

    def source_definition(self, source: dict) -> str:
        parts = [escape(source["publisher"]), self.source_title(source)]
        if source.get("date"):
            parts.append(escape(self.date(source["date"])))
        text = ", ".join(parts) + "."
        if source.get("url"):
            text += " " + link_html(source["url"])
        text += f' [\\[{escape(source["id"])}\\]]({SOURCES.file}#{source["id"]}){{ .cf-source-link }}'
        return text


def _text_html(value: str) -> str:
    """finished_html.text, or NotFinished where the HTML cannot be told."""
    text = finished_text(value)
    if text is None:
        raise NotFinished(value)
    return text


def _citations():
    return macros("citations.html")
