"""The built site as HTML: anchors, links, languages, privacy, search and edit links."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from casefile.languages import LANGS
from casefile.render.pages import PAGES

PAGE_PATHS = [("" if p.file == "index.md" else p.file.removesuffix(".md") + "/") for p in PAGES]


class Page(HTMLParser):
    """What a test needs from one HTML file: ids, links, resources, lang attributes, text."""

    def __init__(self, path: Path, html: str | None = None):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.ids, self.links, self.resources, self.langs = [], [], [], []
        self.html_lang = None
        self.text = []
        self._skip = 0
        self.feed(path.read_text("utf-8") if html is None else html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("alternate", "canonical", "prev", "next"):
            self.resources.append(a["href"])
        if "lang" in a:
            self.langs.append((tag, a["lang"]))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def page(site: Path, lang: str, path: str) -> Page:
    return Page(site / lang / path / "index.html")


def content_ids(p: Page) -> set:
    """Anchors people link to: everything but the theme's own furniture."""
    return {i for i in p.ids if not i.startswith("__") and i not in ("__config",)}


# -- anchors -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_both_languages_have_exactly_the_same_anchor_ids(built_site, path):
    es, en = content_ids(page(built_site, "es", path)), content_ids(page(built_site, "en", path))
    assert es == en, f"/{path}: only in es: {sorted(es - en)}; only in en: {sorted(en - es)}"


def test_every_record_id_in_data_is_an_anchor_on_some_page(built_site, report):
    from casefile.load.records import walk

    anchors = set()
    for path in PAGE_PATHS:
        anchors |= content_ids(page(built_site, "es", path))
    missing = []
    for stem, source in report.sources.items():
        for _, record in walk(source.data):
            if isinstance(record.get("id"), str) and record["id"] not in anchors:
                missing.append(f"{stem}: {record['id']}")
    assert not missing, f"ids from data/ with no anchor on the site: {missing}"


def test_letter_paragraphs_have_anchor_and_visible_number(built_site):
    for lang in LANGS:
        html = (built_site / lang / "carta/index.html").read_text("utf-8")
        for n in range(1, 18):
            assert re.search(
                rf'<div class="cf-paragraph" id="p{n}">\s*<p><a class="cf-pnum headerlink" href="#p{n}"[^>]*>¶ {n}</a>',
                html,
            ), f"{lang}: ¶ {n}"


