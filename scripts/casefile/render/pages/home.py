"""Home: the headline and standfirst, what happened last, two ways in, the key figures, the case in
brief, and where to go next."""

from ..html import macros
from ..provenance import refs, text_refs
from ..records import fact, tools
from . import BY_DATA, LETTER, PAGES


def render(p, spec) -> None:
    case = p.dataset.data("case")
    standfirst = case["standfirst"]
    home = macros("home.html")
    p.block(home.kicker(p.t("home_kicker", date=p.date(p.dataset.letter["date"]))))
    p.heading(1, p.text(standfirst["headline"]), spec.anchor("title"), "cf-headline")
    p.block(home.standfirst(spec.anchor("standfirst"), text_refs(p, standfirst)))
    _latest(p, home, BY_DATA["timeline"], spec.anchor("latest"))
    ways = [
        {"title": p.t("read_the_letter"), "note": p.t("read_the_letter_note"), "href": p.href(LETTER)},
        {"title": p.t("see_the_evidence"), "note": p.t("see_the_evidence_note"), "href": p.href(BY_DATA["findings"])},
    ]
    p.block(home.ways_in(p.t("ways_in"), ways))

    p.heading(2, p.t("key_figures"), spec.anchor("figures"))
    figures = [
        home.figure(f["id"], tools(p, f), f["value"][p.lang], p.text(f["label"]) + refs(p, f))
        for f in p.dataset.key_figures
    ]
    p.block(home.figures(figures))

    p.heading(2, p.t("summary"), spec.anchor("summary"))
    for record in p.dataset.summary:
        fact(p, record)
    p.heading(2, p.t("next"), spec.anchor("next"))
    p.block(macros().links([(p.href(page), page.title[p.lang]) for page in PAGES[1:]]))


def _latest(p, home, timeline_page, anchor: str) -> None:
    """One line on what happened last: the latest event after the letter, from the timeline."""
    after = [event for event in p.dataset.events if event["relation"] == "after"]
    if not after:
        return
    event = after[-1]  # the timeline is kept in date order (a validation rule)
    p.block(
        home.status(
            anchor,
            p.t("latest"),
            event["date"],
            p.date(event["date"]),
            p.text(event["title"]) + refs(p, event),
            p.t("full_timeline"),
            p.href(timeline_page, event["id"]),
        )
    )
