"""Each language's search index: body text only, the letter split by paragraph and boosted, and
plain keywords from the glossary (army, spyware…) on the sections that use the terms."""

from __future__ import annotations

import json
import re

import pytest

from casefile.languages import LANGS
from casefile.render.escape import plain_letter_text
from casefile.theme import search_index

NOISE = {
    "¶": "a pilcrow (permalink or paragraph number)",
    "↩": "a footnote back link",
    "<sup>": "a footnote number",
    "letter, ¶": "a reference to the letter",
    "carta, ¶": "a reference to the letter",
    "letter, note": "a reference to the letter",
    "carta, nota": "a reference to the letter",
    "Cited in": "a 'cited in' list",
    "Citada en": "a 'cited in' list",
    "id: <code>": "a source id",
}


def _index(site, lang) -> dict:
    return json.loads((site / lang / "search" / "search_index.json").read_text("utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_index_holds_body_text_only(built_site, report, lang):
    found = []
    source_ids = {s["id"] for s in report.data("sources")["sources"]}
    for entry in _index(built_site, lang)["docs"]:
        if entry["location"].startswith("acerca/"):
            continue  # hand-written prose about the site, which explains the ¶ numbers in words
        for needle, what in NOISE.items():
            if needle in entry["text"]:
                found.append(f"{entry['location']}: {what} ({needle!r})")
        for word in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+){2,}", entry["text"]):
            if word in source_ids:
                found.append(f"{entry['location']}: the source id {word!r}")
    assert not found, "\n".join(found[:30])


@pytest.mark.parametrize("lang", LANGS)
def test_letter_is_indexed_paragraph_by_paragraph_and_boosted(built_site, report, lang):
    docs = {d["location"]: d for d in _index(built_site, lang)["docs"]}
    for paragraph in report.data("letter")["paragraphs"]:
        entry = docs.get(f"carta/#{paragraph['id']}")
        assert entry, f"no search entry for ¶ {paragraph['number']}"
        text = " ".join(re.sub(r"<[^>]+>", " ", entry["text"]).split())
        expected = " ".join(re.sub(r"[¹²³⁴]", "", plain_letter_text(paragraph[lang])).split())
        assert text.replace(" ,", ",") == expected.replace(" ,", ","), f"¶ {paragraph['number']}: {text[:80]!r}"
        assert entry["boost"] == search_index.LETTER_BOOST
    assert all(d.get("boost") == search_index.LETTER_BOOST for loc, d in docs.items() if loc.startswith("carta/"))
    assert not any(d.get("boost") for loc, d in docs.items() if not loc.startswith("carta/"))


def test_english_sections_that_name_sedena_or_pegasus_are_found_by_plain_words(built_site):
    index = _index(built_site, "en")
    assert index["config"]["fields"]["keywords"]["boost"] == search_index.KEYWORD_BOOST
    docs = {d["location"]: d for d in index["docs"]}
    for location in ("carta/#p9", "carta/#p10", "ejercito-espia/#pago-60-millones", "ejercito-espia/#contratos-sedena"):
        words = docs[location].get("keywords", "")
        for word in ("army", "military", "defence ministry", "defense ministry"):
            assert word in words, f"{location} cannot be found by {word!r}: {words!r}"
    assert "spyware" in docs["carta/#p8"]["keywords"] and "spying" in docs["carta/#p8"]["keywords"]
    assert all(
        "keywords" not in d or "army" not in d["keywords"]
        for d in docs.values()
        if "SEDENA" not in d["text"] + d["title"]
        and "Sedena" not in d["text"] + d["title"]
        and "EjércitoEspía" not in d["text"] + d["title"]
        and "Ejército Espía" not in d["text"] + d["title"]
    )


def test_cleaning_and_keywords_by_example():
    assert (
        search_index.clean("<p>Kind: letter · id: <code>carta</code> · copy</p> <p> </p>")
        == "<p>Kind: letter · copy</p>"
    )
    assert search_index.clean("<p>Title <sup>3</sup> more<sup>12</sup></p>") == "<p>Title more</p>"
    glossary = [
        {
            "term": {"es": "SEDENA", "en": "SEDENA"},
            "forms": {"en": ["SEDENA", "Sedena"]},
            "keywords": {"en": ["army", "military"]},
        }
    ]
    patterns = search_index._term_patterns(glossary, "en")
    assert search_index.keywords({"title": "", "text": "the Sedena paid"}, patterns) == "army military"
    assert search_index.keywords({"title": "", "text": "SEDENAS"}, patterns) == ""
    assert search_index._term_patterns(glossary, "es") == []


def test_accented_words_are_also_indexed_without_their_accents(built_site):
    """lunr matches words as written: the folded forms go into fields indexed with the title's and
    the text's boost and never shown, so "ejercito espia" finds "Ejército Espía"."""
    for lang in LANGS:
        index = _index(built_site, lang)
        fields = index["config"]["fields"]
        assert fields["folded_title"] == fields["title"] and fields["folded_text"] == fields["text"]
        for entry in index["docs"]:
            for field, folded in search_index.FOLDED.items():
                assert entry.get(folded, "") == search_index.folded_words(entry.get(field, "")), entry["location"]
    findings = {d["location"]: d for d in _index(built_site, "es")["docs"]}["ejercito-espia/"]
    assert findings["folded_title"] == "ejercitoespia"  # "#EjércitoEspía"


def test_folding_by_example():
    assert search_index.fold("Ejército") == "ejercito" and search_index.fold("NÚÑEZ") == "nunez"
    assert (
        search_index.folded_words("<p>El Ejército &amp; <code>Núñez</code>, ejército; año</p>") == "ejercito nunez ano"
    )
    assert search_index.folded_words("<p>plain words only</p>") == ""
    entry = {"title": "Política", "text": "<p>el espía</p>", "keywords": "ejército militar"}
    search_index.add_folded(entry)
    assert entry == {
        "title": "Política",
        "text": "<p>el espía</p>",
        "keywords": "ejército militar ejercito",
        "folded_title": "politica",
        "folded_text": "espia",
    }
