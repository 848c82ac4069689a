"""The letter: a context box, then header, every paragraph with its anchor and ¶ number, its
footnotes and its signatories.

The Spanish page shows the original. The English page shows the translation, labelled as such,
with the original of each paragraph beside it on wide screens and one click away on narrow ones
(a button opens them all). Each paragraph and note lists the places of the case file that cite it.
"""

from markupsafe import Markup

from ...languages import LANGS, ORIGINAL
from .. import escape
from ..html import macros
from ..labels import places
from ..provenance import refs
from ..records import tools
from . import BY_DATA


def _m():
    return macros("letter.html")


def render(p, spec) -> None:
    letter = p.dataset.letter
    p.heading(1, spec.title[p.lang], spec.anchor("title"))
    if p.translated:
        p.block(macros().admonition("info", p.t("translation_label"), p.t("translation_notice")))
        p.hide.append("toc")  # room for the original beside the translation
    _context(p, letter)
    if p.translated:
        p.block(_m().originals_toggle(p.t("show_all_originals")))

    p.heading(2, p.t("letter_header"), spec.anchor("header"))
    for key in ("place_date", "addressee"):
        _translated_block(p, letter[key], f"cf-letter-{key.replace('_', '-')}")

    p.heading(2, p.t("letter_body"), spec.anchor("body"))
    for paragraph in letter["paragraphs"]:
        _paragraph(p, paragraph)

    _translated_block(p, letter["closing"], "cf-letter-closing")
    _translated_block(p, letter["sender"], "cf-letter-sender")

    p.heading(2, p.t("letter_signatures"), spec.anchor("signatories"))
    signatories = BY_DATA["signatories"]
    lang = ORIGINAL if p.translated else None  # named as the letter names them, in Spanish
    p.block(_m().signatories([(p.href(signatories, s["id"]), s["name"], lang) for s in p.dataset.signatories]))

    p.heading(2, p.t("letter_footnotes"), spec.anchor("notes"))
    for note in letter["footnotes"]:
        body = escape.letter_html(note[p.lang], escape.html)
        p.block(
            _m().note(
                note["id"],
                note["mark"],
                tools(p, note),
                body,
                refs(p, note),
                p.t("back_to_mark", n=note["number"]),
                _cited_by(p, note["id"]),
            )
        )


def _context(p, letter) -> None:
    """Date, sender, addressee, what became of the letter (the timeline's events after it, with
    their sources) and where to read it: the text as received, and the other language's page."""
    source = p.dataset.sources[letter["source"]]
    sender = macros().inline(source["publisher"], ORIGINAL) if p.translated else escape.html(source["publisher"])
    signed = macros().link(p.href(BY_DATA["signatories"]), p.t("signed_by", n=len(p.dataset.signatories)))
    timeline = BY_DATA["timeline"]
    after = [
        (p.href(timeline, e["id"]), f"{p.date(e['date'])}: {e['title'][p.lang]}", refs(p, e))
        for e in p.dataset.events
        if e["relation"] == "after"
    ]
    texts = []
    if source.get("file") and p.settings.file_url(source["file"]):
        texts.append(macros().link(p.settings.file_url(source["file"]), p.t("letter_as_received")))
    for other in LANGS:
        if other != p.lang:
            texts.append(
                _m().other_language(f"../../{other}/{BY_DATA['letter'].url}", other, p.t(f"letter_page_{other}"))
            )
    rows = [
        (p.t("date"), macros().paragraph(_m().date(letter["date"], p.date(letter["date"])))),
        (p.t("context_from"), macros().paragraph(sender + Markup(", ") + signed)),
        (p.t("context_to"), macros().paragraph(p.text(letter["addressee"]))),
        (p.t("context_after"), _m().after(after) if after else None),
        (p.t("context_text"), macros().paragraph(Markup(" · ").join(texts))),
    ]
    p.block(_m().context(p.t("context_title"), [(term, value) for term, value in rows if value]))


def _paragraph(p, paragraph) -> None:
    anchor = paragraph["id"]
    notes = p.dataset.footnotes_by_mark

    def mark_html(mark):
        note = notes.get((anchor, mark))
        if note is None:
            return escape.html(mark)
        return _m().mark(note["id"], mark, p.t("letter_fn_ref_title", n=mark.translate(escape.SUPERSCRIPTS)))

    original = (
        p.original(macros().paragraph(escape.letter_html(paragraph[ORIGINAL], escape.html))) if p.translated else ""
    )
    p.block(
        _m().paragraph(
            anchor,
            paragraph["number"],
            p.t("permalink"),
            tools(p, paragraph),
            escape.letter_html(paragraph[p.lang], mark_html),
            original,
            _cited_by(p, anchor),
        )
    )


def _cited_by(p, ref: str) -> Markup | str:
    """The places of the case file that cite paragraph or note `ref` of the letter, linked."""
    found = places(p.dataset.letter_citations.get(ref, []), p.lang, skip_stems=("letter",))
    if not found:
        return ""
    summary = p.t("cited_by_one" if len(found) == 1 else "cited_by_many", n=len(found))
    return _m().cited_by(
        summary, [(p.href(page, anchor), f"{page.title[p.lang]} › {text}") for page, anchor, text in found]
    )


def _translated_block(p, value, css_class) -> None:
    original = p.original(macros().paragraph(escape.html(value[ORIGINAL]))) if p.translated else ""
    p.block(_m().translated(css_class, p.text(value), original))
