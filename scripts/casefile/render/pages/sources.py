"""Every source, anchored by its id, grouped (the letter, OGP, statements and official documents,
reports, press, other web pages), with the places that cite it folded under each.

The page is long (one entry per source), so each entry is kept to a few elements: the page
must stay light on a phone (see tests/browser/test_long_pages.py).
"""
from markupsafe import escape as as_html  # what the templates do to plain text

import re

from ..escape import escape
from ..finished_html import NotFinished, block, inline
from ..finished_html import link as finished_link
from ..finished_html import text as finished_text
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
    try:  # as Python-Markdown would write it, made here (render/finished_html.py)
        entry = _entry(w, source, cites, _Html(w))
    except NotFinished:  # some text it cannot write so: the Markdown goes to MkDocs as before
        entry = _entry(w, source, cites, _Markdown(w))
    w.add(entry, "")


def _entry(w, source, cites, f) -> str:
    """The entry of `source`, written by `f`: as Markdown (_Markdown) or as finished HTML (_Html)."""
    anchor = source["id"]
    title = f.title(source)
    if not source.get("url"):
        title = f.strong(title)
    facts = [
        f"{f.text(w.t('date'))}: {f.text(w.date(source['date'])) if source.get('date') else f.text(w.t('no_date'))}",
        f"{f.text(w.t('language'))}: {f.text(w.t('lang_' + source['language']))}",
        f"{f.text(w.t('kind'))}: {f.text(w.t('kind_' + source['kind']))}",
    ]
    if source.get("file") and w.settings.file_url(source["file"]):
        facts.append(f.link(w.settings.file_url(source["file"]), f.text(w.t("repository_copy"))))
    facts.append(w.record_tools(source, inline=True))  # its link, to copy: the one control per source
    summary = links = None  # "cited in" folded under the entry, when it is cited in several places
    if source["kind"] == "letter" and cites:
        facts.append(f'<span class="cf-cited-in">{f.text(w.t("cited_in_letter", n=len(cites)))} '
                     f'{f.link(f"{LETTER.file}#cuerpo", f.text(w.t("cited_in_letter_link")))}</span>')
    elif len(cites) == 1:
        page, place, text = cites[0]
        facts.append(f'<span class="cf-cited-in">{f.text(w.t("cited_in"))}: {f.link(f"{page.file}#{place}", f"{f.text(page.title[w.lang])} › {f.text(text)}")}</span>')
    elif cites:
        summary, links = w.t("cited_in_count", n=len(cites)), _places_by_page(w, cites, f)
    else:
        facts.append(f.em(f.text(w.t("not_cited"))))
    line = f"{title} — {f.text(source['publisher'])} · " + " · ".join(facts)
    notes = [(note["kind"], w.t(f"note_{note['kind']}"), f.text(note["text"][w.lang]) + w.refs(note, wrap=False, html=f.html))
             for note in source.get("notes", [])]
    return f.entry(anchor, line, notes, summary, links)


def _places_by_page(w, cites, f) -> str:
    """'Timeline: A · B; Requests: C': each page named once, each place a link."""
    pages = {}
    for page, anchor, text in cites:
        pages.setdefault(page.file, (page, []))[1].append(f.link(f"{page.file}#{anchor}", f.text(text)))
    return "; ".join(f"{f.text(page.title[w.lang])}: " + " · ".join(links) for page, links in pages.values())


class _Markdown:
    """The entry's pieces as Markdown, for MkDocs to convert."""
    html = False

    def __init__(self, w):
        self.w = w

    def text(self, value: str) -> str:
        return escape(value)

    def title(self, source) -> str:
        return self.w.source_title(source, source.get("url"))

    def link(self, url: str, text: str) -> str:
        return f"[{text}]({url})"

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def em(self, text: str) -> str:
        return f"_{text}_"

    def entry(self, anchor, line, notes, summary, links) -> str:
        cited = str(_m().cited_in(summary, safe(links))) if links is not None else ""
        notes = [_m().note(kind, label, safe(text)) for kind, label, text in notes]
        return str(_m().source(anchor, safe(line), notes, safe(cited)))


class _Html(_Markdown):
    """The same pieces as the HTML Python-Markdown makes of them (render/finished_html.py), or
    NotFinished where that cannot be told."""
    html = True

    def text(self, value: str) -> str:
        text = finished_text(value)
        if text is None:
            raise NotFinished(value)
        return text

    def _plain(self, text: str) -> str:
        """Interface text a template escapes (as_html) and Python-Markdown then reads: the same."""
        written = str(as_html(text))
        if inline(written, self.w.file) != written:
            raise NotFinished(text)
        return written

    def title(self, source) -> str:
        url = source.get("url")
        if url and _READ_IN_TAGS.search(url):
            raise NotFinished(url)
        if source.get("own_title"):
            self._plain(self.w.t("own_title_label"))  # printed beside it as the template writes it
        return self.w.source_title(source, url, text=self.text)

    def link(self, url: str, text: str) -> str:
        return finished_link(url, text, self.w.file)

    def strong(self, text: str) -> str:
        return f"<strong>{text}</strong>"

    def em(self, text: str) -> str:
        return f"<em>{text}</em>"

    def entry(self, anchor, line, notes, summary, links) -> str:
        if len(notes) > 1:  # one note at most today: the shape of several is not checked
            raise NotFinished(anchor)
        notes = [(kind, safe(f"{self._plain(label)}: {text}")) for kind, label, text in notes]
        heading = self._plain(summary) if links is not None else None
        return block(str(_m().source_html(anchor, safe(line), notes, heading and safe(heading), links and safe(links))))


# In a raw tag Python-Markdown reads these before the tag itself (finished_html._TOKEN)
_READ_IN_TAGS = re.compile(r"[\\`\[\]<>]")
