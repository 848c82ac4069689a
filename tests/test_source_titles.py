"""data/sources.yaml: a title written by this case file (own_title) and the legacy `title` do not drift apart.

A source with an `own_title` keeps in `title` the same text in the source's own language
(own_title.es when the source is in neither Spanish nor English); see data/schema/sources.schema.json. The rule is
the validator's (validate/source_rules.py); tests/test_letter_rules.py checks its message on a broken copy.
"""

from __future__ import annotations

from casefile.validate import source_rules


def test_title_repeats_own_title_in_the_sources_language(report):
    assert any("own_title" in s for s in report.data("sources")["sources"]), (
        "no source has an own_title: the rule tests nothing"
    )
    assert [str(p) for p in source_rules.own_title_is_repeated_in_title(report.dataset)] == []


def test_own_titles_are_shown_in_the_page_language_and_never_as_a_published_title(built_site, report):
    """A title this case file wrote is shown in each page's language, outside <cite>; a published
    title stays in <cite>, in its own language, on the sources page and in every footnote."""
    import html
    import re

    from casefile.languages import LANGS

    sources = report.dataset.sources_list
    own = [s for s in sources if s.get("own_title")]
    published = [s for s in sources if not s.get("own_title")]
    assert own and published
    for lang in LANGS:
        page = (built_site / lang / "fuentes" / "index.html").read_text("utf-8")
        cited = {
            " ".join(html.unescape(re.sub(r"<[^>]+>", "", c)).split())
            for c in re.findall(r"<cite[^>]*>(.*?)</cite>", page, re.S)
        }
        described = {
            " ".join(html.unescape(re.sub(r"<[^>]+>", "", c)).split())
            for c in re.findall(r'class="cf-own-title"[^>]*>(.*?)</(?:a|span)>', page, re.S)
        }
        for source in own:
            assert " ".join(source["own_title"][lang].split()) in described, (lang, source["id"])
            assert " ".join(source["title"].split()) not in cited or source["title"] in {s["title"] for s in published}
        for source in published:
            assert " ".join(source["title"].split()) in cited, (lang, source["id"])
