"""Dark mode and print, in a real Chromium.

Dark mode: with the system set to dark a page opens in Material's `slate` scheme; the header's
toggle switches the scheme and the choice is remembered on the next page. Every page in both
languages (and each 404 page) is checked in the dark scheme by `check_dark_scheme`, which
tests/browser/test_pages.py's test_page calls after its light-scheme checks, on the same load:
the toggle switches to dark, and axe finds no WCAG 2.1 A/AA violation at 390x844 by every rule and
at 1280x800 by the rules that depend on colour (the others saw the same document at that width in
the light scheme). Screenshots of the first screen: build/screenshots/dark-<lang>-<page>-desktop.png
and -phone.png. A highlighted link target passes axe too. No colour is written in the stylesheets
outside the definitions of their custom properties.

Print: the letter printed to PDF by Chromium (`page.pdf()`, as "Save as PDF" does), its text read
back with pypdf: the case file's name and the page title, every ¶ number at the start of its
paragraph, the Spanish originals on the English page (with and without JavaScript), the
print-only address line, and none of the interface's words.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from axe_check import COLOUR_RULES, axe_report, settle
from playwright.sync_api import expect
from pypdf import PdfReader

from casefile.paths import ROOT

LANGS = ("es", "en")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
LETTER_PARAGRAPHS = 17
STYLESHEETS = ROOT / "docs" / "assets" / "stylesheets"

# Relative luminance (WCAG) of an element's computed colour or background, read in the page.
LUMINANCE = """
([selector, property]) => {
  const el = document.querySelector(selector);
  const probe = document.createElement("span");
  probe.style.color = getComputedStyle(el)[property];
  document.body.appendChild(probe);
  const [r, g, b] = getComputedStyle(probe).color.match(/[\\d.]+/g).map(Number).slice(0, 3);
  probe.remove();
  const lin = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
"""


def _scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


# --- Dark mode -----------------------------------------------------------------------------------


def _toggle(page):
    """The header's palette toggle that is shown (Material shows the one for the other scheme)."""
    return page.locator('form[data-md-component="palette"] label.md-header__button:not([hidden])')


def _is_dark(page) -> str:
    """ "" if the page shows the slate scheme with a dark background and light text, else why not."""
    scheme = _scheme(page)
    background = page.evaluate(LUMINANCE, ["body", "backgroundColor"])
    text = page.evaluate(LUMINANCE, [".md-typeset", "color"])
    if scheme == "slate" and background < 0.05 < 0.5 < text:
        return ""
    return f"not dark: scheme {scheme!r}, page background luminance {background:.3f}, text {text:.3f}"


def check_dark_scheme(page, screenshots: Path, lang: str, name: str) -> list[str]:
    """Switch a loaded page (light scheme, no menu open) to dark with the header's toggle, then:
    first-screen screenshots and axe at 1280x800 (colour rules) and at 390x844 (every rule).
    Returns the failures, for the caller's report."""
    page.set_viewport_size(DESKTOP)
    _toggle(page).click()
    page.mouse.move(0, 0)  # off the toggle, whose tooltip would fade in under axe
    page.wait_for_function(
        "() => document.body.dataset.mdColorScheme === 'slate' && !document.body.hasAttribute('data-md-color-switching')"
    )
    not_dark = _is_dark(page)
    if not_dark:
        return [f"after the header's toggle, {not_dark}"]
    failures = []
    for size, viewport, rules in (("desktop", DESKTOP, COLOUR_RULES), ("phone", PHONE, None)):
        page.set_viewport_size(viewport)
        settle(page)
        page.screenshot(path=str(screenshots / f"dark-{lang}-{name}-{size}.png"))
        report = axe_report(page, rules)
        if report:
            failures.append(f"in the dark scheme at {viewport['width']}x{viewport['height']}, axe found:\n{report}")
    return failures


@pytest.mark.parametrize("lang", LANGS)
def test_a_dark_system_opens_the_dark_scheme(new_context, url, lang):
    page = new_context(viewport=DESKTOP, color_scheme="dark").new_page()
    page.goto(url(lang, "carta/"), wait_until="load")
    assert _is_dark(page) == ""
    offered = {"es": "claro", "en": "light"}[lang]  # the toggle shown offers the other scheme
    assert offered in _toggle(page).get_attribute("title").lower()


# A link's target is highlighted with its own background: its text and links keep their contrast
# (axe runs on the highlighted block; the rest of the page is check_dark_scheme's).
TARGETS = [
    ("en", "carta/#p9"),  # a letter paragraph, with a footnote mark and its "original" toggle
    ("es", "carta/#fn4"),  # a letter note, with links
    ("en", "plan-de-accion/#mx0081"),  # the commitment at stake: its own background and badge
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("lang", "path"), TARGETS, ids=[f"{lang}-{path}" for lang, path in TARGETS])
def test_highlighted_target_passes_axe(new_context, url, lang, path, scheme):
    page = new_context(viewport=DESKTOP, color_scheme=scheme).new_page()
    page.goto(url(lang, path), wait_until="load")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    fragment = path.split("#")[1]
    # The block with the outline: the target itself, or (a heading's id) the record around it.
    outlined = (
        page.locator(f'[id="{fragment}"]')
        .evaluate_handle("el => [el, el.parentElement].find(n => getComputedStyle(n).outlineStyle === 'solid') || null")
        .as_element()
    )
    assert outlined is not None, f"#{fragment} is not highlighted"
    report = axe_report(page, within=outlined)
    assert not report, f"{page.url} ({scheme}), with #{fragment} highlighted, axe found:\n{report}"


def test_palette_toggle_switches_and_is_remembered(new_context, url):
    page = new_context(viewport=DESKTOP, color_scheme="light").new_page()
    page.goto(url("es", "carta/"))
    assert _scheme(page) == "default", "with the system in light mode the page should start light"

    toggle = _toggle(page)
    expect(toggle).to_have_count(1)
    expect(toggle).to_be_visible()
    assert "oscuro" in toggle.get_attribute("title").lower()
    toggle.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate(LUMINANCE, ["body", "backgroundColor"]) < 0.05

    # The choice outlives the page: the next page (and a reload) open dark, though the system is light.
    page.goto(url("es", "fuentes/"))
    assert _scheme(page) == "slate", "the dark choice was not remembered on the next page"
    page.reload()
    assert _scheme(page) == "slate", "the dark choice was not remembered after a reload"

    toggle = _toggle(page)
    assert "claro" in toggle.get_attribute("title").lower()
    toggle.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.goto(url("es", "carta/"))
    assert _scheme(page) == "default", "the light choice was not remembered"


def test_no_colour_outside_custom_properties():
    """Every colour of the case file's stylesheets is a --cf-* (or, in print, a Material) custom
    property: a colour written straight into a rule would ignore the reader's scheme."""
    colour = re.compile(
        r"#[0-9a-fA-F]{3,8}\b|(?<![\w-])(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\("
        r"|(?<![\w-])(?:white|black|red|gray|grey|silver|navy|blue|yellow)(?![\w-])"
    )
    found = []
    for path in sorted(STYLESHEETS.glob("*.css")):
        css = re.sub(r"/\*.*?\*/", lambda m: " " * len(m.group(0)), path.read_text("utf-8"), flags=re.S)
        for number, line in enumerate(css.splitlines(), 1):
            declaration = line.strip()
            if colour.search(declaration) and not declaration.startswith("--"):
                found.append(f"{path.name}:{number}: {declaration}")
    assert not found, "colours written outside a custom property:\n" + "\n".join(found)


# --- Print ---------------------------------------------------------------------------------------


def _pdf_text(page) -> str:
    """Print the page to PDF as Chromium's "Save as PDF" does, and read its text in reading order,
    with every run of white space as one space."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "\n".join(p.extract_text(extraction_mode="layout") for p in reader.pages)
    return " ".join(text.split())


# pypdf's layout mode reads a space before a note mark or the stop after it when their glyphs sit
# a little apart ("hechos⁴ ."); how far apart differs between builds of Chromium.
_SPACE_BEFORE_MARK = re.compile(r" (?=[.,;:⁰¹²³⁴⁵⁶⁷⁸⁹])")


def _loose(text: str) -> str:
    return _SPACE_BEFORE_MARK.sub("", text)


def _words(text: str, count: int) -> str:
    return " ".join(text.split()[:count])


# What the page shows that is interface, not content: read from the page itself.
INTERFACE_TEXTS = """
() => {
  const texts = [];
  const add = s => { s = (s || "").trim(); if (s) texts.push(s); };
  document.querySelectorAll(".md-select__link").forEach(a => add(a.textContent));  // language names
  add(document.querySelector(".md-search__input").getAttribute("placeholder"));
  document.querySelectorAll("a.md-content__button").forEach(a => add(a.getAttribute("title")));
  document.querySelectorAll('form[data-md-component="palette"] label').forEach(l => add(l.getAttribute("title")));
  add(document.querySelector(".md-skip") && document.querySelector(".md-skip").textContent);
  add(document.querySelector(".md-top") && document.querySelector(".md-top").textContent);
  document.querySelectorAll(".md-nav--primary .md-nav__link").forEach(a => add(a.textContent));
  return [...new Set(texts)];
}
"""
# The brief's words, in case a theme update renames what the page says.
INTERFACE_WORDS = {
    "es": ["Buscar", "Editar esta página", "Español", "English"],
    "en": ["Search", "Edit this page", "Español", "English"],
}


@pytest.mark.parametrize("script", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("lang", LANGS)
def test_printed_letter(new_context, url, lang, script):
    page = new_context(viewport=DESKTOP, java_script_enabled=script).new_page()
    page.goto(url(lang, "carta/"), wait_until="load")
    site_name = page.locator(".md-header__topic").first.inner_text().strip()
    title = page.locator(".md-content h1").inner_text().replace("¶", "").strip()
    starts = page.locator(".cf-paragraph").evaluate_all(
        "ps => ps.map(p => [p.id, p.querySelector(':scope > p:not(:has(.cf-pnum))').textContent])"
    )
    originals = page.locator("details.cf-original [lang='es']").evaluate_all("els => els.map(e => e.textContent)")
    p1_original = page.locator("#p1 details.cf-original [lang='es']").evaluate_all("els => els.map(e => e.textContent)")
    interface = (page.evaluate(INTERFACE_TEXTS) if script else []) + INTERFACE_WORDS[lang]
    article = " ".join(page.locator("article").evaluate("a => a.textContent").split())

    text = _pdf_text(page)

    assert site_name and site_name in text, f"the case file's name {site_name!r} is not printed"
    assert title and title in text, f"the page title {title!r} is not printed"
    # The page's address and the date of its data (partials/casefile-print-meta.html).
    address = f"https://example.net/casefile/{lang}/carta/"  # the address the test site is built for
    assert address in text.replace(" ", ""), f"the page's address {address} is not printed"
    as_of = {"es": "Datos al", "en": "Data as of"}[lang]
    assert re.search(as_of + r" \d{1,2} (de )?\w+ (de )?20\d\d", text), (
        f"the date of the data is not printed ({as_of} …)"
    )

    assert len(starts) == LETTER_PARAGRAPHS, [pid for pid, _ in starts]
    for number, (pid, paragraph) in enumerate(starts, 1):
        assert pid == f"p{number}"
        printed = f"¶ {number} {_words(paragraph, 4)}"
        assert printed in text, f"¶ {number} is not printed at the start of its paragraph: no {printed!r}"

    if lang == "en":
        assert len(originals) > LETTER_PARAGRAPHS, "the English page should have a Spanish original under each part"
        assert len(p1_original) == 1, p1_original
        first = " ".join(p1_original[0].split())
        assert first.startswith("Como es de su conocimiento"), first[:60]
        assert _loose(first) in _loose(text), "the Spanish original of ¶ 1 is not printed on the English page"
        missing = [o for o in originals if _loose(" ".join(o.split())) not in _loose(text)]
        assert not missing, f"{len(missing)} Spanish original(s) not printed, first: {missing[0][:80]!r}"

    shown = [w for w in interface if text.count(w) > article.count(w)]
    assert not shown, f"interface text printed: {shown}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_print_layout(new_context, url, lang, scheme):
    """In print media: paper colours even in dark mode, no chevron, no controls, ¶ numbers shown."""
    page = new_context(viewport=DESKTOP, color_scheme=scheme).new_page()
    page.goto(url(lang, "carta/"), wait_until="load")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    page.emulate_media(media="print")
    settle(page)

    text = page.evaluate(LUMINANCE, [".cf-paragraph > p:nth-of-type(2)", "color"])
    assert text < 0.05, f"printed text is not dark on white paper (luminance {text:.3f}) in the {scheme} scheme"

    displayed = """sel => Array.from(document.querySelectorAll(sel)).filter(el => {
        for (let n = el; n; n = n.parentElement) if (getComputedStyle(n).display === "none") return false;
        return true; }).length"""
    assert page.evaluate(displayed, ".cf-pnum") == LETTER_PARAGRAPHS
    for control in (
        ".md-header__button",
        ".md-header__option",
        ".md-search",
        ".md-sidebar",
        ".md-footer",
        ".md-top",
        ".md-content__button",
        "form[data-md-component='palette']",
        ".md-typeset .headerlink:not(.cf-pnum)",
        ".cf-backref",
        ".footnote-backref",
        "a.cf-share",
        ".cf-originals-control",
    ):
        assert page.evaluate(displayed, control) == 0, f"{control} is printed"

    if lang == "en":
        chevron = page.locator("details.cf-original > summary").first.evaluate(
            "s => getComputedStyle(s, '::after').display"
        )
        assert chevron == "none", "the 'original' toggle's chevron is printed"


@pytest.mark.parametrize("lang", LANGS)
def test_print_meta_is_for_paper_only(page, url, lang):
    """The page's print-only line (its address and the date of its data, class cf-print-meta,
    from partials/casefile-print-meta.html) is hidden on screen and printed."""
    page.goto(url(lang, "carta/"), wait_until="load")
    meta = page.locator(".cf-print-meta")
    expect(meta).to_have_count(1)
    assert meta.evaluate("el => getComputedStyle(el).display") == "none"
    line = " ".join(meta.text_content().split())
    assert line.startswith(f"https://example.net/casefile/{lang}/carta/ · "), line
    assert line.replace(" ", "") in _pdf_text(page).replace(" ", ""), "the print-only address line is not printed"
