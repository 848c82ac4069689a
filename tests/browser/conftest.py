"""Real-browser fixtures: one Debian Chromium for the session, a fresh context and page per test,
and `search`, one page per language that every search test types into.

Playwright drives Debian's headless Chromium, /usr/bin/chromium-headless-shell (never a downloaded
browser). Without it the whole suite is skipped on a developer machine, but fails when the CI
environment variable is set.
The site itself comes from tests/conftest.py: `built_site` (built once) and `site_url` (served).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from search_box import type_query

from casefile.paths import ROOT

# Debian's package chromium-headless-shell: the same Chromium as the package chromium (built from
# the same source, same version, the same pixels in a screenshot), without the browser's windows and
# their address bar. It is what Playwright itself runs for headless tests. A new context with a
# page and its first load cost ~0.5 s with the full browser and ~0.35 s with the shell; the suite
# opens about two hundred.
CHROMIUM = Path("/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOTS = ROOT / "build" / "screenshots"


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def playwright_instance():
    if not CHROMIUM.exists():
        message = f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium-headless-shell)"
        if _ci():
            pytest.fail(f"{message}; CI is set, so a missing browser is a failure, not a skip")
        pytest.skip(f"{message}; skipping the browser suite (set CI=true to make this a failure)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    """The one Chromium of the session."""
    browser = playwright_instance.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser):
    """Factory for browser contexts (closed after the test); every request URL is recorded on
    `context.casefile_requests`, including those of the search web worker."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("locale", "es-MX")
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.casefile_requests = []
        context.on("request", lambda request: context.casefile_requests.append(request.url))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A fresh desktop page in its own context."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def url(site_url):
    """url("en", "carta/#p9") -> http://127.0.0.1:PORT/en/carta/#p9"""

    def make(lang: str, path: str = "") -> str:
        return f"{site_url}/{lang}/{path}"

    return make


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# -- search ------------------------------------------------------------------------------------------

# Counts the queries Material's search sends to its web worker and the results it gets back
# (SearchMessageType QUERY = 2, RESULT = 3): the worker answers in order, so when every query has
# its answer and the last one sent is ours, the result list on the page is the one for our query,
# not for a prefix typed on the way. The count is taken after Material's own listener has run.
COUNT_SEARCHES = """
(() => {
  const Real = window.Worker;
  const state = window.__casefile_search = {posted: 0, answered: 0, last: null};
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", e => {
        if (e.data && e.data.type === 3) setTimeout(() => { state.answered++; });
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { state.posted++; state.last = message.data; }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""
SEARCHED = """(query) => {
  const s = window.__casefile_search;
  return s.last === query && s.answered === s.posted && document.querySelector(".md-search-result__item") !== null;
}"""


@pytest.fixture(scope="session")
def search(browser, url):
    """search(lang, query) -> a page of /<lang>/ that shows the search results for `query`, typed
    into the box (search_box.type_query).

    One page per language serves every search of the session: loading a page and building its
    search index costs several times more than a query. Each search replaces the box's text."""
    context = browser.new_context(viewport=DESKTOP, locale="es-MX")
    context.set_default_timeout(10_000)
    context.add_init_script(COUNT_SEARCHES)
    pages = {}

    def run(lang: str, query: str):
        page = pages.get(lang)
        if page is None or page.is_closed():
            page = pages[lang] = context.new_page()
        if page.url != url(lang, ""):  # the first search, or a test went elsewhere
            page.goto(url(lang, ""))
        type_query(page.locator("input.md-search__input"), query)
        page.wait_for_function(SEARCHED, arg=query)
        return page

    yield run
    context.close()
