"""Turn data text into Markdown that shows exactly that text, never markup.

Data comes from pull requests: a field holding `<script>`, `[x](javascript:…)`, `{: onclick=… }`
or `[^note]` must show those characters, not act on them. Everything goes through `escape`;
only the letter's own two conventions (`*italics*`, `<https://…>`) and its footnote marks are
turned into markup, by `letter_text`, and even their contents are escaped.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from ..text import normalise_space

# Python-Markdown's escapable characters (with the tables extension's `|`), after the backslash
# itself and `>` (which becomes &gt; first).
_MD_SPECIAL = "`*_{}[]()#+-.!|"
_LETTER_TOKENS = re.compile(r"<(https://[^\s<>]+)>|\*([^*\n]+)\*|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


@lru_cache(maxsize=8192)  # a build escapes the same ~1,000 texts over 4,000 times (titles, names, labels)
def escape(text: str) -> str:
    """Plain text -> inline Markdown that renders as the same characters."""
    return _escape_run(normalise_space(text))


def _escape_run(text: str) -> str:
    """Escape a piece of a longer text, keeping its spaces at both ends: &, < and > as entities (as
    html.escape), then a backslash before each Markdown special character. A chain of
    str.replace is the fastest way here (str.translate is slow on non-ASCII text)."""
    text = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in _MD_SPECIAL:
        if char in text:
            text = text.replace(char, "\\" + char)
    return text


def attr(text: str) -> str:
    """Text for an HTML attribute value."""
    return html.escape(normalise_space(text), quote=True)


def link_html(url: str, text: str | None = None) -> str:
    """An external link as raw HTML; `url` is a validated https address."""
    from .html import macros, safe  # html.py builds on this module's escaping

    return str(macros().link(normalise_space(url), safe(escape(text if text is not None else url))))


def letter_text(text: str, mark_link) -> str:
    """The letter's text with its italics, links and footnote marks made into markup.

    `mark_link(mark)` returns the Markdown for a footnote mark such as '¹'.
    """
    out, last = [], 0
    text = normalise_space(text)
    for match in _LETTER_TOKENS.finditer(text):
        out.append(_escape_run(text[last:match.start()]))
        url, italic, mark = match.groups()
        if url:
            out.append(link_html(url))
        elif italic:
            out.append(f"<em>{_escape_run(italic)}</em>")
        else:
            out.append(mark_link(mark))
        last = match.end()
    out.append(_escape_run(text[last:]))
    return "".join(out)


def plain_letter_text(text: str) -> str:
    """The letter's text as a reader sees it: conventions resolved, footnote marks kept."""
    return _LETTER_TOKENS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), normalise_space(text))
