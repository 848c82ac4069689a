"""Anchors the site writes itself; data ids must not collide with them."""

import re
from functools import lru_cache

from .paths import DOCS

# Ids that MkDocs, Material or Python-Markdown put on every page.
THEME_ANCHORS = {"__search", "__drawer", "__toc", "__consent", "__palette_0", "__palette_1", "__config", "__skip"}
# Prefixes of ids that the source notes and the letter's footnote marks generate.
RESERVED_PREFIXES = ("fn-", "fnref", "ref-fn")
_HEADING_ID = re.compile(r"^#+ .*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.M)


@lru_cache(maxsize=1)
def reserved() -> frozenset:
    """Every page's own anchors (declared in the page registry, render/pages/__init__.py, or as
    heading ids in a hand-written page) and the theme's."""
    from .languages import LANGS
    from .render.pages import PAGES  # the registry alone: no renderer is loaded

    found = set(THEME_ANCHORS)
    for page in PAGES:
        found.update(page.sections.values())
        if page.data is None:
            for lang in LANGS:
                try:  # a missing or unreadable page is inputs.py's to report
                    found.update(_HEADING_ID.findall((DOCS / lang / page.file).read_text("utf-8")))
                except (OSError, UnicodeError):
                    pass
    return frozenset(found)
