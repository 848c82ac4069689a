"""Every source, anchored by its id, grouped (the letter, OGP, statements and official documents,
reports, press, other web pages), with the places that cite it folded under each.

The page is long (one entry per source), so each entry is kept to a few elements: the page
must stay light on a phone (see tests/browser/test_long_pages.py).
"""
from markupsafe import escape as as_html  # what the templates do to plain text

from ..escape import escape
from ..finished_html import block, inline
from ..html import macros, safe
from . import LETTER

OGP = "Open Government Partnership"  # the publisher whose documents form a group of their own

# (anchor, interface string, which sources): a source goes in the first group that takes it.
GROUPS = (
    ("fuentes-carta", "sources_group_letter", lambda s: s["kind"] == "letter"),
    ("fuentes-ogp", "sources_group_ogp", lambda s: s["publisher"] == OGP),
    ("fuentes-oficiales", "sources_group_official", lambda s: s["kind"] in ("official", "press-release", "statement")),
    ("fuentes-informes", "sources_group_reports", lambda s: s["kind"] in ("report", "dataset")),
    ("fuentes-prensa", "sources_group_press", lambda s: s["kind"] == "article"),
    ("fuentes-web", "sources_group_web", lambda s: True),
)


def _m():
    return macros("sources.html")


def groups(sources: list) -> list[tuple]:
    """(anchor, string key, [sources]) for each group that has sources, in the order of GROUPS."""
    members = {anchor: [] for anchor, _, _ in GROUPS}
    for source in sources:
        anchor = next(anchor for anchor, _, takes in GROUPS if takes(source))
        members[anchor].append(source)
    return [(anchor, key, members[anchor]) for anchor, key, _ in GROUPS if members[anchor]]


def render(w, spec) -> None:
    from ..labels import places

    w.heading(1, escape(spec.title[w.lang]), "fuentes")
    w.add(escape(w.t("sources_intro")), "")
    by_source = {}
    for c in w.dataset.citations:
        by_source.setdefault(c.source, []).append(c)
    found = groups(w.dataset.sources_list)
    w.add(str(_m().contents(w.t("sources_groups"), [(anchor, w.t(key), len(items)) for anchor, key, items in found])), "")
    for anchor, key, items in found:
        w.heading(2, escape(w.t(key)), anchor)
        for source in items:
            cites = places(by_source.get(source["id"], []), w.lang, skip_stems=(spec.data,))  # its own notes are here
            _source(w, source, cites)


def _source(w, source, cites) -> None:
    anchor = source["id"]
    title = w.source_title(source, source.get("url"))
    if not source.get("url"):
        title = f"**{title}**"
    facts = [
        f"{escape(w.t('date'))}: {escape(w.date(source['date'])) if source.get('date') else escape(w.t('no_date'))}",
        f"{escape(w.t('language'))}: {escape(w.t('lang_' + source['language']))}",
        f"{escape(w.t('kind'))}: {escape(w.t('kind_' + source['kind']))}",
    ]
    if source.get("file") and w.settings.file_url(source["file"]):
        facts.append(f"[{escape(w.t('repository_copy'))}]({w.settings.file_url(source['file'])})")
    facts.append(w.record_tools(source, inline=True))  # its link, to copy: the one control per source
    summary = links = None  # "cited in" folded under the entry, when it is cited in several places
    if source["kind"] == "letter" and cites:
        facts.append(f'<span class="cf-cited-in">{escape(w.t("cited_in_letter", n=len(cites)))} '
                     f'[{escape(w.t("cited_in_letter_link"))}]({LETTER.file}#cuerpo)</span>')
    elif len(cites) == 1:
        facts.append(f'<span class="cf-cited-in">{escape(w.t("cited_in"))}: {_place(w, *cites[0])}</span>')
    elif cites:
        summary, links = w.t("cited_in_count", n=len(cites)), _places_by_page(w, cites)
    else:
        facts.append(f"_{escape(w.t('not_cited'))}_")
    line = f"{title} — {escape(source['publisher'])} · " + " · ".join(facts)
    notes = [(note["kind"], w.t(f"note_{note['kind']}"), w.text(note["text"]) + w.refs(note, wrap=False))
             for note in source.get("notes", [])]
    w.add(_finished(w, anchor, line, notes, summary, links) or _markdown(anchor, line, notes, summary, links), "")


def _markdown(anchor, line, notes, summary, links) -> str:
    cited = str(_m().cited_in(summary, safe(links))) if links is not None else ""
    return str(_m().source(anchor, safe(line), [_m().note(kind, label, safe(text)) for kind, label, text in notes], safe(cited)))


def _finished(w, anchor, line, notes, summary, links) -> str | None:
    """The entry as the HTML Python-Markdown would make of `_markdown`'s, or None where some of
    its Markdown is beyond render/finished_html.py (then the Markdown goes to MkDocs as before)."""
    if len(notes) > 1:  # one note at most today: the shape of several is not checked
        return None
    parts = [line] + [f"{as_html(label)}: {text}" for _, label, text in notes]
    if links is not None:
        parts += [str(as_html(summary)), links]
    html = [inline(part, w.file) for part in parts]
    if None in html:
        return None
    notes_html = [(kind, safe(text)) for (kind, _, _), text in zip(notes, html[1:])]
    summary_html, links_html = (safe(html[-2]), safe(html[-1])) if links is not None else (None, None)
    return block(str(_m().source_html(anchor, safe(html[0]), notes_html, summary_html, links_html)))


def _place(w, page, anchor, text) -> str:
    return f"[{escape(page.title[w.lang])} › {escape(text)}]({page.file}#{anchor})"


def _places_by_page(w, cites) -> str:
    """'Timeline: A · B; Requests: C': each page named once, each place a link."""
    pages = {}
    for page, anchor, text in cites:
        pages.setdefault(page.file, (page, []))[1].append(f"[{escape(text)}]({page.file}#{anchor})")
    return "; ".join(f"{escape(page.title[w.lang])}: " + " · ".join(links) for page, links in pages.values())
