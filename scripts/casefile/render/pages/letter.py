"""The letter: header, every paragraph with its anchor and ¶ number, its footnotes, its signatories.

The Spanish page shows the original. The English page shows the translation, labelled as such,
with the original of each paragraph one click away.
"""
from ..escape import SUPERSCRIPTS, attr, escape, letter_text
from ..html import macros, safe
from ...languages import ORIGINAL


def render(w, spec) -> None:
    from . import BY_DATA  # the registry imports this module
    letter = w.dataset.letter
    w.heading(1, escape(spec.title[w.lang]), "la-carta")
    if w.translated:
        w.add('!!! info "' + attr(w.t("translation_label")) + '"', "", "    " + escape(w.t("translation_notice")), "")

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
        text = letter_text(note[w.lang], escape)
        back = (f'<a class="cf-backref" href="#ref-{note["id"]}" title="{attr(w.t("back_to_mark", n=n))}" '
                f'aria-label="{attr(w.t("back_to_mark", n=n))}">↩</a>')
        refs = w.refs(note)
        w.add(f'<div class="cf-letter-note" id="{note["id"]}" markdown="1">', "", w.record_tools(note), "",
              f'<span class="cf-note-mark">{note["mark"]}</span> {text}{refs} {back}', "", "</div>", "")


def _paragraph(w, paragraph) -> None:
    number, anchor = paragraph["number"], paragraph["id"]
    notes = w.dataset.footnotes_by_mark

    def mark_link(mark):
        note = notes.get((anchor, mark))
        if note is None:
            return escape(mark)
        title = attr(w.t("letter_fn_ref_title", n=mark.translate(SUPERSCRIPTS)))
        return f'<sup class="cf-mark"><a id="ref-{note["id"]}" href="#{note["id"]}" title="{title}" aria-label="{title}">{mark}</a></sup>'

    w.add(f'<div class="cf-paragraph" id="{anchor}" markdown="1">', "")
    w.add(f'<a class="cf-pnum headerlink" href="#{anchor}" title="{attr(w.t("permalink"))}">¶ {number}</a>', "")
    w.add(w.record_tools(paragraph), "")
    w.add(letter_text(paragraph[w.lang], mark_link), "")
    if w.translated:
        w.original(letter_text(paragraph[ORIGINAL], escape))
    w.add("</div>", "")


def _translated_block(w, value, css_class) -> None:
    w.add(f'<div class="{css_class}" markdown="1">', "", escape(value[w.lang]), "")
    if w.translated:
        w.original(escape(value[ORIGINAL]))
    w.add("</div>", "")
