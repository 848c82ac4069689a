"""Search loads as Material loads it (the index and the worker with the page, nothing of ours in
between), finds from the header's box, and a highlight link (?h=) marks the words on the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

SEARCH_FILES = ("search/search_index.json", "workers/search.", "lunr")


def _search_requests(context):
    return [u for u in context.casefile_requests if any(part in u for part in SEARCH_FILES)]


@pytest.mark.parametrize("lang, query, expected", [("es", "Pegasus", "carta"), ("en", "Pegasus", "carta")])
def test_search_loads_with_the_page_and_finds(new_context, url, lang, query, expected):
    context = new_context()
    page = context.new_page()
    with page.expect_request(lambda r: "workers/search." in r.url, timeout=30_000):
        with page.expect_request(lambda r: "search/search_index.json" in r.url, timeout=30_000):
            page.goto(url(lang, ""))  # Material asks for both as the page starts, without a search

    page.keyboard.press("/")  # Material's shortcut focuses the search field
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=40)
    items = page.locator(".md-search-result__item")
    expect(items.first).to_be_visible()
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert any(f"/{lang}/{expected}/" in h for h in hrefs), hrefs


def test_a_highlight_link_marks_the_words(new_context, url):
    context = new_context()
    page = context.new_page()
    page.goto(url("es", "carta/?h=Pegasus"))
    expect(page.locator("mark[data-md-highlight]:visible").first).to_be_visible()  # some sit in closed lists


@pytest.mark.parametrize("lang, name", [("es", "Buscar"), ("en", "Search")])
def test_the_search_dialog_is_named_in_the_page_language(page, url, lang, name):
    """axe's aria-dialog-name: casefile.js names Material's dialog (its template is Material's own)."""
    page.goto(url(lang, "carta/"))
    expect(page.locator(".md-search[role=dialog]")).to_have_attribute("aria-label", name)
