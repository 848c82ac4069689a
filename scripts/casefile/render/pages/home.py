"""Home: the headline and standfirst, what happened last, two ways in, the key figures, the case in
brief, and where to go next."""
from ..escape import escape
from ..html import macros, safe
from . import BY_DATA, LETTER, PAGES


def render(w, spec) -> None:
    case = w.dataset.data("case")
    standfirst = case["standfirst"]
    home = macros("home.html")
    w.add(home.kicker(_t(w, "home_kicker", date=w.date(w.dataset.letter["date"]))), "")
    w.heading(1, w.text(standfirst["headline"]), "inicio", "cf-headline")
    w.add(home.standfirst("entrada", safe(w.text(standfirst["text"])), safe(w.refs(standfirst))), "")
    _latest(w, home, BY_DATA["timeline"])
    ways = [
        {"title": _t(w, "read_the_letter"), "note": _t(w, "read_the_letter_note"), "href": LETTER.file},
        {"title": _t(w, "see_the_evidence"), "note": _t(w, "see_the_evidence_note"), "href": BY_DATA["findings"].file},
    ]
    w.add(home.ways_in(w.t("ways_in"), ways), "")

    w.heading(2, w.t("key_figures"), "cifras")
    w.add('<div class="cf-figures" markdown="1">', "")
    for figure in w.dataset.key_figures:
        w.add(home.figure(figure["id"], safe(w.record_tools(figure)), safe(w.text(figure["value"])), safe(w.text(figure["label"])), safe(w.refs(figure))), "")
    w.add("</div>", "")

    w.heading(2, w.t("summary"), "resumen")
    for fact in w.dataset.summary:
        w.fact(fact)
    w.heading(2, w.t("next"), "siguiente")
    for page in PAGES[1:]:
        w.add(f"- [{escape(page.title[w.lang])}]({page.file})")
    w.add("")


def _latest(w, home, timeline_page) -> None:
    """One line on what happened last: the latest event after the letter, from the timeline."""
    after = [event for event in w.dataset.events if event["relation"] == "after"]
    if not after:
        return
    event = after[-1]  # the timeline is kept in date order (a validation rule)
    w.add(home.status("estado", w.t("latest"), event["date"], w.date(event["date"]), safe(w.text(event["title"])),
                      safe(w.refs(event)), _t(w, "full_timeline"), f"{timeline_page.file}#{event['id']}"), "")


def _t(w, key: str, **values):
    """An interface string as Markdown that shows exactly its characters, for a template slot."""
    return safe(escape(w.t(key, **values)))
