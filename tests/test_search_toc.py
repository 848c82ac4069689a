"""site/search_toc.py: Material's search finds each section's entry in the table of contents by a
lookup instead of a search from the top; the same entries, the same index."""
from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from casefile.site import search_toc


def test_the_patched_methods_are_still_materials():
    """The patch is installed only while Material's SearchIndex methods are the ones it was
    written against. If this fails, mkdocs-material was upgraded: read the new
    add_entry_from_context, create_entry_for_section and _find_toc_by_id; if a section is still
    looked up in its page's table of contents from the top, update UPSTREAM_SHA256 (after checking
    that search_toc.py still finds the same entry), otherwise drop search_toc.py."""
    assert search_toc.upstream_digest() == search_toc.UPSTREAM_SHA256
    assert search_toc.install()
    assert SearchIndex._find_toc_by_id is search_toc._find_toc_by_id
    # once installed (as by any earlier MkDocs run in this process), it still reads Material's own
    assert search_toc.upstream_digest() == search_toc.UPSTREAM_SHA256


# Ids repeated at different depths, headings without an id of their own, a section before any heading.
PAGE = """Text before any heading.

# Title {#top}

## One {#one}

Text one.

### Deep {#deep}

#### Deeper {#dup}

## Two {#two}

### Same id again {#dup}

## Three

Text <span id="inline">three</span>.

###### Very deep {#vd}

## One again {#one}
""" + "".join(f"\n## Section {n} {{#s{n}}}\n\nBody {n} with [a link](#s{n - 1}).\n\n### Sub {n} {{#s{n}-sub}}\n" for n in range(1, 60))


def _page():
    md = markdown.Markdown(extensions=["toc", "attr_list"])
    html = md.convert(PAGE)
    return SimpleNamespace(content=html, toc=get_toc(md.toc_tokens), url="page/", meta={}, title="Page")


def _index(page, patched: bool) -> list:
    original = search_toc._ORIGINAL or {"add_entry_from_context": SearchIndex.add_entry_from_context,
                                         "_find_toc_by_id": SearchIndex._find_toc_by_id}
    index = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    if patched:
        search_toc._add_entry_from_context(index, page)
    else:  # Material's own two methods, whatever is installed on the class
        index._find_toc_by_id = lambda toc, id: original["_find_toc_by_id"](index, toc, id)
        original["add_entry_from_context"](index, page)
    return index.entries


def test_the_same_index_entries_as_materials():
    search_toc.install()
    page = _page()
    ours, theirs = _index(page, True), _index(page, False)
    assert ours == theirs
    assert len(ours) > 100 and any(e["location"] == "page/#dup" for e in ours)


@pytest.mark.parametrize("anchor", ["top", "one", "deep", "dup", "two", "vd", "s30-sub", "inline", "missing", None, ""])
def test_each_lookup_finds_the_entry_materials_finds(anchor):
    search_toc.install()
    page = _page()
    index = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    index._casefile_tocs = {}  # as while a page is indexed
    ours = search_toc._find_toc_by_id(index, page.toc, anchor)
    theirs = search_toc._ORIGINAL["_find_toc_by_id"](index, page.toc, anchor)
    assert ours is theirs
    for item in page.toc:  # and in a part of the table, as Material's recursion asks
        assert search_toc._find_toc_by_id(index, item.children, anchor) is search_toc._ORIGINAL["_find_toc_by_id"](index, item.children, anchor)
