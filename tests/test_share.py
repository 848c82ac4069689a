"""What a shared link shows, share links, cards, sitemaps and robots.txt, in the built HTML.

The session's site (tests/conftest.py) is built for https://example.net/casefile/; one more
build here has no address at all and a renamed record (`former_ids`).
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from casefile import pipeline as site_build
from casefile import validate as data_check
from casefile.languages import LANGS, LOCALES, ORIGINAL
from casefile.load.history import last_changed
from casefile.publish import cards
from casefile.publish.share_pages import shared_records
from casefile.render.pages import BY_DATA, PAGES
from casefile.render.strings import t
from casefile.settings import load as load_settings

ADDRESS = "https://example.net/casefile/"
PLACEHOLDERS = ("example.org", "github.com/example/")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class Head(HTMLParser):
    """The <title>, <meta> and <link> of a page, and the anchors and share controls of its body."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.meta, self.links, self.ids, self.shares, self.cites = {}, [], set(), [], []
        self.title, self._in_title = "", False
        self.feed(path.read_text("utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self._in_title = True
        if tag == "meta" and ("property" in a or "name" in a or "http-equiv" in a):
            key = a.get("property") or a.get("name") or a.get("http-equiv")
            self.meta.setdefault(key, []).append(a.get("content"))
        if tag == "link":
            self.links.append(a)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "data-cf-share" in a:
            self.shares.append(a["href"])
        if tag == "cite":
            self.cites.append([a.get("lang"), ""])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "cite":
            self.cites[-1][1] = " ".join(self.cites[-1][1].split())
            self.cites[-1] = tuple(self.cites[-1])

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self.cites and isinstance(self.cites[-1], list):
            self.cites[-1][1] += data

    def one(self, key):
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def rel(self, rel):
        return [link for link in self.links if link.get("rel") == rel]


def page_file(site: Path, lang: str, spec) -> Path:
    return site / lang / spec.url / "index.html"


def local_file(site: Path, url: str) -> Path:
    """The built file behind an absolute address of the test site."""
    assert url.startswith(ADDRESS), url
    path = site / url[len(ADDRESS) :]
    return path / "index.html" if url.endswith("/") else path


CASES = [pytest.param(lang, spec, id=f"{lang}-{spec.file}") for lang in LANGS for spec in PAGES]


# -- every page: title, description, canonical, hreflang, Open Graph, card --------------------------


@pytest.mark.parametrize(("lang", "spec"), CASES)
def test_page_title_leads_with_the_page(built_site, lang, spec):
    head = Head(page_file(built_site, lang, spec))
    site_name = t("site_name", lang)
    expected = site_name if spec.url == "" else f"{spec.title[lang]} · {site_name}"
    assert head.title.strip() == expected


@pytest.mark.parametrize(("lang", "spec"), CASES)
def test_canonical_is_absolute_and_the_twins_are_in_the_sitemaps_only(built_site, lang, spec):
    """The hreflang twins are in the language sitemaps (tested below), not in the page: Material's
    bundle would fetch sitemap.xml below every <link rel=alternate> (docs/overrides/partials/casefile-share.html)."""
    head = Head(page_file(built_site, lang, spec))
    assert [link["href"] for link in head.rel("canonical")] == [f"{ADDRESS}{lang}/{spec.url}"]
    assert local_file(built_site, head.rel("canonical")[0]["href"]).exists()
    assert head.rel("alternate") == []


@pytest.mark.parametrize(("lang", "spec"), CASES)
def test_open_graph_and_twitter_tags_with_an_existing_card(built_site, lang, spec):
    head = Head(page_file(built_site, lang, spec))
    site_name = t("site_name", lang)
    assert head.one("og:title") == (site_name if spec.url == "" else spec.title[lang])
    assert head.one("og:description") == head.one("description")
    assert head.one("og:url") == f"{ADDRESS}{lang}/{spec.url}"
    assert head.one("og:type") == "website"
    assert head.one("og:site_name") == site_name
    assert head.one("og:locale") == LOCALES[lang]
    assert head.meta["og:locale:alternate"] == [LOCALES[other] for other in LANGS if other != lang]
    assert head.one("twitter:card") == "summary_large_image"
    image = head.one("og:image")
    assert image == f"{ADDRESS}{lang}/{spec.card}"
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    assert head.one("og:image:alt").startswith(site_name if spec.url == "" else spec.title[lang])
    with Image.open(local_file(built_site, image)) as card:
        assert card.format == "PNG" and card.size == (1200, 630)


def test_every_page_has_a_description_of_its_own(built_site):
    descriptions = {}
    for lang in LANGS:
        for spec in PAGES:
            text = Head(page_file(built_site, lang, spec)).one("description")
            assert 50 <= len(text) <= 200, f"/{lang}/{spec.url}: {text!r}"
            descriptions.setdefault(text, []).append(f"/{lang}/{spec.url}")
    shared = {text: where for text, where in descriptions.items() if len(where) > 1}
    assert not shared, shared
    assert t("site_description", "es") not in descriptions


def test_cards_differ_by_page_and_language(built_site):
    files = [built_site / lang / spec.card for lang in LANGS for spec in PAGES]
    contents = {path.read_bytes() for path in files}
    assert len(contents) == len(files), f"{len(files) - len(contents)} cards are identical"


def test_no_placeholder_host_anywhere(built_site):
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".txt", ".json", ".js"):
            text = path.read_text("utf-8")
            for placeholder in PLACEHOLDERS:
                assert placeholder not in text, f"{path.relative_to(built_site)}: {placeholder}"


# -- share links ---------------------------------------------------------------------------------


def test_every_record_with_an_id_has_a_share_page_in_each_language(built_site, report):
    records = shared_records(report.dataset)
    assert len(records) > 150
    for lang in LANGS:
        folder = built_site / lang / "d"
        assert sorted(p.name for p in folder.iterdir()) == sorted(r.id for r in records)


@pytest.mark.parametrize("lang", LANGS)
def test_share_pages_preview_the_fact_and_send_the_reader_to_it(built_site, report, lang):
    site_name = t("site_name", lang)
    pages = {}
    for item in shared_records(report.dataset):
        spec = BY_DATA[item.stem]
        html = (built_site / lang / "d" / item.id / "index.html").read_text("utf-8")
        head = Head(built_site / lang / "d" / item.id / "index.html")
        target = f"../../{spec.url}#{item.anchor}"
        assert head.one("robots") == "noindex"
        assert head.one("refresh") == f"0; url={target}"
        assert f'<script>location.replace("{target}");</script>' in html
        assert html.index("location.replace") < html.index("<title>"), "the reader must be sent on before anything else"
        assert [link["href"] for link in head.rel("canonical")] == [f"{ADDRESS}{lang}/{spec.url}#{item.anchor}"]
        assert head.one("og:url") == f"{ADDRESS}{lang}/d/{item.id}/"
        assert head.one("og:image") == f"{ADDRESS}{lang}/{spec.card}"
        assert head.one("twitter:card") == "summary_large_image"
        title = head.one("og:title")
        assert head.title == f"{title} · {site_name}"
        assert head.one("og:description") == head.one("description")
        # The preview is the fact's, not its page's.
        if spec.file not in pages:
            pages[spec.file] = Head(page_file(built_site, lang, spec))
        page_head = pages[spec.file]
        assert title != page_head.one("og:title")
        assert item.anchor in page_head.ids, f"{item.id}: no #{item.anchor} on /{lang}/{spec.url}"


def test_a_share_page_says_what_its_fact_says(built_site):
    head = Head(built_site / "es/d/p9/index.html")
    assert head.one("og:title") == "Párrafo 9 de la carta"
    assert head.one("description").startswith(
        "Adicionalmente, a partir de la revelación de información realizada por el grupo Guacamaya"
    )
    head = Head(built_site / "en/d/mx0081/index.html")
    assert head.one("og:title") == "7. Technology Rights and Privacy"


def test_every_linkable_record_has_a_copy_link_control(built_site, report):
    """Facts, paragraphs, notes, key figures, events, commitments, signatories, sources and requests:
    each has one control, whose href is its share page, on the page that shows it."""
    expected = {}
    for item in shared_records(report.dataset):
        is_section = item.stem == "findings" and "facts" in item.record
        is_plan = item.stem == "commitments" and "name" in item.record
        if item.id == item.anchor and not (is_section or is_plan):
            expected.setdefault(BY_DATA[item.stem].file, []).append(item.id)
    for lang in LANGS:
        for spec in PAGES:
            prefix = "" if spec.url == "" else "../"
            shares = Head(page_file(built_site, lang, spec)).shares
            assert len(shares) == len(set(shares)), f"{spec.file}: a record has two controls"
            assert sorted(shares) == sorted(f"{prefix}d/{i}/" for i in expected.get(spec.file, [])), spec.file
            for href in shares:
                assert (page_file(built_site, lang, spec).parent / href / "index.html").resolve().exists()


# -- search engines ------------------------------------------------------------------------------


def test_robots_txt_points_at_the_sitemap_index(built_site):
    robots = (built_site / "robots.txt").read_text("utf-8")
    assert re.search(r"^User-agent: \*$", robots, re.M) and re.search(r"^Allow: /$", robots, re.M)
    assert re.findall(r"^Sitemap: (.*)$", robots, re.M) == [f"{ADDRESS}sitemap.xml"]
    assert "Disallow" not in robots, "share pages must stay readable by link-preview crawlers"


def test_sitemap_index_lists_each_language(built_site):
    root = ElementTree.parse(built_site / "sitemap.xml").getroot()
    assert root.tag == f"{{{SITEMAP_NS['s']}}}sitemapindex"
    assert [e.text for e in root.findall("s:sitemap/s:loc", SITEMAP_NS)] == [
        f"{ADDRESS}{lang}/sitemap.xml" for lang in LANGS
    ]
    for lang in LANGS:
        assert (built_site / lang / "sitemap.xml").exists()
    assert not list(built_site.rglob("sitemap.xml.gz")), "MkDocs' own sitemap (build-date lastmod) is not written"


@pytest.mark.parametrize("lang", LANGS)
def test_language_sitemap_lists_pages_with_twins_and_data_dates(built_site, report, lang):
    root = ElementTree.parse(built_site / lang / "sitemap.xml").getroot()
    urls = root.findall("s:url", SITEMAP_NS)
    assert [u.find("s:loc", SITEMAP_NS).text for u in urls] == [f"{ADDRESS}{lang}/{spec.url}" for spec in PAGES]
    for url, spec in zip(urls, PAGES, strict=True):
        links = {x.get("hreflang"): x.get("href") for x in url.findall("x:link", SITEMAP_NS)}
        expected = {other: f"{ADDRESS}{other}/{spec.url}" for other in LANGS}
        expected["x-default"] = f"{ADDRESS}{ORIGINAL}/{spec.url}"
        assert links == expected
        lastmod = url.find("s:lastmod", SITEMAP_NS)
        date = last_changed(spec.inputs(lang, report.dataset.directory))
        assert (lastmod.text if lastmod is not None else None) == date
        if date:  # the same date as the page's own front matter
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    assert "/d/" not in (built_site / lang / "sitemap.xml").read_text("utf-8"), "share pages are noindex"


@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.file)
def test_source_titles_in_another_language_are_marked(built_site, report, spec):
    """Every <cite> of a source title (the sources page and every page's footnotes) carries the
    title's language when it is not the page's: lang="es" on English pages, lang="en" on Spanish."""
    published = [s for s in report.dataset.sources_list if not s.get("own_title")]  # own titles are never in <cite>
    languages = {" ".join(s["title"].split()): s["language"] for s in published}
    for lang in LANGS:
        cites = Head(page_file(built_site, lang, spec)).cites
        assert all(text in languages for _, text in cites), [text for _, text in cites if text not in languages]
        wrong = [
            (marked, text) for marked, text in cites if marked != (languages[text] if languages[text] != lang else None)
        ]
        assert not wrong, f"/{lang}/{spec.url}: {wrong[:5]}"
        if spec == BY_DATA["sources"]:
            foreign = sum(1 for s in published if s["language"] != lang)
            assert sum(1 for marked, _ in cites if marked) == foreign >= 1


