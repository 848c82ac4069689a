"""Every source, anchored by its id, grouped (the letter, OGP, statements and official documents,
reports, press, other web pages), with the places that cite it folded under each.

The page is long (one entry per source), so each entry is kept to a few elements: the page
must stay light on a phone (see tests/browser/test_long_pages.py).
"""

from markupsafe import Markup

from ..html import macros
from ..labels import places
from ..provenance import refs, source_title
from ..records import tools
from . import LETTER, SOURCES

OGP = "Open Government Partnership"  # the publisher whose documents form a group of their own

# (anchor role, interface string, which sources): a source goes in the first group that takes it.
GROUPS = (
    ("letter", "sources_group_letter", lambda s: s["kind"] == "letter"),
    ("ogp", "sources_group_ogp", lambda s: s["publisher"] == OGP),
    ("official", "sources_group_official", lambda s: s["kind"] in ("official", "press-release", "statement")),
    ("reports", "sources_group_reports", lambda s: s["kind"] in ("report", "dataset")),
    ("press", "sources_group_press", lambda s: s["kind"] == "article"),
    ("web", "sources_group_web", lambda s: True),
)


def _m():
    return macros("sources.html")


def groups(sources: list) -> list[tuple]:
    """(anchor, string key, [sources]) for each group that has sources, in the order of GROUPS."""
    members = {role: [] for role, _, _ in GROUPS}
    for source in sources:
        role = next(role for role, _, takes in GROUPS if takes(source))
        members[role].append(source)
    return [(SOURCES.anchor(role), key, members[role]) for role, key, _ in GROUPS if members[role]]


def render(p, spec) -> None:
    p.heading(1, spec.title[p.lang], spec.anchor("title"))
    p.paragraph(p.t("sources_intro"))
    by_source = {}
    for c in p.dataset.citations:
        by_source.setdefault(c.source, []).append(c)
    found = groups(p.dataset.sources_list)
    p.block(_m().contents(p.t("sources_groups"), [(anchor, p.t(key), len(items)) for anchor, key, items in found]))
    for anchor, key, items in found:
        p.heading(2, p.t(key), anchor)
        for source in items:
            cites = places(by_source.get(source["id"], []), p.lang, skip_stems=(spec.data,))  # its own notes are here
            p.block(_entry(p, source, cites))


def _entry(p, source, cites) -> Markup:
    date = p.date(source["date"]) if source.get("date") else p.t("no_date")
    facts = [
        f"{p.t('date')}: {date}",
        f"{p.t('language')}: {p.t('lang_' + source['language'])}",
        f"{p.t('kind')}: {p.t('kind_' + source['kind'])}",
    ]
    if source.get("file") and p.settings.file_url(source["file"]):
        facts.append(macros().link(p.settings.file_url(source["file"]), p.t("repository_copy")))
    facts.append(tools(p, source, inline=True))  # its link, to copy: the one control per source
    cited = None  # "cited in" folded under the entry, when it is cited in several places
    if source["kind"] == "letter" and cites:
        facts.append(
            _m().cited_in(
                p.t("cited_in_letter", n=len(cites)), p.href(LETTER, LETTER.anchor("body")), p.t("cited_in_letter_link")
            )
        )
    elif len(cites) == 1:
        page, place, text = cites[0]
        facts.append(_m().cited_in(f"{p.t('cited_in')}:", p.href(page, place), f"{page.title[p.lang]} › {text}"))
    elif cites:
        cited = (p.t("cited_in_count", n=len(cites)), _places_by_page(p, cites))
    else:
        facts.append(macros().inline(p.t("not_cited"), tag="em"))
    notes = [
        (note["kind"], p.t(f"note_{note['kind']}"), p.text(note["text"]) + refs(p, note, wrap=False))
        for note in source.get("notes", [])
    ]
    title = source_title(p, source, source.get("url"))
    return _m().source(source["id"], title, not source.get("url"), source["publisher"], facts, notes, cited)


def _places_by_page(p, cites) -> list:
    """[(page title, [(href, text)])]: each page named once, each place a link."""
    pages = {}
    for page, anchor, text in cites:
        pages.setdefault(page.file, (page.title[p.lang], []))[1].append((p.href(page, anchor), text))
    return list(pages.values())
