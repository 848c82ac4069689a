"""The timeline, split into before the letter, the letter, and after it, drawn as one vertical
line with the years as landmarks and the letter marked on it."""
from ..escape import escape
from ..finished_html import inline
from ..html import macros, safe
from . import LETTER

GROUPS = (("before", "antes", "before_letter"), ("letter", "carta-del-nosc", "the_letter"), ("after", "despues", "after_letter"))


def _m():
    return macros("timeline.html")


def render(w, spec) -> None:
    w.heading(1, escape(spec.title[w.lang]), "cronologia")
    w.add(escape(w.t("timeline_intro")), "")
    for relation, anchor, key in GROUPS:
        events = [e for e in w.dataset.events if e["relation"] == relation]
        if not events:
            continue
        w.heading(2, escape(w.t(key)), anchor)
        w.add(str(_m().start()), "")
        year = None
        for event in events:
            if event["date"][:4] != year:  # a landmark where the year changes, and atop each part
                year = event["date"][:4]
                w.add(str(_m().year(year)), "")
            _event(w, event, relation, LETTER)
        w.add(str(_m().end()), "")


def _event(w, event, relation, letter_page) -> None:
    when = str(_m().when(event["date"], safe(escape(w.date(event["date"])))))
    heading = (3, f"{when}{w.text(event['title'])}", event["id"])
    badge = [str(_m().letter_badge(w.t("relation_letter")))] if relation == "letter" else []
    letter_link = f"[{escape(w.t('read_the_letter'))}]({letter_page.file})" if relation == "letter" else None

    def paragraphs(html: bool) -> list:
        link = [inline(letter_link, w.file) if html else letter_link] if letter_link else []
        return [w.text_refs(event, html)] + link

    w.record_block(event, f"cf-event cf-event--{relation}", None, paragraphs, 2, heading, badge)  # in the timeline's block
