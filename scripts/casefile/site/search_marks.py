"""Python-Markdown extension: keep the apparatus of the pages out of the search index.

Material indexes the text of every page section, but skips any element that carries
`data-search-exclude`. This marks the elements that are apparatus, not body text, so that a search
snippet reads like the page and not like "¶ … letter, ¶ 9 · ¹ · ² … ↩":

- permalinks and paragraph numbers (`headerlink`, which cf-permalink and cf-pnum also carry),
- a fact's references to the letter and its source footnote marks (`cf-refs`, `footnote-ref`),
- the footnote lists at the end of a page (`footnote`), the letter's note marks and back links,
- the sources page's "cited in" lists (`cf-cited-in`),
- anything a template marks with the class `cf-noindex`.

It runs last, on the finished HTML of each page, so raw HTML written by the renderer is marked
too. site/search_index.py then checks and completes the index after MkDocs.
"""
from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

EXCLUDE = frozenset({
    "headerlink", "cf-refs", "cf-letter-refs", "cf-source-ref", "footnote", "footnote-ref", "cf-mark", "cf-note-mark",
    "cf-backref", "cf-cited-in", "cf-badge", "cf-noindex",
})
ATTRIBUTE = "data-search-exclude"

# An opening tag with a class (the others are never marked, so they are not even looked at)
_OPEN_TAG = re.compile(r"<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>\s[^<>]*?\bclass=\"[^<>]*?)(?P<end>/?)>")
_CLASS = re.compile(r'\bclass="([^"]*)"')


def mark(html: str) -> str:
    """`html` with `data-search-exclude` on every element whose classes include one of EXCLUDE."""
    def add(match):
        attrs = match.group("attrs") or ""
        classes = _CLASS.search(attrs)
        if not classes or ATTRIBUTE in attrs or not EXCLUDE.intersection(classes.group(1).split()):
            return match.group(0)
        return f"<{match.group('tag')}{attrs} {ATTRIBUTE}{match.group('end')}>"
    return _OPEN_TAG.sub(add, html)


class _Mark(Postprocessor):
    def run(self, text: str) -> str:
        return mark(text)


class SearchMarksExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(_Mark(md), "casefile-search-marks", 1)  # after raw HTML is restored (30)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    return SearchMarksExtension(**kwargs)
