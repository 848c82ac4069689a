"""Every page in both languages, plus each language's 404 page, in a real Chromium.

One load per page checks: no console error, no failed request and no HTTP error (except the 404
document itself), no request to any host but 127.0.0.1 (the search web worker included), no
WCAG 2.1 A/AA violation found by axe, the page's Content-Security-Policy and referrer policy in
place and not one violation of the policy (heard by a `securitypolicyviolation` listener installed
before any script runs, after scroll-driven scripts have run too: tests/browser/test_csp.py proves
the listener hears a real violation), and at 375 px: no sideways overflow, a reachable navigation
drawer that shows every page link, and a reachable language switcher. At 1280 px and at 375 px,
every citation mark is big enough to tap and no text is under 12 px (test_citations.py's
marks_and_text_sizes; a page that cites shows marks). Then the header's toggle
switches the same load to the dark scheme, which axe checks too (test_dark_and_print.py's
check_dark_scheme). Screenshots in build/screenshots/: the whole page (<lang>-<page>.png), the
first screen at 1280x800 and 390x844 (<lang>-<page>-1280x800.png, -390x844.png) and, dark,
dark-<lang>-<page>-desktop.png and -phone.png.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_check import axe_report, settle
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from search_box import type_query
from test_citations import marks_and_text_sizes
from test_csp import LISTEN as LISTEN_FOR_CSP_VIOLATIONS
from test_csp import scroll_down
from test_dark_and_print import check_dark_scheme

from casefile.render.pages import PAGES

LANGS = ("es", "en")
DESKTOP = {"width": 1280, "height": 900}  # as new_context opens pages (tests/browser/conftest.py)
PHONE = {"width": 375, "height": 812}
MISSING = "no-such-page/"  # served the language's 404.html with status 404
LOCAL_HOST = "127.0.0.1"
SEARCH_QUERY = {"es": "carta", "en": "letter"}
UNCITED = ("acerca", "404")  # the pages that cite nothing, so show no citation mark


def _cases():
    for lang in LANGS:
        for spec in PAGES:
            slug = spec.file.removesuffix(".md")
            path = "" if slug == "index" else f"{slug}/"
            yield pytest.param(lang, slug, path, id=f"{lang}-{slug}")
    for lang in LANGS:
        yield pytest.param(lang, "404", MISSING, id=f"{lang}-404")


# A JavaScript predicate: the element is on screen, opaque, wholly inside the viewport and is what
# a tap at its centre would hit (not covered by anything). Playwright's to_be_visible() would
# accept an element at opacity 0, clipped to max-height 0, or pushed off-screen by a transform.
REACHABLE = """
function reachable(el) {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) return false;
  for (let n = el; n; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.visibility === "hidden" || s.display === "none" || parseFloat(s.opacity) < 0.99) return false;
  }
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!hit && (hit === el || el.contains(hit));
}
"""

UNREACHABLE_NAV_TITLES = (
    REACHABLE
    + """
function unreachable(titles) {
  const links = Array.from(document.querySelectorAll(
    ".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link"));
  return titles.filter(t => !links.some(a => a.textContent.trim() === t && reachable(a)));
}
"""
)

UNREACHABLE_SELECTORS = (
    REACHABLE
    + """
