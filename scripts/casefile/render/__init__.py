"""Stage 3, render: the Dataset as one Markdown file per page and language.

The output is ordinary Markdown (with `markdown="1"` HTML blocks) for MkDocs; nothing here knows
about MkDocs itself, so another builder could take the same files. `render_language` (in
language.py) writes a language's pages; the page registry is render/pages/.

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
