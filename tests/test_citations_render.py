"""How citations and long pages are rendered, checked on the Markdown and HTML the renderer makes."""

from __future__ import annotations

import re

import pytest

from casefile.render import provenance
from casefile.render.letter_refs import numbers, runs
from casefile.render.page import Page
from casefile.render.pages import PAGES, SOURCES
from casefile.render.pages.sources import GROUPS, OGP, groups
from casefile.settings import load as load_settings


def test_runs_of_paragraphs_become_ranges_but_two_neighbours_stay_apart():
    assert runs([1, 6, 7, 8, 9, 11]) == [(1, 1), (6, 9), (11, 11)]
    assert runs([6, 7]) == [(6, 6), (7, 7)]
    assert runs([]) == []
    assert numbers(["fn4", "p9", "p6", "p9", "fn1"]) == ([6, 9], [1, 4])


def _page(report, lang, file):
    return Page(report.dataset, lang, next(spec for spec in PAGES if spec.file == file), load_settings())


@pytest.mark.parametrize(
    ("lang", "page", "expected"),
    [
        ("es", "index.md", "carta ¶ 6–9, nota 4"),
        ("en", "index.md", "letter ¶ 6–9, note 4"),
    ],
)
def test_letter_references_read_as_one_compact_reference(report, lang, page, expected):
    html = str(provenance.letter_refs(_page(report, lang, page), ["p6", "p7", "p8", "p9", "fn4"]))
    assert re.sub(r"<[^>]+>", "", html) == expected
    assert re.findall(r'href="([^"]+)"', html) == ["carta/#p6", "carta/#p9", "carta/#fn4"]


def test_on_the_letter_page_letter_references_stay_on_the_page(report):
    html = str(provenance.letter_refs(_page(report, "es", "carta.md"), ["fn1", "fn3"]))
    assert re.findall(r'href="([^"]+)"', html) == ["#fn1", "#fn3"]
    assert re.sub(r"<[^>]+>", "", html) == "carta, notas 1, 3"


def test_on_the_sources_page_a_source_cites_another_by_a_direct_link(report):
    sources = _page(report, "es", "fuentes.md")
    assert (
        str(provenance.cite(sources, "carta"))
        == '<a class="cf-source-ref" href="#carta" data-search-exclude>[carta]</a>'
    )
    assert not sources.notes.definitions
    other = _page(report, "es", "cronologia.md")
    mark = str(provenance.cite(other, "carta"))
    assert mark == '<sup id="fnref-carta"><a class="footnote-ref" href="#fn-carta" data-search-exclude>1</a></sup>'
    assert "carta" in other.notes.definitions
    assert 'id="fnref2-carta"' in str(provenance.cite(other, "carta")), "a second mark of one note has an id of its own"


def test_every_source_is_in_exactly_one_group(report):
    sources = report.dataset.sources_list
    found = groups(sources)
    placed = [s["id"] for _, _, items in found for s in items]
    assert sorted(placed) == sorted(s["id"] for s in sources) and len(placed) == len(set(placed))
    by_group = {anchor: {s["id"] for s in items} for anchor, _, items in found}
    assert by_group["fuentes-carta"] == {report.dataset.letter_source_id}
    assert {s["id"] for s in sources if s["publisher"] == OGP} <= by_group["fuentes-ogp"]
    assert all(anchor in {SOURCES.anchor(role) for role, _, _ in GROUPS} for anchor in by_group)
