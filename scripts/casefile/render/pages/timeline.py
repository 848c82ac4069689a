"""The timeline, split into before the letter, the letter, and after it, drawn as one vertical
line with the years as landmarks and the letter marked on it."""

from markupsafe import Markup

from ..html import macros
from ..provenance import text_refs
from ..records import block
from . import LETTER

GROUPS = (
    ("before", "before_letter"),
    ("letter", "the_letter"),
    ("after", "after_letter"),
)  # (relation: its anchor role, title)


def _m():
    return macros("timeline.html")


def render(p, spec) -> None:
    p.heading(1, spec.title[p.lang], spec.anchor("title"))
    p.paragraph(p.t("timeline_intro"))
    for relation, key in GROUPS:
        events = [e for e in p.dataset.events if e["relation"] == relation]
        if not events:
            continue
        p.heading(2, p.t(key), spec.anchor(relation))
        p.block(_m().start())
        year = None
        for event in events:
            if event["date"][:4] != year:  # a landmark where the year changes, and atop each part
                year = event["date"][:4]
                p.block(_m().year(year))
            _event(p, event, relation)
        p.block(Markup("</div>"))


def _event(p, event, relation) -> None:
    heading = (3, _m().when(event["date"], p.date(event["date"])) + p.text(event["title"]), event["id"])
    paragraphs = [text_refs(p, event)]
    badge = ()
    if relation == "letter":
        badge = (_m().letter_badge(p.t("relation_letter")),)
        paragraphs.append(macros().link(p.href(LETTER), p.t("read_the_letter")))
    block(p, event, f"cf-event cf-event--{relation}", None, paragraphs, heading, badge)