def test_signatory_names_in_the_english_letter_are_marked_spanish(built_site, report):
    names = [s["name"] for s in report.dataset.signatories]
    html = (built_site / "en/carta/index.html").read_text("utf-8")
    marked = re.findall(r'<li><a href="../firmantes/#[a-z0-9-]+"><span lang="es">([^<]*)</span></a></li>', html)
    assert [m.replace("&amp;", "&") for m in marked] == names
    assert 'lang="es"' not in re.search(
        r'id="firmas".*?</ul>', (built_site / "es/carta/index.html").read_text("utf-8"), re.S
    ).group(0)


# -- a build with no address, and a renamed record -------------------------------------------------


@pytest.fixture(scope="module")
def bare_build(tmp_path_factory, monkeypatch_module):
    """The site built with no address or repository configured, from the tiny dataset
    (tests/fixtures/tiny/) in which one fact was renamed (its old id kept in former_ids); its report."""
    for name in ("CASEFILE_SITE_URL", "CASEFILE_REPOSITORY"):
        monkeypatch_module.delenv(name, raising=False)
    data = tmp_path_factory.mktemp("renamed") / "data"
    shutil.copytree(Path(__file__).parent / "fixtures" / "tiny", data)
    findings = data / "findings.yaml"
    text = findings.read_text("utf-8")
    assert "      - id: investigacion-publicacion\n" in text
    findings.write_text(
        text.replace(
            "      - id: investigacion-publicacion\n",
            "      - id: investigacion-publicacion\n        former_ids: [quien-investigo]\n",
            1,
        ),
        "utf-8",
    )
    report = data_check.run(data)
    assert report.ok, [str(p) for p in report.errors]
    settings = load_settings()
    assert settings.site_url is None and settings.repository is None, "mkdocs.yml must not configure an address"
    target = tmp_path_factory.mktemp("bare") / "site"
    site_build.build(target, report=report, settings=settings)
    return target, report


