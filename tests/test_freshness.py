"""Every page says, in its own language, when its facts last changed (the latest git change of the
files it is made from)."""

from __future__ import annotations

import re

import pytest

from casefile.languages import LANGS
from casefile.load.history import last_changed
from casefile.paths import DATA
from casefile.render.pages import PAGES
from casefile.render.strings import format_date, t

UPDATED = re.compile(
    r'<aside class="cf-updated">.*?</span>\s*(?P<words>[^<:]+): '
    r'<time datetime="(?P<iso>[0-9-]+)">(?P<shown>[^<]+)</time>',
    re.S,
)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", PAGES, ids=[p.file for p in PAGES])
def test_page_shows_when_its_facts_last_changed(built_site, spec, lang):
    html = (built_site / lang / spec.url / "index.html").read_text("utf-8")
    found = UPDATED.findall(html)
    assert len(found) == 1, f"/{lang}/{spec.url}: expected one 'last updated' line, found {len(found)}"
    words, iso, shown = found[0]
    assert words.strip() == t("last_updated", lang)
    assert iso == last_changed(spec.inputs(lang, DATA)), f"/{lang}/{spec.url}: dated {iso}"
    assert shown == format_date(iso, lang)


def test_dates_are_written_the_way_each_language_writes_them():
    assert format_date("2026-11-28", "es") == "28 de noviembre de 2026"
    assert format_date("2026-11-28", "en") == "28 November 2026"
