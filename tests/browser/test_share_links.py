"""Share links, "copy link" and the 404 pages, in a real Chromium, on the site served under /casefile/."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from test_journeys import assert_highlighted, assert_in_view

LANGS = ("es", "en")
COPIED = {"es": "Enlace copiado", "en": "Link copied"}
SELECTED = {"es": "Enlace seleccionado: cópielo con Ctrl+C o ⌘+C", "en": "Link selected: copy it with Ctrl+C or ⌘+C"}
COPY = {"es": "Copiar enlace", "en": "Copy link"}

# One record of each kind that has a share link: (id, page path, element that carries the id).
KINDS = [
    ("resumen-motivo", "", "fact without a title"),
    ("investigacion-autoria", "ejercito-espia/", "fact with a title"),
    ("p9", "carta/", "letter paragraph"),
    ("fn4", "carta/", "letter footnote"),
    ("cifra-organizaciones", "", "key figure"),
    ("mx0081", "plan-de-accion/", "commitment"),
    ("4pa-condiciones", "plan-de-accion/", "plan fact"),
    ("causa-natura", "firmantes/", "signatory"),
    ("condicion-quinto-plan", "peticiones/", "request"),
    ("ogp-lanzamiento", "cronologia/", "event"),
    ("ejercitoespia-r3d", "fuentes/", "source"),
]


def _only_own_host(context, site_url):
    foreign = [
        u
        for u in context.casefile_requests
        if not u.startswith(site_url + "/") and not u.startswith(("data:", "blob:"))
    ]
    assert not foreign, f"requests outside the site: {foreign}"
    sitemaps = [u for u in context.casefile_requests if "sitemap" in u]
    assert not sitemaps, f"a page load fetched a sitemap: {sitemaps}"


@pytest.mark.parametrize(("record", "path", "kind"), KINDS, ids=[k[2].replace(" ", "-") for k in KINDS])
def test_share_link_lands_on_the_fact_and_survives_a_language_switch(new_context, url, site_url, record, path, kind):
    context = new_context()
    page = context.new_page()
    page.goto(url("es", f"d/{record}/"))
    page.wait_for_url(url("es", f"{path}#{record}"))
    target = page.locator(f'[id="{record}"]')
    assert_in_view(page, target, f"{kind} #{record}")
    assert_highlighted(target, f"{kind} #{record}")

    page.locator(".md-header .md-select > button").click()
    page.locator('.md-select__list a[data-casefile-alternate][hreflang="en"]').click()
    page.wait_for_url(url("en", f"{path}#{record}"))
    target = page.locator(f'[id="{record}"]')
    assert_in_view(page, target, f"{kind} #{record} after switching to English")
    assert_highlighted(target, f"{kind} #{record} after switching to English")
    _only_own_host(context, site_url)


@pytest.mark.parametrize("lang", LANGS)
def test_share_page_without_javascript_still_sends_the_reader_on(new_context, url, lang):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(url(lang, "d/p16/"))
    page.wait_for_url(url(lang, "carta/#p16"))
    assert page.locator("#p16").count() == 1


# -- copy link ---------------------------------------------------------------------------------------


def _clipboard_page(new_context, **options):
    context = new_context(permissions=["clipboard-read", "clipboard-write"], **options)
    return context, context.new_page()


@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_by_click_copies_the_clean_share_link(new_context, url, site_url, lang):
    context, page = _clipboard_page(new_context)
    page.goto(url(lang, "carta/") + "?h=pegasus#p9")  # as after a search: the copied link has neither
    control = page.locator("#p9 a.cf-share")
    expect(control).to_have_text(COPY[lang])
    expect(control).to_have_attribute("role", "button")
    control.click()
    expect(page.get_by_role("status")).to_have_text(COPIED[lang])
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}/{lang}/d/p9/"
    assert page.url == url(lang, "carta/") + "?h=pegasus#p9", "copying does not navigate"
    _only_own_host(context, site_url)


# Each key in one language: the keys are handled alike in both, and each Tab walk costs seconds.
@pytest.mark.parametrize(("lang", "key"), [("es", "Enter"), ("en", " ")], ids=["enter-es", "space-en"])
def test_copy_link_by_keyboard(new_context, url, site_url, lang, key):
    """Tab reaches the first control of the home page; Enter or Space copies its share link."""
    context, page = _clipboard_page(new_context)
    page.goto(url(lang, ""))
    first = page.locator("a.cf-share").first
    for _ in range(60):
        page.keyboard.press("Tab")
        if first.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the first 'copy link' control cannot be reached with the Tab key")
    expected = first.evaluate("el => new URL(el.getAttribute('href'), location.href).href")
    assert re.fullmatch(rf"{re.escape(site_url)}/{lang}/d/[a-z0-9-]+/", expected)
    page.keyboard.press(key)
    expect(page.get_by_role("status")).to_have_text(COPIED[lang])
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.url == url(lang, ""), "the key copies; it does not follow the link"


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_clipboard_the_link_is_shown_selected(new_context, url, site_url, lang):
    context = new_context()
    context.add_init_script(
        "Object.defineProperty(navigator, 'clipboard', {value: undefined}); document.execCommand = () => false;"
    )
    page = context.new_page()
    page.goto(url(lang, "fuentes/"))
    page.locator("#ejercitoespia-r3d a.cf-share").click()
    field = page.locator("#ejercitoespia-r3d input.cf-share-field")
    expect(field).to_be_focused()
    expect(field).to_have_value(f"{site_url}/{lang}/d/ejercitoespia-r3d/")
    assert field.evaluate("el => [el.selectionStart, el.selectionEnd]") == [
        0,
        len(f"{site_url}/{lang}/d/ejercitoespia-r3d/"),
    ]
    expect(page.get_by_role("status")).to_have_text(SELECTED[lang])


def test_copy_link_controls_are_visible_and_big_enough_without_hovering(page, url):
    page.set_viewport_size({"width": 375, "height": 812})
    for path in ("", "carta/", "plan-de-accion/", "fuentes/"):
        page.goto(url("es", path))
        controls = page.locator("a.cf-share")
        assert controls.count() > 0
        sizes = controls.evaluate_all("""els => els.map(el => {
            const r = el.getBoundingClientRect(), s = getComputedStyle(el);
            return [r.width, r.height, s.opacity, s.visibility, el.textContent.trim()];
        })""")
        small = [s for s in sizes if s[0] < 24 or s[1] < 24 or s[2] != "1" or s[3] != "visible" or s[4] != COPY["es"]]
        assert not small, f"/es/{path}: controls smaller than 24x24 px, hidden or unlabelled: {small[:5]}"


# -- 404 pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_404_page_switcher_home_and_search_work_under_the_subpath(new_context, url, site_url, lang):
    context = new_context()
    page = context.new_page()
    response = page.goto(url(lang, "no-existe/tampoco/"))
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    other = "en" if lang == "es" else "es"

    home = page.locator(".md-content a.md-button")
    expect(home).to_have_attribute(
        "href", f"{urlsplit(site_url).path}/{lang}/"
    )  # absolute path: a 404 is served at any depth
    page.locator(".md-content button[data-cf-open-search]").click()
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.press("Escape")

    page.locator(".md-header .md-select > button").click()
    page.locator(f'.md-select__list a[data-casefile-alternate][hreflang="{other}"]').click()
    page.wait_for_url(url(other, ""))
    assert page.locator("html").get_attribute("lang") == other
    expect(page.locator(".md-content h1").first).to_be_visible()

    page.goto(url(lang, "no-existe/tampoco/"))
    home = page.locator(".md-content a.md-button")
    home.click()
    page.wait_for_url(url(lang, ""))
    _only_own_host(context, site_url)
