"""A request's quotation of the letter, in each language, from one place.

`quote.es` in data/requests.yaml is the letter's own words, copied verbatim (the validator finds
them in the letter). The translation is not copied: `quote.en` names the span of the letter's
English translation (data/letter.yaml, the `en` of the paragraphs the request cites) by the words
it starts `from` and the words it ends `to`. The quotation is the translation from the first
occurrence of `from` through the first occurrence of `to` that ends after it, so a change to the
translation reaches the quotation by itself, and there is one translation of each sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..languages import ORIGINAL
from ..text import normalise_space


@dataclass(frozen=True)
class Span:
    text: str | None  # the quotation, or None when the span cannot be cut
    paragraph: str | None = None  # the id of the paragraph it is cut from
    field: str = ""  # "from" or "to": what is wrong, when text is None
    problem: str = ""


def cut(paragraphs: dict, refs, spec) -> Span:
    """The span `spec` ({from, to}) of the texts `paragraphs` (id -> text) of the paragraphs `refs`."""
    start, end = spec.get("from"), spec.get("to")
    if not (isinstance(start, str) and start.strip() and isinstance(end, str) and end.strip()):
        return Span(None)  # the schema reports the missing or empty field
    start, end = normalise_space(start), normalise_space(end)
    hits = []
    for ref in refs:
        text = paragraphs.get(ref)
        if isinstance(text, str):
            text = normalise_space(text)
            at = text.find(start)
            while at != -1:
                hits.append((ref, text, at))
                at = text.find(start, at + 1)
    if not hits:
        return Span(None, field="from", problem="not found")
    if len(hits) > 1:
        return Span(None, field="from", problem="found more than once")
    ref, text, at = hits[0]
    stop = text.find(end, at)
    while stop != -1 and stop + len(end) < at + len(start):
        stop = text.find(end, stop + 1)
    if stop == -1:
        return Span(None, ref, field="to", problem="not found after")
    return Span(text[at : stop + len(end)], ref)


def translations(letter: dict, lang: str) -> dict:
    """Paragraph id -> its text in `lang`, read defensively (the validator runs this on any data)."""
    items = letter.get("paragraphs") if isinstance(letter, dict) else None
    return {p["id"]: p.get(lang) for p in items or [] if isinstance(p, dict) and isinstance(p.get("id"), str)}


def quoted(letter: dict, request: dict, lang: str) -> str:
    """The request's quotation in `lang` (valid data only: the validator has checked the span)."""
    quote = request["quote"]
    if lang == ORIGINAL:
        return quote[ORIGINAL]
    span = cut(translations(letter, lang), request["letter"], quote[lang])
    if span.text is None:
        raise ValueError(f"request {request['id']}: quote.{lang} does not name a span of the translation")
    return span.text