@pytest.fixture(scope="module")
def bare_site(bare_build):
    return bare_build[0]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_a_build_without_address_emits_no_placeholder_and_no_absolute_tags(bare_build):
    bare_site, report = bare_build
    html_files = list(bare_site.rglob("*.html"))
    pages = {page_file(bare_site, lang, spec) for lang in LANGS for spec in PAGES}
    shares = {
        bare_site / lang / "d" / item.id / "index.html" for lang in LANGS for item in shared_records(report.dataset)
    }
    assert pages | shares <= set(html_files), "every page and share page is checked"
    for path in html_files:
        html = path.read_text("utf-8")
        for placeholder in PLACEHOLDERS + ("https://example.net",):
            assert placeholder not in html, f"{path.relative_to(bare_site)}: {placeholder}"
        head = Head(path)
        where = path.relative_to(bare_site)
        assert not head.rel("canonical"), where
        assert not [link for link in head.rel("alternate") if link.get("hreflang")], (
            f"{where}: hreflang without an address"
        )
        assert "og:url" not in head.meta and "og:image" not in head.meta, where
        assert 'rel="edit"' not in html, f"{where}: 'Edit this page' without a repository"
    assert not list(bare_site.rglob("sitemap.xml")), "sitemaps need absolute addresses"
    assert "Sitemap:" not in (bare_site / "robots.txt").read_text("utf-8")


