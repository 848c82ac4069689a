"""The letter: a context box, then header, every paragraph with its anchor and ¶ number, its
footnotes and its signatories.

The Spanish page shows the original. The English page shows the translation, labelled as such,
with the original of each paragraph beside it on wide screens and one click away on narrow ones
(a button opens them all). Each paragraph and note lists the places of the case file that cite it.
"""
from markupsafe import escape as as_html  # what the templates do to plain text

from ..escape import SUPERSCRIPTS, escape, letter_text
from ..finished_html import block, inline
from ..finished_html import link as finished_link
from ..finished_html import text as finished_text
from ..html import macros, safe
from ...languages import LANGS, ORIGINAL
from . import BY_DATA


def _m():
    return macros("letter.html")


def render(w, spec) -> None:
    letter = w.dataset.letter
    w.heading(1, escape(spec.title[w.lang]), "la-carta")
    if w.translated:
        w.add('!!! info "' + escape(w.t("translation_label")) + '"', "", "    " + escape(w.t("translation_notice")), "")
        w.hide.append("toc")  # room for the original beside the translation
    _context(w, letter, BY_DATA)
    if w.translated:
        w.add(str(_m().originals_toggle(w.t("show_all_originals"))), "")

    w.heading(2, w.t("letter_header"), "encabezado")
    for key in ("place_date", "addressee"):
        _translated_block(w, letter[key], f"cf-letter-{key.replace('_', '-')}")

    w.heading(2, w.t("letter_body"), "cuerpo")
    for paragraph in letter["paragraphs"]:
        _paragraph(w, paragraph)

    _translated_block(w, letter["closing"], "cf-letter-closing")
    _translated_block(w, letter["sender"], "cf-letter-sender")

    w.heading(2, w.t("letter_signatures"), "firmas")
    for signatory in w.dataset.signatories:
        name = escape(signatory["name"])  # as the letter gives it, in Spanish: marked so on a translated page
        if w.translated:
            name = str(macros().inline(safe(name), ORIGINAL))
        w.add(f"- [{name}]({BY_DATA['signatories'].file}#{signatory['id']})")
    w.add("")

    w.heading(2, w.t("letter_footnotes"), "notas")
    for note in letter["footnotes"]:
        n = note["number"]
        w.add(str(_m().note(note["id"], note["mark"], safe(w.record_tools(note)), safe(letter_text(note[w.lang], escape)), safe(w.refs(note)),
                            w.t("back_to_mark", n=n), safe(_cited_by(w, note["id"])))), "")


def _context(w, letter, by_data) -> None:
    """Date, sender, addressee, what became of the letter (the timeline's events after it, with
    their sources) and where to read it: the text as received, and the other language's page."""
    source = w.dataset.sources[letter["source"]]
    sender = escape(source["publisher"])
    if w.translated:
        sender = str(macros().inline(safe(sender), ORIGINAL))
    signed = w.t("signed_by", n=len(w.dataset.signatories))
    timeline = by_data["timeline"].file
    after = [f"- [{escape(w.date(e['date']))}: {w.text(e['title'])}]({timeline}#{e['id']}){w.refs(e)}"
             for e in w.dataset.events if e["relation"] == "after"]
    texts = []
    if source.get("file") and w.settings.file_url(source["file"]):
        texts.append(f"[{escape(w.t('letter_as_received'))}]({w.settings.file_url(source['file'])})")
    for other in LANGS:
        if other != w.lang:
            texts.append(str(_m().other_language(f"../../{other}/{by_data['letter'].url}", other, w.t(f"letter_page_{other}"))))
    rows = [
        (w.t("date"), str(_m().date(letter["date"], safe(escape(w.date(letter["date"])))))),
        (w.t("context_from"), f"{sender}, [{escape(signed)}]({by_data['signatories'].file})"),
        (w.t("context_to"), w.text(letter["addressee"])),
        (w.t("context_after"), "\n".join(after)),
        (w.t("context_text"), " · ".join(texts)),
    ]
    w.add(str(_m().context(w.t("context_title"), [(term, safe(value)) for term, value in rows if value])), "")


def _paragraph(w, paragraph) -> None:
    anchor = paragraph["id"]
    notes = w.dataset.footnotes_by_mark

    def mark_link(mark):
        note = notes.get((anchor, mark))
        if note is None:
            return escape(mark)
        return str(_m().mark(note["id"], mark, w.t("letter_fn_ref_title", n=mark.translate(SUPERSCRIPTS))))

    original = _original(w, letter_text(paragraph[ORIGINAL], escape)) if w.translated else ""
    w.add(str(_m().paragraph(anchor, paragraph["number"], w.t("permalink"), safe(w.record_tools(paragraph)),
                             safe(letter_text(paragraph[w.lang], mark_link)),
                             safe(original), safe(_cited_by(w, anchor)))), "")


def _cited_by(w, ref: str) -> str:
    """The places of the case file that cite paragraph or note `ref` of the letter, linked."""
    from ..labels import places

    found = places(w.dataset.letter_citations.get(ref, []), w.lang, skip_stems=("letter",))
    if not found:
        return ""
    summary = w.t("cited_by_one" if len(found) == 1 else "cited_by_many", n=len(found))
    # as Python-Markdown would write it, made here (a long list on a long page)
    texts = [(finished_text(page.title[w.lang]), finished_text(text)) for page, _, text in found]
    heading = inline(str(as_html(summary)), w.file)
    if heading is not None and all(a is not None and b is not None for a, b in texts):
        links = [finished_link(f"{page.file}#{anchor}", f"{a} › {b}", w.file) for (page, anchor, _), (a, b) in zip(found, texts)]
        return block(str(_m().cited_by_html(safe(heading), [safe(item) for item in links])))
    items = [f"[{escape(page.title[w.lang])} › {escape(text)}]({page.file}#{anchor})" for page, anchor, text in found]
    return str(_m().cited_by(summary, [safe(item) for item in items]))


def _original(w, markdown_text: str) -> str:
    return str(macros().original(w.t("show_original"), safe(markdown_text), ORIGINAL, "div"))


def _translated_block(w, value, css_class) -> None:
    original = _original(w, escape(value[ORIGINAL])) if w.translated else ""
    w.add(str(_m().translated(css_class, safe(escape(value[w.lang])), safe(original))), "")
