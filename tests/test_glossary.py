"""The glossary: its data is checked, its page lists every term, and the other pages explain each
term where it first appears in a section, with a focusable <abbr> that never lands inside a
heading, a link, code, an id or an address."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from casefile import validate as check
from casefile.languages import LANGS
from casefile.render.pages import GLOSSARY, PAGES
from casefile.render.pages.glossary import sort_key
from casefile.render.terms import explanation, forms

OTHER_PAGES = [p for p in PAGES if p is not GLOSSARY]


class Terms(HTMLParser):
    """Every <abbr class="cf-term"> of a page's content: its text, attributes, the elements around
    it and the h1/h2 section it stands in."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack, self.section, self.terms = [], None, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2") and a.get("id"):
            self.section = a["id"]
        if tag == "abbr" and "cf-term" in (a.get("class") or "").split():
            self.terms.append(
                {
                    "attrs": a,
                    "inside": [t for t, _ in self.stack],
                    "classes": " ".join(c for _, c in self.stack),
                    "section": self.section,
                    "text": "",
                }
            )
        if tag not in self.VOID:
            self.stack.append((tag, a.get("class") or ""))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "abbr" and self.terms:
            self.terms[-1]["text"] += data


def _html(site, lang, spec):
    return (site / lang / spec.url / "index.html").read_text("utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_page_lists_every_term_in_alphabetical_order(built_site, report, lang):
    html = _html(built_site, lang, GLOSSARY)
    terms = report.data("glossary")["terms"]
    found = re.findall(r'<h2 id="(termino-[a-z0-9-]+)">(.*?)<a class="headerlink"', html)
    assert [i for i, _ in found] == [t["id"] for t in sorted(terms, key=lambda t: sort_key(t["term"][lang]))]
    for term in terms:
        assert " ".join(term["definition"][lang].split()) in " ".join(re.sub(r"<[^>]+>", "", html).split())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", OTHER_PAGES, ids=[p.file for p in OTHER_PAGES])
def test_terms_are_explained_once_per_section_and_never_inside_headings_links_or_code(built_site, report, spec, lang):
    html = _html(built_site, lang, spec)
    explains = {form: explanation(t, lang) for t in report.data("glossary")["terms"] for form in forms(t, lang)}
    terms = Terms(html).terms
    seen = set()
    for term in terms:
        where = f"/{lang}/{spec.url} «{term['text']}» in section #{term['section']}"
        assert term["attrs"].get("tabindex") == "0", f"{where} cannot be focused"
        assert term["attrs"].get("title") == explains.get(term["text"]), f"{where}: wrong or no explanation"
        bad = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "details", "sup"} & set(term["inside"])
        assert not bad, f"{where} stands inside {bad}"
        assert "footnote" not in term["classes"].split(), f"{where} stands in the footnotes"
        key = (term["section"], term["attrs"]["title"])
        assert key not in seen, f"{where} is explained twice in that section"
        seen.add(key)
    # attributes keep their text: no markup ever lands inside an href, id or title
    for attribute in re.findall(r'(?:href|id|title)="([^"]*)"', html):
        assert "<abbr" not in attribute and "&lt;abbr" not in attribute


@pytest.mark.parametrize("lang", LANGS)
def test_key_terms_are_explained_on_the_pages_that_use_them(built_site, report, lang):
    ids = {explanation(t, lang): t["id"] for t in report.data("glossary")["terms"]}
    wanted = {
        "": {"nosc", "sedena", "pegasus", "ejercito-espia", "protocolo-respuesta-rapida"},
        "carta/": {"sedena", "nso-group", "citizen-lab", "r3d", "4pa", "guacamaya", "politica-de-respuesta"},
        "ejercito-espia/": {"sedena", "pegasus", "guacamaya", "citizen-lab", "antsua"},
    }
    for path, names in wanted.items():
        html = (built_site / lang / path / "index.html").read_text("utf-8")
        explained = {ids[t["attrs"]["title"]] for t in Terms(html).terms}
        missing = {f"termino-{n}" for n in names} - explained
        assert not missing, f"/{lang}/{path}: not explained: {missing}"


def test_a_word_can_explain_only_one_term(data_copy):
    path = data_copy / "glossary.yaml"
    text = path.read_text("utf-8")
    old = "      en: [SEDENA, Sedena]\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "      en: [SEDENA, Sedena, NOSC]\n"), "utf-8")
    line = text[: text.index(old)].count("\n") + 1
    index = [t["id"] for t in yaml.safe_load(text)["terms"]].index("termino-sedena")
    errors = [str(p) for p in check.run(data_copy).errors]
    assert errors == [
        f"{path}:{line}:28: terms[{index}].forms.en[2]: 'NOSC' already explains the term 'termino-nosc'"
        " — a word can explain only one term: remove it from one of them"
    ], errors
