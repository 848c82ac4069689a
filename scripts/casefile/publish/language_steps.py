"""The steps after MkDocs that read and write one language's site only.

Each language's pages are made valid HTML (valid_html.py), its search index is finished
(search_index.py), Material's files in it are fixed (theme/prune.py) and its pages get their
Content-Security-Policy (csp.py). These touch nothing outside /<lang>/, so each language's worker
runs them right after its MkDocs (pipeline.py, engine/mkdocs_run.py). What needs every language
(the shared assets/, the root pages, sitemaps) is left to the caller (pipeline.py), after this.
"""

from __future__ import annotations

from pathlib import Path

from ..theme import prune, search_index, valid_html
from . import csp


def steps(out: Path, lang: str, glossary: list, done=()) -> None:
    """One language's steps, in this process; `done`: folders whose pages have their policy."""
    valid_html.run(out, (lang,))
    search_index.run(out, (lang,), glossary)
    prune.language(out / lang, lang)
    csp.run(out / lang, done=done)
