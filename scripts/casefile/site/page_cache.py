"""Pages converted to HTML in one preview rebuild, kept for the next: MkDocs converts again only
the pages whose Markdown (or whose conversion's settings) changed, and Material's search reads
again only the pages whose HTML changed.

Off unless `enable()` was called: `build` always converts every page, as MkDocs does. `serve`
turns it on, and keeps it in its own memory: a forked language build inherits it, and hands what
it converted back to the parent (`harvest()` in the child, `absorb()` in the parent), so nothing
is written to disk and a restart of serve starts afresh (as a change to scripts/ requires anyway).

MkDocs has no switch for this, so it is done through its plugin events (site/mkdocs_hooks.py):
`on_page_markdown` hands MkDocs an empty document for a page found here, and `on_page_content`
puts back what the conversion gave the last time: the HTML, the table of contents, the title
found in it, the anchors it has and the links to other pages' anchors (which MkDocs checks after
the build, so a link that breaks in another page is still reported). The key of a page is its
Markdown, its file, the Markdown extensions with their options, MkDocs' link checks, and every
file of the build with its address (links are resolved against them). A conversion that
warned never comes back from a child: strict MkDocs fails that build, and a failed build hands
nothing back. Around Material's `on_page_context`, a page whose search entries are known is
marked with Material's own `search: exclude` while the search plugin looks at it, and gets its
entries back in their place right after (the index is the same, in the same order).
"""
from __future__ import annotations

import hashlib
import pickle

_entries: dict[str, dict[str, bytes]] | None = None  # language -> {key: converted page}; None: off
_lang = ""  # of the build under way in this process
_new: dict[str, bytes] = {}  # converted in this process since the last `start`
_used: set[str] = set()
_build_key = ""
_pending: dict[int, tuple[str, str | None]] = {}  # id(page) -> (key, its real Markdown if found here)
_indexing: dict[int, tuple] = {}  # id(page) -> (key, entries known?, its `search` front matter or entries before it)
_ABSENT = object()


def enable() -> None:
    global _entries
    if _entries is None:
        _entries = {}


def enabled() -> bool:
    return _entries is not None


def start(config, files) -> None:
    """A build begins (MkDocs' `on_files`): its fingerprint, and nothing new or used yet."""
    global _build_key, _lang
    _new.clear()
    _used.clear()
    _pending.clear()
    _indexing.clear()
    if _entries is None:
        return
    theme = config["theme"]
    _lang = str(theme["language"] if "language" in theme else theme["locale"])  # Material's, or MkDocs' own
    digest = hashlib.sha256()
    digest.update(repr((_lang, config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"],
                        dict(config["validation"]["links"]))).encode("utf-8"))
    for file in sorted(files, key=lambda f: f.src_uri):
        digest.update(f"\0{file.src_uri}\0{file.dest_uri}".encode("utf-8"))
    _build_key = digest.hexdigest()


def _key(markdown: str, page) -> str:
    return hashlib.sha256(f"{_build_key}\0{page.file.src_uri}\0{markdown}".encode("utf-8")).hexdigest()


def before(markdown: str, page) -> str:
    """The Markdown MkDocs should convert: an empty page when the result is already known."""
    if _entries is None:
        return markdown
    key = _key(markdown, page)
    _used.add(key)
    known = key in _entries.get(_lang, {})
    _pending[id(page)] = (key, markdown if known else None)
    return "" if known else markdown


def after(html: str, page, files) -> str:
    """The page's HTML: the known one (and its table of contents, title and anchors) or the new one, kept."""
    if _entries is None or id(page) not in _pending:
        return html
    key, markdown = _pending.pop(id(page))
    if markdown is None:
        links = {to.src_uri: dict(anchors) for to, anchors in (page.links_to_anchors or {}).items()}
        _new[key] = pickle.dumps((html, page.toc, page._title_from_render, page.present_anchor_ids, links))
        return html
    html, toc, title, anchors, links = pickle.loads(_entries[_lang][key])
    page.markdown = markdown
    page.toc, page._title_from_render, page.present_anchor_ids = toc, title, anchors
    if page.links_to_anchors is not None or links:
        page.links_to_anchors = {files.get_file_from_path(uri): found for uri, found in links.items()}
    return html


def _search_index(config):
    """Material's search index of this build, or None (then every page is indexed as usual)."""
    for plugin in config["plugins"].values():
        index = getattr(plugin, "search_index", None)
        if (type(plugin).__module__.startswith("material.plugins.search") and getattr(plugin.config, "enabled", True)
                and isinstance(getattr(index, "entries", None), list)):
            return index
    return None


def before_indexing(page, config) -> None:
    """Before Material's search reads the page (its `on_page_context`): if the page's entries are
    known (same HTML, table of contents, address, title and front matter), the page is marked
    `search: exclude` for that moment (Material's own switch), and its entries are added after."""
    index = _search_index(config) if _entries is not None else None
    if index is None:
        return
    key = "search:" + hashlib.sha256("\0".join((_build_key, page.file.src_uri, page.url, str(page.title), repr(page.meta),
                                                str(page.toc), page.content or "")).encode("utf-8")).hexdigest()
    _used.add(key)
    if key in _entries.get(_lang, {}):
        _indexing[id(page)] = (key, True, page.meta.get("search", _ABSENT))
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    else:
        _indexing[id(page)] = (key, False, len(index.entries))


def after_indexing(page, config) -> None:
    """After Material's search read the page: its known entries added, or its new ones kept."""
    if id(page) not in _indexing:
        return
    key, known, extra = _indexing.pop(id(page))
    index = _search_index(config)
    if not known:
        _new[key] = pickle.dumps(index.entries[extra:])
        return
    if extra is _ABSENT:
        del page.meta["search"]
    else:
        page.meta["search"] = extra
    index.entries.extend(pickle.loads(_entries[_lang][key]))


def harvest():
    """What this process's last build converted and used (for the parent), or None when off."""
    if _entries is None or not _lang:
        return None
    return _lang, sorted(_used), dict(_new)


def absorb(harvests) -> None:
    """Keep, for each language built, the pages its build used (converted now or before)."""
    if _entries is None:
        return
    for harvest in harvests:
        if harvest is None:
            continue
        lang, used, new = harvest
        known = {**_entries.get(lang, {}), **new}
        _entries[lang] = {key: known[key] for key in used if key in known}