def test_a_renamed_record_keeps_its_old_anchor_and_share_link(bare_site):
    for lang in LANGS:
        html = (bare_site / lang / "ejercito-espia/index.html").read_text("utf-8")
        block = re.search(
            r'<div class="cf-fact">\s*<div class="cf-tools"[^>]*>(.*?)</div>\s*<h3 id="investigacion-publicacion"',
            html,
            re.S,
        )
        assert block, "the fact's tools come first in its block, before its heading"
        assert '<span class="cf-former-id" id="quien-investigo"></span>' in block.group(1)
        old = Head(bare_site / lang / "d/quien-investigo/index.html")
        new = Head(bare_site / lang / "d/investigacion-publicacion/index.html")
        assert old.one("refresh") == new.one("refresh") == "0; url=../../ejercito-espia/#investigacion-publicacion"
        assert old.one("og:title") == new.one("og:title")


# -- cards are drawn only when their text changes ----------------------------------------------------


def test_cards_are_cached_by_their_text(tmp_path, monkeypatch):
    monkeypatch.setattr(cards, "CACHE", tmp_path)
    first = cards.cached("La carta", "Expediente: la carta del NOSC a la OGP (2023)")
    stamp = first.stat().st_mtime_ns
    again = cards.cached("La carta", "Expediente: la carta del NOSC a la OGP (2023)")
    assert again == first and again.stat().st_mtime_ns == stamp and len(list(tmp_path.iterdir())) == 1
    other = cards.cached("La carta.", "Expediente: la carta del NOSC a la OGP (2023)")
    assert other != first and len(list(tmp_path.iterdir())) == 2
    monkeypatch.setattr(cards, "CARD_VERSION", cards.CARD_VERSION + "-next")
    assert cards.cached("La carta", "Expediente: la carta del NOSC a la OGP (2023)") != first


