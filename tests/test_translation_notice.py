"""Every English page says, once and from the template, that it is a translation, with a link to
the same page in Spanish; no Spanish page does. The requests page quotes the letter's own
translation (cut from data/letter.yaml), not a second copy of it."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from casefile.languages import LANGS, ORIGINAL
from casefile.load.quotes import quoted
from casefile.render.strings import t

TRANSLATIONS = [lang for lang in LANGS if lang != ORIGINAL]


class Banners(HTMLParser):
    """The translation banners of a page: (attributes of its link, its text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.banners, self._depth, self._link = [], 0, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "p" and "cf-translation-banner" in (a.get("class") or "").split():
            self.banners.append({"text": "", "link": None})
            self._depth = 1
        elif self._depth and tag == "a":
            self.banners[-1]["link"] = a

    def handle_endtag(self, tag):
        if self._depth and tag == "p":
            self._depth = 0

    def handle_data(self, data):
        if self._depth:
            self.banners[-1]["text"] += data


def pages(site, lang):
    """The site's pages (not its assets, nor the share pages under d/, which only redirect)."""
    return sorted(
        p
        for p in (site / lang).rglob("index.html")
        if "assets" not in p.parts and p.relative_to(site / lang).parts[:1] != ("d",)
    )


def banners(path):
    parser = Banners()
    parser.feed(path.read_text("utf-8"))
    return parser.banners


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_translated_page_has_one_notice_linking_to_the_original(built_site, lang):
    found = pages(built_site, lang)
    assert len(found) >= 9
    for path in found:
        (banner,) = banners(path)
        assert (
            " ".join(banner["text"].split()) == f"{t('translation_banner', lang)} {t('translation_banner_link', lang)}"
        ), path
        link = banner["link"]
        assert link["hreflang"] == ORIGINAL
        target = (path.parent / link["href"]).resolve() / "index.html"
        relative = path.relative_to(built_site / lang)
        assert target == (built_site / ORIGINAL / relative).resolve(), (path, link["href"])
        assert target.is_file()


def test_no_page_in_the_original_has_a_notice(built_site):
    for path in pages(built_site, ORIGINAL):
        assert banners(path) == [], path


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_the_notice_is_not_page_content(built_site, lang):
    """Said by the template, so search results do not repeat it on every page."""
    index = (built_site / lang / "search" / "search_index.json").read_text("utf-8")
    assert t("translation_banner", lang) not in index


def test_the_requests_page_quotes_the_letters_own_translation(built_site, report):
    letter = report.data("letter")
    html = (built_site / "en" / "peticiones" / "index.html").read_text("utf-8")
    inline = re.sub(r"</?(?:abbr|a|span|em|strong|cite|code)\b[^>]*>", "", html)  # glossary terms sit inside quotations
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", inline)).split())
    for request in report.data("requests")["requests"]:
        assert isinstance(request["quote"]["en"], dict), "the translation is named by its span, never copied"
        english = quoted(letter, request, "en")
        paragraph = next(
            p["en"]
            for p in letter["paragraphs"]
            if p["id"] in request["letter"] and english in " ".join(p["en"].split())
        )
        assert english in " ".join(paragraph.split())
        assert english in text, request["id"]
