"""Material's search plugin, without the step whose time grows with the square of a page's length.
Same search index, byte for byte (tests/test_search_toc.py).

For every section of a page, `SearchIndex.create_entry_for_section` looks the section's heading up
in the page's table of contents with `_find_toc_by_id`, which searches the whole table from the
top: a page of n headings costs n² steps (the 100x benchmark data's longest pages have thousands;
about half a second of each language's MkDocs run). Here, while one page is indexed
(`add_entry_from_context`), the first entry of each id in the table (in the order that search
visits them: each entry, then its children) is found once, in one walk, and every lookup is a
dictionary's. Outside a page's indexing the original lookup runs.

It is installed only while Material's methods are the ones it was written against
(`UPSTREAM_SHA256`, mkdocs-material 9.8.1); otherwise the original runs, slower but right, and
tests/test_search_toc.py fails to say that this needs looking at. mkdocs_hooks.py installs it in
every MkDocs run.
"""
from __future__ import annotations

import builtins

try:
    from material.plugins.search.plugin import SearchIndex
except ImportError:  # no Material: nothing to patch
    SearchIndex = None

from . import upstream_guard

# sha256 of the source of the methods below, as in mkdocs-material 9.8.1.
UPSTREAM_SHA256 = "65ae7c37f342fddd9c0345b92ac957081169698e03ac95611c889b89be687d20"
_ORIGINAL = {}  # name -> Material's own function, once installed
_NAMES = ("add_entry_from_context", "create_entry_for_section", "_find_toc_by_id")  # Material's methods read here


def upstream_digest() -> str | None:
    if SearchIndex is None:
        return None
    # Material's own functions, also once ours are installed in their place
    return upstream_guard.digest(_ORIGINAL.get(name, getattr(SearchIndex, name)) for name in _NAMES)


def install() -> bool:
    """Patch SearchIndex if it is the one this was written for; True if the patch is in place."""
    if _ORIGINAL:
        return True
    if upstream_digest() != UPSTREAM_SHA256:
        return False
    _ORIGINAL["add_entry_from_context"] = SearchIndex.add_entry_from_context
    _ORIGINAL["_find_toc_by_id"] = SearchIndex._find_toc_by_id
    SearchIndex.add_entry_from_context = _add_entry_from_context
    SearchIndex._find_toc_by_id = _find_toc_by_id
    return True


def _add_entry_from_context(self, page):
    self._casefile_tocs = {}  # id(toc) -> (toc, {anchor id: its first entry}), for this page only
    try:
        return _ORIGINAL["add_entry_from_context"](self, page)
    finally:
        self._casefile_tocs = None


def _find_toc_by_id(self, toc, id):  # noqa: A002 - Material's name
    tocs = getattr(self, "_casefile_tocs", None)
    if tocs is None:
        return _ORIGINAL["_find_toc_by_id"](self, toc, id)
    key = builtins.id(toc)
    known = tocs.get(key)
    if known is None or known[0] is not toc:
        known = tocs[key] = (toc, _first_by_id(toc))
    return known[1].get(id)


def _first_by_id(toc) -> dict:
    """{id: the first entry with it}, in the order _find_toc_by_id tries them (depth first)."""
    found = {}
    stack = [iter(toc)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        found.setdefault(item.id, item)
        stack.append(iter(item.children))
    return found
