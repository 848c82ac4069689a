"""Glossary terms explained where they first appear in each section of a page.

Marking every occurrence of OGP, NOSC or SEDENA would be noise for the eye, a Tab stop each for the
keyboard and hundreds of elements on long pages: only the first occurrence of each term in each
section (a section starts at an h1 or h2) is wrapped in <abbr title=…>, never inside headings,
links, code, notes or collapsed originals. It runs on a page's finished HTML (the site's MkDocs
hook calls `explain`), so hand-written pages get it too. Forms of one term share their
explanation, so "SEDENA" and "Sedena" count as one term.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from ..text import normalise_space
from .html import macros

SECTION_STARTS = {"h1", "h2"}
SKIP_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "abbr",
    "code",
    "pre",
    "details",
    "summary",
    "sup",
    "script",
    "style",
    "button",
    "th",
    "caption",
}
SKIP_CLASSES = {"footnote", "cf-original", "cf-refs"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_TOKEN = re.compile(r"<!--.*?-->|<(?P<close>/)?(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>[^<>]*)>", re.S)
_CLASS = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""")


def explanation(term: dict, lang: str) -> str:
    """What the tooltip says: the expansion (if any), then the definition."""
    parts = [term["expansion"][lang]] if term.get("expansion") else []
    parts.append(term["definition"][lang])
    return normalise_space(". ".join(p.rstrip(".") for p in parts[:-1]) + (". " if parts[:-1] else "") + parts[-1])


def forms(term: dict, lang: str) -> list[str]:
    return list((term.get("forms") or {}).get(lang) or [term["term"][lang]])


def terms(glossary: list, lang: str) -> list[list]:
    """[[forms], explanation] of every term: what `explain` takes (plain data, for the MkDocs config)."""
    return [[forms(term, lang), explanation(term, lang)] for term in glossary]


def explain(page_html: str, glossary_terms: list) -> str:
    """`page_html` with the first occurrence of each term in each section wrapped in <abbr>."""
    if not glossary_terms:
        return page_html
    owner = {}  # a form as it stands in HTML -> its term's index
    for index, (term_forms, _) in enumerate(glossary_terms):
        for form in term_forms:
            owner.setdefault(html.escape(form, quote=False), index)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True)) + r")(?!\w)"
    )
    seen: set[int] = set()
    stack: list[bool] = []  # for each open element: whether it is skipped
    out, last = [], 0

    def text(chunk: str) -> str:
        if any(stack):
            return chunk

        def wrap(match):
            index = owner[match.group(0)]
            if index in seen:
                return match.group(0)
            seen.add(index)
            return str(macros().term(Markup(match.group(0)), glossary_terms[index][1]))

        return pattern.sub(wrap, chunk)

    for token in _TOKEN.finditer(page_html):
        out.append(text(page_html[last : token.start()]))
        last = token.end()
        out.append(token.group(0))
        tag = (token.group("tag") or "").lower()
        if not tag or tag in VOID or token.group(0).endswith("/>"):
            continue
        if token.group("close"):
            if stack:
                stack.pop()
            continue
        if tag in SECTION_STARTS:
            seen.clear()
        classes = _CLASS.search(token.group("attrs"))
        stack.append(tag in SKIP_TAGS or bool(classes and SKIP_CLASSES.intersection(classes.group(1).split())))
    out.append(text(page_html[last:]))
    return "".join(out)
