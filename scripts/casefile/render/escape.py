"""Data text made safe where it lands: HTML for record bodies, Markdown for headings.

Data comes from pull requests: a field holding `<script>`, `[x](javascript:…)`, `{: onclick=… }`
or `[^note]` must show those characters, never act on them. Record bodies are HTML from the
Jinja2 templates, whose autoescaping makes text safe (`html`). Headings stay Markdown, so that
MkDocs' table of contents and permalinks see them: `heading` escapes their text for
Python-Markdown. Only the letter's own two conventions (`*italics*`, `<https://…>`) and its
footnote marks become markup, by `letter_html`, and even their contents are escaped.
"""

from __future__ import annotations

import re
from html import escape as _stdlib_escape

from markupsafe import Markup
from markupsafe import escape as _html_escape

from ..text import normalise_space

# Python-Markdown's escapable characters (with the tables extension's `|`), after the backslash
_MD_SPECIAL = "`*_{}[]()#+-.!|"
_LETTER_TOKENS = re.compile(r"<(https://[^\s<>]+)>|\*([^*\n]+)\*|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
# In HTML that goes into a Markdown heading: tags and entities are kept, the text between is escaped
_TAG_OR_ENTITY = re.compile(r"(<[^<>]*>|&#?[0-9A-Za-z]+;)")
SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def html(text: str) -> Markup:
    """Plain text as HTML that shows exactly those characters, its spaces normalised. Quotes stay
    as they are: this is for text between tags, never for an attribute's value (the templates'
    autoescaping writes those)."""
    return Markup(_stdlib_escape(normalise_space(text), quote=False))


def heading(value: str | Markup) -> str:
    """A heading's content as Markdown: plain text, or HTML (Markup) whose tags are kept. Every
    character that Python-Markdown would read as markup is backslash-escaped."""
    value = value if isinstance(value, Markup) else html(value)
    parts = _TAG_OR_ENTITY.split(str(value))
    return "".join(part if index % 2 else _md_run(part) for index, part in enumerate(parts))


def _md_run(text: str) -> str:
    """A backslash before the backslash and each Markdown special character (the fastest way
    here: a chain of str.replace)."""
    text = text.replace("\\", "\\\\")
    for char in _MD_SPECIAL:
        if char in text:
            text = text.replace(char, "\\" + char)
    return text


def letter_html(text: str, mark_html) -> Markup:
    """The letter's text as HTML: its italics, links and footnote marks made into markup.
    `mark_html(mark)` returns the HTML of a footnote mark such as '¹'."""
    from .html import macros  # html.py's environment escapes through this module

    out, last = [], 0
    text = normalise_space(text)
    for match in _LETTER_TOKENS.finditer(text):
        out.append(_html_escape(text[last : match.start()]))
        url, italic, mark = match.groups()
        if url:
            out.append(macros().link(url, url))
        elif italic:
            out.append(macros().inline(italic, tag="em"))
        else:
            out.append(mark_html(mark))
        last = match.end()
    out.append(_html_escape(text[last:]))
    return Markup("").join(out)


def plain_letter_text(text: str) -> str:
    """The letter's text as a reader sees it: conventions resolved, footnote marks kept."""
    return _LETTER_TOKENS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), normalise_space(text))
