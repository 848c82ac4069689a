"""What readers and advocates do with the site, one journey per test, in a real Chromium."""

from __future__ import annotations

import re
import unicodedata

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

HIGHLIGHT = "rgb(255, 243, 196)"  # #fff3c4, the :target background in casefile.css
LANGS = ("es", "en")

# True when the element's top edge is inside the viewport and not under Material's sticky header.
BELOW_HEADER = """
(el) => {
  const header = document.querySelector(".md-header");
  const bottom = header ? header.getBoundingClientRect().bottom : 0;
  const r = el.getBoundingClientRect();
  return r.top >= bottom - 1 && r.top < innerHeight && r.height > 0;
}
"""


def assert_in_view(page, locator, what: str) -> None:
    """The element is on screen and its top is not hidden under the sticky header."""
    expect(locator, f"{what} should be in the viewport").to_be_in_viewport()
    handle = locator.element_handle()
    try:
        page.wait_for_function(BELOW_HEADER, arg=handle, timeout=30_000)
    except PlaywrightTimeout:  # say where it is
        box = locator.bounding_box()
        header = page.locator(".md-header").bounding_box()
        pytest.fail(f"{what} is not in view below the header: element at {box}, header at {header}, url {page.url}")


def backgrounds(locator) -> list[str]:
    """Computed background colours of the element and of its parent (a highlighted container)."""
    return locator.evaluate("el => [el, el.parentElement].map(n => getComputedStyle(n).backgroundColor)")


def assert_highlighted(locator, what: str) -> None:
    colours = backgrounds(locator)
    assert HIGHLIGHT in colours, (
        f"{what} is not highlighted: background of it and its container {colours}, expected {HIGHLIGHT}"
    )


def hash_is(fragment: str):
    return lambda url: url.endswith(fragment)


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


# 1. An advocate shares a link to one fact; it is highlighted, and survives a language switch.
@pytest.mark.parametrize(
    ("path", "fact"), [("plan-de-accion/", "mx0081"), ("carta/", "p9")], ids=["commitment", "letter-paragraph"]
)
def test_advocate_link_to_fact_survives_language_switch(page, url, path, fact):
    page.goto(url("en", f"{path}#{fact}"))
    target = page.locator(f'[id="{fact}"]')
    assert_in_view(page, target, f"#{fact} on /en/{path}")
    assert_highlighted(target, f"#{fact} on /en/{path}")

    page.locator(".md-header .md-select > button").click()
    page.locator('.md-select__list a[data-casefile-alternate][hreflang="es"]').click()
    page.wait_for_url(url("es", f"{path}#{fact}"))
    assert page.locator("html").get_attribute("lang") == "es"
    target = page.locator(f'[id="{fact}"]')
    assert_in_view(page, target, f"#{fact} on /es/{path} after switching language")
    assert_highlighted(target, f"#{fact} on /es/{path} after switching language")


# 2. Search: names, a company, accent-less phrases; results stay in the reader's language.
SEARCHES = [
    ("Raphael", False),  # a person
    ("Antsua", False),  # a company
    ("ejercito espia", True),  # must find "Ejército Espía"
    ("politico", True),  # must find "Político"
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("query", "accentless"), SEARCHES, ids=[q.replace(" ", "-") for q, _ in SEARCHES])
def test_search_finds_in_reader_language(search, site_url, lang, query, accentless):
    page = search(lang, query)  # typed into /<lang>/'s search box (tests/browser/conftest.py)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs, f"no result links for {query!r} on /{lang}/"
    outside = [h for h in hrefs if not h.startswith(f"{site_url}/{lang}/")]
    assert not outside, f"searching {query!r} on /{lang}/ gave results outside /{lang}/: {outside}"

    marks = page.locator(".md-search-result__item mark").all_text_contents()
    words = fold(query).split()
    if not accentless:
        for word in words:
            assert any(word in fold(m) for m in marks), (
                f"no highlighted match for {word!r} in results of {query!r}: {marks[:20]}"
            )
        return
    # Accent-less words match the accented ones through the index's folded fields
    # (theme/search_index.py), which the results do not show: the results hold the accented words.
    shown = re.findall(r"\w+", " ".join(page.locator(".md-search-result__item").all_inner_texts()))
    for word in words:
        accented = [w for w in shown if fold(w) != w.lower() and fold(w).startswith(word)]
        assert accented, (
            f"accent-less {query!r}: no result shows an accented word for {word!r} (accent folding broken?): {marks[:20]}"
        )