function unreachable(selectors) {
  return selectors.filter(sel => !reachable(document.querySelector(sel)));
}
"""
)

OVERFLOW = """
(vw) => {
  const describe = el => {
    let d = el.tagName.toLowerCase();
    if (el.id) d += "#" + el.id;
    if (typeof el.className === "string" && el.className.trim()) d += "." + el.className.trim().split(/\\s+/).join(".");
    const text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return text ? `${d} "${text}"` : d;
  };
  const wide = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right + scrollX > vw + 0.5) wide.add(el);
  }
  const outermost = Array.from(wide).filter(el => !wide.has(el.parentElement));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    offenders: outermost.slice(0, 25).map(el =>
      `${describe(el)} right=${Math.round(el.getBoundingClientRect().right + scrollX)}px`),
    count: wide.size,
  };
}
"""


class Monitor:
    """Collects console errors, uncaught exceptions, failed requests and HTTP errors."""

    def __init__(self, context, page, expected_404: str | None = None):
        self.problems: list[str] = []
        self.expected_404 = expected_404
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught exception: {error}"))
        context.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url} ({r.failure})"))
        context.on("response", self._response)

    def _is_expected_404(self, url: str, status: int) -> bool:
        return self.expected_404 is not None and status == 404 and url == self.expected_404

    def _console(self, message):
        if message.type != "error":
            return
        location = (message.location or {}).get("url", "")
        if "status of 404" in message.text and self._is_expected_404(location, 404):
            return  # Chromium's note about the 404 document we asked for
        self.problems.append(f"console error: {message.text} ({location})")

    def _response(self, response):
        if response.status >= 400 and not (
            self._is_expected_404(response.url, response.status) and response.request.resource_type == "document"
        ):
            self.problems.append(f"HTTP {response.status}: {response.url}")


def _foreign_requests(urls) -> list[str]:
    foreign = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob"):
            continue  # in-page data, no host
        if parts.scheme not in ("http", "https", "ws", "wss") or parts.hostname != LOCAL_HOST:
            foreign.append(url)
    return foreign


def _wait_for(page, script: str, arg, timeout: float = 15_000):
    """Wait until `unreachable(arg)` (defined in `script`) is empty; return what is still unreachable."""
    try:
        page.wait_for_function(
            f"(arg) => {{ {script}; return unreachable(arg).length === 0; }}", arg=arg, timeout=timeout
        )
        return []
    except PlaywrightTimeout:  # report what stayed unreachable
        return page.evaluate(f"(arg) => {{ {script}; return unreachable(arg); }}", arg)


def _search(page, query: str) -> int:
    """Search (search_box.type_query) and wait for results; return how many."""
    box = page.locator("input.md-search__input")
    type_query(box, query)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    count = page.locator(".md-search-result__item").count()
    box.fill("")  # the dark screenshots show the page as it opens
    box.press("Escape")
    settle(page)  # closing the search fades the box's colours (a CSS transition)
    return count


@pytest.mark.parametrize(("lang", "name", "path"), list(_cases()))
def test_page(new_context, url, screenshots_dir, lang, name, path):
    context = new_context()
    context.add_init_script(LISTEN_FOR_CSP_VIOLATIONS)
    page = context.new_page()
    target = url(lang, path)
    monitor = Monitor(context, page, expected_404=target if name == "404" else None)
    failures: list[str] = []

    response = page.goto(target, wait_until="load")
    expected_status = 404 if name == "404" else 200
    assert response is not None and response.status == expected_status, f"{target}: HTTP {response and response.status}"
    assert page.locator("html").get_attribute("lang") == lang
    if name == "404":
        assert page.locator(".md-content h1").inner_text().startswith("404")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert policy.count() == 1 and "script-src 'self'" in policy.get_attribute("content")
    assert page.locator('meta[name="referrer"]').get_attribute("content") == "no-referrer"

    # C. The desktop screenshot, from this same load (before the search box is used).
    page.screenshot(path=str(screenshots_dir / f"{lang}-{name}.png"), full_page=True)
    # The sizes readers were tried at: a laptop's first screen and a phone's (issue 8).
    for label, size in (("1280x800", {"width": 1280, "height": 800}), ("390x844", {"width": 390, "height": 844})):
        page.set_viewport_size(size)
        page.screenshot(path=str(screenshots_dir / f"{lang}-{name}-{label}.png"))
    page.set_viewport_size(DESKTOP)
    marks, problems = marks_and_text_sizes(page, f"at {DESKTOP['width']} px")
    failures += problems
    if not marks and name not in UNCITED:
        failures.append("no citation mark shown: is test_citations.MARKS out of date?")

    # Once per language a real search (the search index and worker load with every page).
    # The worker has loaded its index once Material replaces the "initializing" message.
    if name == "index":
        initial = re.search(r'class="md-search-result__meta">\s*(.*?)\s*<', response.text(), re.S).group(1)
        assert _search(page, SEARCH_QUERY[lang]) > 0, f"searching {SEARCH_QUERY[lang]!r} found nothing"
        page.wait_for_function(
            "(initial) => document.querySelector('.md-search-result__meta').textContent.trim() !== initial",
            arg=initial,
            timeout=10_000,
        )

    # Accessibility: WCAG 2.1 A and AA.
    report = axe_report(page)
    if report:
        failures.append(f"axe found WCAG 2.1 A/AA violations:\n{report}")

    # Scroll-driven scripts (toc.follow, back to top) run under the policy too; then back to the top.
    scroll_down(page)
    page.evaluate("() => window.scrollTo(0, 0)")

    # 375 px: nothing sideways, drawer and language switcher reachable.
    page.set_viewport_size(PHONE)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    layout = page.evaluate(OVERFLOW, PHONE["width"])
    if layout["scrollWidth"] > PHONE["width"]:
        failures.append(
            f"at {PHONE['width']} px the page is {layout['scrollWidth']} px wide; {layout['count']} element(s) end "
            f"past the right edge, outermost:\n    " + "\n    ".join(layout["offenders"])
        )
    failures += marks_and_text_sizes(page, f"at {PHONE['width']} px")[1]

    language_button = ".md-header .md-select > button.md-header__button"
    missing = _wait_for(page, UNREACHABLE_SELECTORS, [language_button])
    if missing:
        failures.append(f"at 375 px the language button is not reachable: {missing}")
    else:
        page.locator(language_button).click()
        links = [f'.md-select__list a[data-casefile-alternate][hreflang="{other}"]' for other in LANGS]
        missing = _wait_for(page, UNREACHABLE_SELECTORS, links)
        if missing:
            failures.append(f"at 375 px the language list does not open; unreachable: {missing}")
        page.locator("body").press("Escape")

    drawer_button = (
        'button.md-header__button[data-casefile-opens="__drawer"]'  # casefile.js's button in place of Material's label
    )
    missing = _wait_for(page, UNREACHABLE_SELECTORS, [drawer_button])
    if missing:
        failures.append(f"at 375 px the navigation drawer button is not reachable: {missing}")
    else:
        page.locator(drawer_button).click()
        titles = [spec.title[lang] for spec in PAGES]
        missing = _wait_for(page, UNREACHABLE_NAV_TITLES, titles)
        if missing:
            failures.append(f"at 375 px the opened drawer does not show these page links: {missing}")
        page.mouse.click(PHONE["width"] - 5, PHONE["height"] // 2)  # a tap beside the drawer closes it
        page.wait_for_function("() => !document.getElementById('__drawer').checked")

    # The dark scheme, on this same load (test_dark_and_print.check_dark_scheme).
    failures += check_dark_scheme(page, screenshots_dir, lang, name)

    violations = page.evaluate("() => window.__csp")
    if violations:
        failures.append("Content-Security-Policy violations:\n    " + "\n    ".join(violations))
    failures += monitor.problems
    foreign = _foreign_requests(context.casefile_requests)
    if foreign:
        failures.append("requests to hosts other than 127.0.0.1:\n    " + "\n    ".join(foreign))
    assert not failures, f"{target}:\n" + "\n".join(failures)
