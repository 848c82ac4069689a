"""What Material's search reads of a page: the page without the elements it skips whole.

Material's search (`on_page_context`) tokenizes all of a page's HTML, then skips every element
that carries `data-search-exclude` (site/search_marks.py sets it on the apparatus: permalinks,
references, footnotes, "cited in" lists, the share links). At 100x the data that apparatus is
about half of the tags of a page, read for nothing. Here, just before the search reads the page
(mkdocs_hooks.py), those elements are cut out of `page.content`, and just after, the page is given
back whole, with the one change Material's search makes to it (it drops `data-search-*="…"`).

The index is the same: an excluded element adds nothing to it, and what is around it is read as
before. Cut is only what Material skips, so that its state after the cut is what it would have
been (`_skipped`: its skip is by tag name, and ends with any end tag of that name, maybe before
the element's own); after anything this cannot tell, the rest of the page is left as it is. It is done only while Material's `on_page_context` is the one this
was written against (`UPSTREAM_SHA256`, mkdocs-material 9.8.1; tests/test_search_input.py).
"""
from __future__ import annotations

import re

try:
    from material.plugins.search.plugin import SearchPlugin, void as VOID
except ImportError:  # no Material: nothing to do
    SearchPlugin, VOID = None, frozenset()

from . import upstream_guard
from .search_parser import MaterialParser

# sha256 of the source of SearchPlugin.on_page_context, as in mkdocs-material 9.8.1.
UPSTREAM_SHA256 = "33eb62fd1688be4d99a4e7bf8fc51c1be3d37602b63ad5327c9be3abf5dc8d50"
MATERIAL_STRIP = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # what on_page_context does to page.content

_EXCLUDED = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?\sdata-search-exclude(?=[\s=/>])[^<>]*>")
_TAG = re.compile(r"<(?P<close>/?)(?P<name>[a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_HEADINGS = {f"h{n}" for n in range(1, 7)}
# In place of a cut element: an element the search keeps nothing of, so that the text around it
# is still read in two pieces, and its end is seen at the same depth (where sections may end).
STAND_IN = "<cf-cut></cf-cut>"
_KEEP = frozenset(MaterialParser().keep) if SearchPlugin else frozenset()  # tags the search writes into its text
_originals: dict = {}  # id(page) -> its content, while the search reads the cut one


def upstream_digest() -> str | None:
    return None if SearchPlugin is None else upstream_guard.digest([SearchPlugin.on_page_context])


def active() -> bool:
    return upstream_digest() == UPSTREAM_SHA256


def without_excluded(html: str) -> str:
    """`html` without the elements carrying data-search-exclude (see above for what is kept)."""
    if "data-search-exclude" not in html:
        return html
    out, last, at = [], 0, 0
    while True:
        start = _EXCLUDED.search(html, at)
        if start is None:
            break
        tag = start.group("tag").lower()
        if tag in VOID or start.group(0).endswith("/>"):  # read as nothing anyway, and cheap
            at = start.end()
            continue
        skipped = _skipped(html, tag, start.end())
        if skipped is None:  # not skipped as this reads it: from here on, all is read as it is
            break
        end, whole = skipped
        if whole:
            out += [html[last:start.start()], STAND_IN]
        elif tag not in _KEEP and tag != "a":  # the element stays open, no longer skipped
            out += [html[last:start.start()], f"<{tag}>", STAND_IN]
        else:
            break
        last = at = end
    out.append(html[last:])
    return "".join(out)


def _skipped(html: str, tag: str, at: int) -> tuple[int, bool] | None:
    """How Material's parser skips the element `tag` opened just before `at`: (where the skip
    ends, whether that is the element's own end). Its skip is by name, so the first end tag of
    that name ends it, maybe a nested element's (then the rest of the element is read). None
    where this cannot tell: an end tag that does not close the last open element (the parser
    ignores it), a skip ending with elements still open, a heading inside (it opens a section
    even there), no end at all."""
    stack = []
    for match in _TAG.finditer(html, at):
        name = match.group("name").lower()
        if match.group("close"):
            if not stack:
                return (match.end(), True) if name == tag else None
            if stack[-1] != name:
                return None
            stack.pop()
            if name == tag:  # ends the skip: what was opened in it must be closed by then
                return (match.end(), False) if not stack else None
        elif name in _HEADINGS:
            return None
        elif name not in VOID and not match.group(0).endswith("/>"):
            stack.append(name)
    return None


def _search_on(config) -> bool:
    """Whether Material's search runs (and so changes page.content) in this build."""
    return any(isinstance(plugin, SearchPlugin) and plugin.config.enabled for plugin in config["plugins"].values())


def before(page, config) -> None:
    """The page as the search is to read it (from mkdocs_hooks.py, just before the search)."""
    if page.content and active() and _search_on(config):
        _originals[id(page)] = page.content
        page.content = without_excluded(page.content)


def after(page) -> None:
    """The page whole again, as Material's search leaves it (just after the search)."""
    original = _originals.pop(id(page), None)
    if original is not None:
        page.content = MATERIAL_STRIP.sub("", original)