# 3. A reader follows a fact's source footnote and comes back; the same with the letter's notes.
@pytest.mark.parametrize("lang", LANGS)
def test_source_footnote_round_trip(page, url, lang):
    page.goto(url(lang, "ejercito-espia/"))
    markers = page.locator('.cf-fact sup[id^="fnref-"] a.footnote-ref')
    assert markers.count() > 0, "no source footnote marker in any fact"
    marker = markers.nth(markers.count() // 2)
    marker_id = marker.evaluate("a => a.parentElement.id")
    href = marker.get_attribute("href")
    assert re.fullmatch(r"#fn-[\w-]+", href), href

    marker.click()
    page.wait_for_url(hash_is(href))
    entry = page.locator(f'[id="{href[1:]}"]')
    assert_in_view(page, entry, f"source entry {href}")

    entry.locator(f'a.footnote-backref[href="#{marker_id}"]').click()
    page.wait_for_url(hash_is(f"#{marker_id}"))
    assert marker_id.startswith("fnref")
    assert_in_view(page, page.locator(f'[id="{marker_id}"]'), f"footnote marker #{marker_id}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("note", [1, 4])
def test_letter_footnote_round_trip(page, url, lang, note):
    page.goto(url(lang, "carta/"))
    page.locator(f"sup.cf-mark a#ref-fn{note}").click()
    page.wait_for_url(hash_is(f"#fn{note}"))
    entry = page.locator(f"#fn{note}")
    assert_in_view(page, entry, f"letter footnote #fn{note}")
    assert_highlighted(entry, f"letter footnote #fn{note}")

    entry.locator(f'a.cf-backref[href="#ref-fn{note}"]').click()
    page.wait_for_url(hash_is(f"#ref-fn{note}"))
    assert_in_view(page, page.locator(f"#ref-fn{note}"), f"footnote mark #ref-fn{note}")


# 4. A reader clicks a paragraph number to get its permalink.
@pytest.mark.parametrize("lang", LANGS)
def test_paragraph_permalink(page, url, lang):
    page.goto(url(lang, "carta/"))
    page.locator('a.cf-pnum[href="#p6"]').click()
    page.wait_for_url(hash_is("#p6"))
    paragraph = page.locator("#p6")
    assert_in_view(page, paragraph, "letter paragraph #p6")
    assert_highlighted(paragraph, "letter paragraph #p6")


# 5. A missing URL shows the 404 page in the language of its folder.
@pytest.mark.parametrize("lang", LANGS)
def test_missing_url_shows_404_in_its_language(page, url, lang):
    response = page.goto(url(lang, "no-existe/tampoco.html"))
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    expect(page.locator(".md-content h1")).to_have_text(re.compile(r"^\s*404"))
    # Its navigation works: the home link leads to the language's home page.
    assert page.locator(".md-header a.md-logo").evaluate("a => a.href") == url(lang, "")


# 6. The site root picks the language from the browser's preferences.
@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("es-MX", "es"), ("fr-FR", "es")])
def test_root_redirects_by_browser_language(new_context, site_url, url, locale, lang):
    page = new_context(locale=locale).new_page()
    page.goto(f"{site_url}/")
    page.wait_for_url(url(lang, ""))
    assert page.locator("html").get_attribute("lang") == lang


# 7. A keyboard user on a phone opens the navigation and the search from the header.
@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_the_header_buttons_on_a_phone(new_context, url, lang):
    page = new_context(viewport={"width": 375, "height": 812}).new_page()
    page.goto(url(lang, "carta/"))
    names = {"es": ("Abrir la navegación", "Buscar"), "en": ("Open the navigation", "Search")}[lang]
    for target, name in zip(("__drawer", "__search"), names, strict=True):
        button = page.get_by_role("button", name=name, exact=True)
        expect(button).to_be_visible()
        for _ in range(12):  # Tab through the skip link and the header until the button has focus
            page.keyboard.press("Tab")
            if button.evaluate("el => el === document.activeElement"):
                break
        else:
            pytest.fail(f"{name!r} ({target}) cannot be reached with the Tab key")
        for key in ("Enter", " "):
            page.keyboard.press(key)
            assert page.evaluate(f"document.getElementById('{target}').checked"), f"{key!r} on {name!r} did not open it"
            page.evaluate(f"document.getElementById('{target}').checked = false")  # close it again
            button.focus()
        page.evaluate("document.activeElement.blur()")