def test_every_internal_link_and_anchor_resolves(built_site):
    """Our own crawl of every HTML file: each same-site href points at a file, and its #anchor at an id."""
    pages = {p: Page(p) for p in built_site.rglob("*.html")}
    broken = []
    for path, p in pages.items():
        base = "/" + path.relative_to(built_site).as_posix()
        for href in p.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            if path.name == "404.html" and not href.startswith("#"):
                continue  # 404 pages use site_url-absolute links; checked by the browser suite
            target_url = urljoin(base, parts.path) if parts.path else base
            target = built_site / unquote(target_url).lstrip("/")
            if target.is_dir() or target_url.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{base}: {href} (no file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else Page(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{base}: {href} (no anchor)")
    assert not broken, "\n".join(broken[:40])


# -- languages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_is_right_on_every_page(built_site, lang):
    wrong = [str(p) for p in (built_site / lang).rglob("*.html") if Page(p).html_lang != lang]
    assert not wrong


def test_spanish_quotations_in_english_pages_are_marked_lang_es(built_site):
    letter = page(built_site, "en", "carta/")
    assert (
        sum(1 for tag, lang in letter.langs if lang == "es" and tag == "div") == 17 + 2 + 2
    )  # paragraphs, header, closing
    requests = page(built_site, "en", "peticiones/")
    assert any(tag == "blockquote" and lang == "es" for tag, lang in requests.langs)


def test_english_letter_is_labelled_as_translation_with_original_at_hand(built_site):
    html = (built_site / "en/carta/index.html").read_text("utf-8")
    assert "This page is an English translation" in html
    assert (
        html.count('<details class="cf-original" data-search-exclude>') == 17 + 4
    )  # every paragraph, place/date, addressee, closing, sender
    assert "Como es de su conocimiento, México es uno de los países fundadores" in html


def test_interface_text_is_in_the_page_language(built_site):
    es = " ".join(page(built_site, "es", "carta/").text)
    en = " ".join(page(built_site, "en", "carta/").text)
    for word in ("Table of contents", "Search", "Edit this page", "Back to", "Signatories"):
        assert word not in es, word
    for word in ("Tabla de contenidos", "Búsqueda", "Firmantes", "Volver", "Original en español"):
        assert word not in en, word


# -- privacy -------------------------------------------------------------------------------------


def test_no_page_loads_anything_from_another_host(built_site):
    external = []
    for path in built_site.rglob("*.html"):
        for url in Page(path).resources:
            if urlsplit(url).scheme or url.startswith("//"):
                external.append(f"{path.relative_to(built_site)}: {url}")
    assert not external, external
    for css in built_site.rglob("*.css"):
        assert not re.search(r"@import|url\((['\"]?)(https?:)?//", css.read_text("utf-8")), css


def test_no_google_fonts_analytics_or_repository_api(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text("utf-8")
        for needle in (
            "fonts.googleapis",
            "fonts.gstatic",
            "googletagmanager",
            "google-analytics",
            '"repo_url"',
            "md-source",
        ):
            assert needle not in html, f"{path}: {needle}"


# -- search --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_search_index(built_site, lang):
    index = json.loads((built_site / lang / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == [lang]
    text = " ".join(d["text"] for d in index["docs"])
    assert "Comercializadora Antsua" in text
    if lang == "es":
        assert "Como es de su conocimiento" in text and "As you know" not in text
    else:
        assert "As you know" in text
        # The Spanish originals under each paragraph are one click away, but not in the English index.
        assert "Como es de su conocimiento" not in text and "solicitamos formalmente" not in text


def test_materials_scripts_are_shipped_as_material_ships_them(built_site):
    """Nothing of ours is written into Material's bundle or search worker (accents are folded in
    the search index, theme/search_index.py)."""
    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    shipped = sorted(built_site.glob("assets/javascripts/bundle.*.min.js")) + sorted(
        built_site.glob("assets/javascripts/workers/search.*.min.js")
    )
    assert len(shipped) == 2
    for path in shipped:
        assert path.read_bytes() == (theme / path.relative_to(built_site / "assets" / "javascripts")).read_bytes(), (
            path.name
        )


# -- edit links and root -------------------------------------------------------------------------


@pytest.mark.parametrize("spec", PAGES, ids=[p.file for p in PAGES])
def test_edit_link_opens_the_data_file_behind_the_page(built_site, build_settings, spec):
    settings = build_settings
    assert settings.repository
    for lang in LANGS:
        path = "" if spec.file == "index.md" else spec.file.removesuffix(".md") + "/"
        html = (built_site / lang / path / "index.html").read_text("utf-8")
        expected = settings.edit_url(spec.edit_path.format(lang=lang))
        assert f'href="{expected}"' in html and 'rel="edit"' in html
        assert (Path(__file__).parents[1] / spec.edit_path.format(lang=lang)).exists()


def test_root_redirects_by_browser_language_and_works_without_javascript(built_site):
    html = (built_site / "index.html").read_text("utf-8")
    assert "navigator.languages" in html and "location.replace(target + location.hash)" in html
    assert '<noscript><meta http-equiv="refresh" content="0; url=es/"></noscript>' in html


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_404_page(built_site, lang):
    p = Page(built_site / lang / "404.html")
    assert p.html_lang == lang


class BlockText(HTMLParser):
    """The visible text inside each element with one of `ids`, leaving out elements of the classes `skip`."""

    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}

    def __init__(self, ids, skip):
        super().__init__(convert_charrefs=True)
        self.ids, self.skip = set(ids), set(skip)
        self.texts, self.stack = {}, []  # stack of (tag, owning id or None, skipped)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        owner = a.get("id") if a.get("id") in self.ids else (self.stack[-1][1] if self.stack else None)
        skipped = (
            (self.stack[-1][2] if self.stack else False)
            or bool(self.skip & set((a.get("class") or "").split()))
            or tag in ("details", "script", "style")
        )
        self.stack.append((tag, owner, skipped))
        if owner and owner not in self.texts:
            self.texts[owner] = []

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.texts[self.stack[-1][1]].append(data)


@pytest.mark.parametrize("lang", LANGS)
def test_rendered_letter_reads_exactly_as_the_letter(built_site, report, lang):
    """Every paragraph and footnote on the letter page shows its text from data/ character for character
    (the letter's own *italics* and <links> rendered, spaces around them kept)."""
    from casefile.render.escape import plain_letter_text

    letter = report.data("letter")
    records = letter["paragraphs"] + letter["footnotes"]
    parser = BlockText([r["id"] for r in records], skip=("cf-pnum", "cf-tools"))  # the ¶ number, the copy-link control
    parser.feed((built_site / lang / "carta/index.html").read_text("utf-8"))
    for record in letter["paragraphs"]:
        shown = " ".join("".join(parser.texts[record["id"]]).split())
        assert shown == plain_letter_text(record[lang]), record["id"]
    for record in letter["footnotes"]:
        shown = " ".join("".join(parser.texts[record["id"]]).split())
        assert shown.startswith(f"{record['mark']} {plain_letter_text(record[lang])}"), record["id"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "spec", [p for p in PAGES if p.edit_path.startswith("data/") and p.file != "carta.md"], ids=lambda p: p.file
)
def test_every_text_of_a_data_file_is_shown_on_its_page(built_site, report, spec, lang):
    """Titles, facts and notes appear on the page exactly as written in data/, in the page's language."""
    from casefile.load.records import walk

    path = "" if spec.file == "index.md" else spec.file.removesuffix(".md") + "/"
    file = built_site / lang / path / "index.html"
    html = re.sub(r"</?abbr\b[^>]*>", "", file.read_text("utf-8"))  # a glossary term's <abbr> is inside its sentence
    shown = " ".join(" ".join(Page(file, html).text).split())
    stem = Path(spec.edit_path).stem
    missing = []
    for where, record in walk(report.data(stem)):
        for key in ("title", "text", "value", "label", "quote", "name"):
            value = record.get(key)
            if isinstance(value, dict) and isinstance(value.get(lang), str):
                expected = " ".join(value[lang].split())
                if expected not in shown:
                    missing.append(f"{where}.{key}: {expected[:60]}")
    assert not missing, "\n".join(missing)
