"""Stage 3, render: the Dataset as one Markdown file per page and language.

Each record's HTML is made once, from the Jinja2 templates in render/templates/ (autoescaped);
only the headings are Markdown lines, so that any Markdown builder makes the table of contents
and permalinks from them and passes the HTML on as it is. Nothing here knows about MkDocs.
`render_language` (in language.py) writes a language's pages; the page registry is
render/pages/; a page is filled through page.Page.

Importing this package loads nothing else: `check` reads the page registry to know which
hand-written pages must exist, and must not pay for the renderer and Jinja2 to do so.
"""

from __future__ import annotations

__all__ = ["PAGES", "render_language"]


def __getattr__(name: str):
    if name == "render_language":
        from .language import render_language

        return render_language
    if name == "PAGES":
        from .pages import PAGES

        return PAGES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
