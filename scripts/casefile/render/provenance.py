"""Where a fact comes from, as a page shows it: its references to the letter ("carta ¶ 6–9,
nota 4") and its source notes, which read as bracketed numbers."""

from __future__ import annotations

from markupsafe import Markup

from . import escape
from .html import macros
from .letter_refs import numbers, runs
from .pages import LETTER, SOURCES


def _m():
    return macros("citations.html")


def refs(page, record: dict, wrap: bool = True) -> Markup:
    """Where `record` comes from, led by a space: one compact reference to the letter and the
    source notes. `wrap=False` leaves out the <span class="cf-refs"> around them."""
    marks = [cite(page, source_id) for source_id in record.get("sources", [])]
    parts = [part for part in [letter_refs(page, record.get("letter", [])), *marks] if part]
    if not parts:
        return Markup("")
    body = Markup(" ").join(parts)
    return Markup(" ") + (_m().refs(body) if wrap else body)


def text_refs(page, record: dict) -> Markup:
    """A record's text (if it has one) followed by where it comes from."""
    text = page.text(record["text"]) if record.get("text") else Markup("")
    return (text + refs(page, record)).strip() if text else refs(page, record).strip()


def letter_refs(page, ids: list) -> Markup | None:
    """'carta ¶ 6–9, nota 4': every number shown links to its paragraph or note of the letter."""
    paragraphs, notes = numbers(ids)
    pieces = []
    if paragraphs:
        pieces.append(Markup("¶ ") + _numbers(page, paragraphs, "p", "letter_ref_title"))
    if notes:
        word = page.t("letter_note_word" if len(notes) == 1 else "letter_notes_word")
        pieces.append(escape.html(word) + Markup(" ") + _numbers(page, notes, "fn", "letter_fn_ref_title"))
    if not pieces:
        return None
    word = page.t("letter_word") + ("" if paragraphs else ",")  # "carta ¶ 6" but "carta, nota 4"
    return _m().letter_refs(word, Markup(", ").join(pieces))


def _numbers(page, values: list, prefix: str, title_key: str) -> Markup:
    out = []
    for first, last in runs(values):
        link = _letter_link(page, prefix, first, title_key)
        if last != first:
            link += Markup("–") + _letter_link(page, prefix, last, title_key)
        out.append(link)
    return Markup(", ").join(out)


def _letter_link(page, prefix: str, number: int, title_key: str) -> Markup:
    return macros().link(
        page.href(LETTER, f"{prefix}{number}"), str(number), "cf-letter-ref", page.t(title_key, n=number)
    )


def cite(page, source_id: str) -> Markup:
    """A source note's mark. On the sources page, where every source is listed, a link to it."""
    if page.file == SOURCES.file:
        return _m().source_ref(source_id)
    return page.notes.mark(source_id, lambda: _definition(page, source_id))


def _definition(page, source_id: str) -> Markup:
    key = (source_id, page.spec.url.count("/"))  # the same text on every page as deep as this one
    known = page.shared.get(key)
    if known is None:
        source = page.dataset.sources[source_id]
        date = page.date(source["date"]) if source.get("date") else None
        known = page.shared[key] = _m().definition(
            source["publisher"],
            source_title(page, source),
            date,
            source.get("url"),
            page.href(SOURCES, source_id),
            source_id,
        )
    return known


def source_title(page, source: dict, url: str | None = None) -> Markup:
    """A source's title, linked to `url` if given: the published title in <cite>, marked with its
    language; or this case file's own description of it (`own_title`), in the page's language and
    never in <cite>, so that it is not passed off as the source's title."""
    own = source.get("own_title")
    if own:
        return macros().own_title(escape.html(own[page.lang]), page.t("own_title_label"), url)
    language = source.get("language")
    return macros().cited_title(escape.html(source["title"]), url, language if language != page.lang else None)
