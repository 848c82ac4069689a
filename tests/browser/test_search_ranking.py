"""Search finds: a list of queries a reader types and the page each must find first, per language.

The letter is the primary document, so it comes first for its own words; the English index also
answers plain English (army, military, spying, spyware, defence ministry) for the Spanish names
the pages use (SEDENA, #EjércitoEspía, Pegasus). Queries go into the search box as the end of
typing them (search_box.type_query), one after the other in the same page of each language (the
`search` fixture of tests/browser/conftest.py).
"""

from __future__ import annotations

import re

import pytest

LETTER, FINDINGS, GLOSSARY, PLAN, TIMELINE = "carta/", "ejercito-espia/", "glosario/", "plan-de-accion/", "cronologia/"

QUERIES = [
    # (language, query, page found first, other places the results must include)
    ("en", "Pegasus", LETTER, [f"{LETTER}#p8", f"{LETTER}#p9"]),
    ("en", "army", LETTER, [f"{LETTER}#p9", f"{FINDINGS}#pago-60-millones", f"{FINDINGS}#contratos-sedena"]),
    ("en", "military", LETTER, [f"{FINDINGS}#pago-60-millones"]),
    ("en", "spying", LETTER, [FINDINGS]),
    ("en", "spyware", LETTER, [f"{LETTER}#p8"]),
    ("en", "defence ministry", LETTER, [f"{GLOSSARY}#termino-sedena"]),
    ("en", "defense ministry", LETTER, [f"{FINDINGS}#pago-60-millones"]),
    ("en", "Antsua", LETTER, [FINDINGS]),
    ("en", "Rapid Response Protocol", LETTER, [f"{LETTER}#p16"]),
    ("en", "Guacamaya", LETTER, [f"{LETTER}#p9", FINDINGS]),
    ("en", "glossary", GLOSSARY, []),
    ("en", "MX0081", PLAN, []),
    ("es", "Pegasus", LETTER, [f"{LETTER}#p8", f"{LETTER}#p9"]),
    ("es", "ejército", LETTER, [FINDINGS]),
    ("es", "ejercito", LETTER, [FINDINGS]),
    ("es", "espionaje", LETTER, [TIMELINE]),
    ("es", "Antsua", LETTER, [FINDINGS]),
    ("es", "Protocolo de Respuesta Rápida", LETTER, [f"{LETTER}#p16"]),
    ("es", "revictimización", LETTER, [f"{LETTER}#p13"]),
    ("es", "glosario", GLOSSARY, []),
    ("es", "Guacamaya", LETTER, [f"{LETTER}#p9", FINDINGS]),
    # Words with digits: lunr.es's own trimmer cut "MX0081" to "mx" and dropped "2023" whole.
    ("es", "MX0081", PLAN, [f"{PLAN}#mx0081"]),
    ("es", "4PA", LETTER, [f"{LETTER}#p3", f"{TIMELINE}#publicacion-4pa"]),
    ("es", "2023", LETTER, [f"{TIMELINE}#carta-nosc-2023"]),
    ("en", "4PA", LETTER, [f"{LETTER}#p3", f"{TIMELINE}#publicacion-4pa"]),
]


def _results(page) -> list[list[str]]:
    """The result list as [page link, section links…] per result, in order."""
    return page.locator(".md-search-result__list > .md-search-result__item").evaluate_all(
        "items => items.map(li => Array.from(li.querySelectorAll('a')).map(a => a.getAttribute('href')))"
    )


def _place(href: str, lang: str) -> str:
    """'../carta/?h=army#p9' on any page -> 'carta/#p9'."""
    path, _, anchor = href.partition("#")
    path = path.split("?")[0].split(f"/{lang}/", 1)[-1].lstrip("./")
    return path + (f"#{anchor}" if anchor else "")


@pytest.mark.parametrize(
    ("lang", "query", "first", "also"), QUERIES, ids=[f"{lang}-{q.replace(' ', '-')}" for lang, q, _, _ in QUERIES]
)
def test_query_finds_its_page_first(search, lang, query, first, also):
    page = search(lang, query)  # tests/browser/conftest.py: one page per language, the box emptied first
    results = [[_place(h, lang) for h in links] for links in _results(page)]
    pages = [links[0].split("#")[0] for links in results]
    assert pages and pages[0] == first, (
        f"{query!r} on /{lang}/ finds first {pages[:1]}, expected {first!r}; all: {pages}"
    )
    places = {p for links in results for p in links}
    missing = [p for p in also if p not in places and p not in pages]
    assert not missing, f"{query!r} on /{lang}/ does not find {missing}; found {sorted(places)[:40]}"
    snippets = page.locator(".md-search-result__item").all_inner_texts()
    # Permalink and back-link marks; "¶ 16" in prose (how to cite a paragraph) is content.
    noise = [m for m in ("¶(?! ?[0-9])", "↩") if any(re.search(m, s) for s in snippets)]
    assert not noise, f"{query!r}: result snippets show {noise}"