@pytest.mark.parametrize(("accented", "plain"), [("ó", "o"), ("á", "a"), ("ñ", "n"), ("É", "E"), ("ú", "u")])
def test_the_card_font_has_accented_letters(accented, plain):
    """An accented letter is drawn as its base letter with a mark above it, not as a missing-glyph box."""
    font = cards._font("DejaVuSans-Bold.ttf", 80)
    left, top, right, bottom = font.getbbox(accented)
    base = font.getbbox(plain)
    assert font.getlength(accented) == font.getlength(plain)
    assert top < base[1] and bottom == base[3]


# -- former ids are checked like ids ---------------------------------------------------------------


def _rename(data: Path, former: str) -> None:
    findings = data / "findings.yaml"
    text = findings.read_text("utf-8")
    findings.write_text(
        text.replace(
            "      - id: investigacion-autoria\n",
            f"      - id: investigacion-autoria\n        former_ids: {former}\n",
            1,
        ),
        "utf-8",
    )


def test_a_valid_former_id_passes_check(small_data):
    _rename(small_data, "[quien-investigo, autoria]")
    report = data_check.run(small_data)
    assert report.ok, [str(p) for p in report.errors]


@pytest.mark.parametrize(
    ("former", "message"),
    [
        (
            "[p9]",
            "data/findings.yaml:9:22: sections[0].facts[0].former_ids[0]: former id 'p9' is already used at "
            "data/letter.yaml:{p9} — ids and former ids share one namespace (anchors and share links); remove it from former_ids",
        ),
        (
            "[cifra-organizaciones]",
            "data/findings.yaml:9:22: sections[0].facts[0].former_ids[0]: former id 'cifra-organizaciones' is "
            "already used at data/case.yaml:{cifra-organizaciones} — ids and former ids share one namespace (anchors and share "
            "links); remove it from former_ids",
        ),
        (
            "[investigacion-autoria]",
            "data/findings.yaml:9:22: sections[0].facts[0].former_ids[0]: former id 'investigacion-autoria' "
            "is already used at data/findings.yaml:8 — ids and former ids share one namespace (anchors and "
            "share links); remove it from former_ids",
        ),
        (
            "[notas]",
            "data/findings.yaml:9:22: sections[0].facts[0].former_ids[0]: former id 'notas' is reserved for an anchor the "
            "site makes itself — remove it from former_ids",
        ),
        (
            "[fnref-1]",
            "data/findings.yaml:9:22: sections[0].facts[0].former_ids[0]: former id 'fnref-1' is reserved for an anchor "
            "the site makes itself — remove it from former_ids",
        ),
    ],
    ids=["letter-paragraph", "other-file", "own-id", "section-anchor", "footnote-prefix"],
)
def test_a_former_id_used_elsewhere_or_reserved_is_rejected(small_data, former, message):
    lines = {
        rid: _line_of_id(small_data, rid) for rid in ("p9", "cifra-organizaciones")
    }  # where the real ids stand today
    _rename(small_data, former)
    report = data_check.run(small_data)
    shown = [str(p).replace(str(small_data), "data") for p in report.errors]
    assert shown == [
        message.replace("{p9}", str(lines["p9"])).replace("{cifra-organizaciones}", str(lines["cifra-organizaciones"]))
    ]


def _line_of_id(data: Path, rid: str) -> int:
    for path in sorted(data.glob("*.yaml")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip() == f"- id: {rid}":
                return number
    raise AssertionError(f"no record {rid}")


def test_two_records_cannot_claim_the_same_former_id(small_data):
    _rename(small_data, "[quien-investigo]")
    case = small_data / "case.yaml"
    text = case.read_text("utf-8")
    case.write_text(
        text.replace(
            "  - id: cifra-organizaciones\n", "  - id: cifra-organizaciones\n    former_ids: [quien-investigo]\n", 1
        ),
        "utf-8",
    )
    shown = [str(p).replace(str(small_data), "data") for p in data_check.run(small_data).errors]
    assert len(shown) == 1 and "former id 'quien-investigo' is already used at data/" in shown[0]
