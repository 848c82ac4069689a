"""The search index and worker load on first use of search, not with every page (docs/overrides/casefile-lazy-search.js)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

SEARCH_FILES = ("search/search_index.json", "workers/search.", "lunr")

# Seen from under the lazy loader (an init script runs before the page's scripts, so the loader
# wraps these wrappers): whether Material has opened its request for the search index, whether
# that request was sent, and how many search workers were really started.
WATCH_SEARCH = r"""
(() => {
  const state = window.__casefile_lazy = {opened: false, sent: false, workers: 0};
  const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__casefile_index = /\/search\/search_index\.json/.test(String(url));
    if (this.__casefile_index) state.opened = true;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.__casefile_index) state.sent = true;
    return send.apply(this, arguments);
  };
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(url, ...rest) {
      super(url, ...rest);
      if (/\/workers\/search\./.test(String(url))) state.workers++;
    }
  };
})();
"""


def _search_requests(context):
    return [u for u in context.casefile_requests if any(part in u for part in SEARCH_FILES)]


@pytest.mark.parametrize("lang, query, expected", [("es", "Pegasus", "carta"), ("en", "Pegasus", "carta")])
def test_search_loads_only_when_used_and_still_finds(new_context, url, lang, query, expected):
    context = new_context()
    context.add_init_script(WATCH_SEARCH)
    page = context.new_page()
    page.goto(url(lang, ""))
    # Material asks for the index as it starts, before the page's `load`; the loader holds it back.
    page.wait_for_function("() => document.readyState === 'complete' && window.__casefile_lazy.opened", timeout=30_000)
    held = {"opened": True, "sent": False, "workers": 0}
    assert page.evaluate("() => window.__casefile_lazy") == held, "the search index or worker loaded before anyone searched"
    assert _search_requests(context) == [], "the search index or worker loaded before anyone searched"

    page.keyboard.press("/")  # Material's shortcut focuses the search field
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=40)
    items = page.locator(".md-search-result__item")
    expect(items.first).to_be_visible()
    assert any("search_index.json" in u for u in _search_requests(context))
    assert any("workers/search." in u for u in _search_requests(context))
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert any(f"/{lang}/{expected}/" in h for h in hrefs), hrefs


def test_a_highlight_link_loads_search_at_once(new_context, url):
    context = new_context()
    page = context.new_page()
    page.goto(url("es", "carta/?h=Pegasus"))
    expect(page.locator("mark[data-md-highlight]:visible").first).to_be_visible()  # some sit in closed lists
    assert any("search_index.json" in u for u in _search_requests(context))
