"""The renderer's own Markdown made into the HTML Python-Markdown would make of it, ahead of MkDocs.

At 100 times the data most of a build's time goes to Python-Markdown reading, pattern by pattern,
Markdown that the renderer itself wrote from a few shapes: escaped text, raw inline tags, links
with a title and attributes (attr_list), footnote marks, `**strong**` and `_em_`. For those
shapes this module gives the same HTML at once: MkDocs' relative addresses (`carta.md#p7` →
`../carta/#p7`) and attributes in Python-Markdown's order (sorted) included; footnote marks are
numbered by the caller (render/finished_body.py). Anything outside those shapes (a bare `*`, a line
break, an address it does not know) gives None, and the caller keeps the Markdown. It writes HTML
as Python-Markdown's serializer does, so here, unlike elsewhere in render/, not through templates.

The result reaches the page through site/finished_html.py, which hands it to Python-Markdown as
finished HTML. tests/test_finished_html.py checks every answer against Python-Markdown itself.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import normalise_space

# Python-Markdown's escapable characters, with the tables extension's `|`
_ESCAPED = r"\\`*_{}\[\]()>#+\-.!|"
_SPECIAL = re.compile(r"[\\`*_{}\[\]<>\x02\x03!&\n]|  ")  # where a token may start; the rest is plain text
_TOKEN = re.compile(
    r"\[\^(?P<note>[A-Za-z0-9_-]+)\]"  # a footnote mark: numbered by the caller
    r"|(?P<tag></?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\[\]\\`]*)?>)"  # a raw inline tag, kept as written
    # a link, with attr_list's attributes. Its address and title are read before most patterns
    # but after code and escapes; its attributes after every pattern (they follow the link as
    # text): what those would read there is not for this module
    r"|\[(?P<text>(?:\\.|[^\[\]\\])*)\]\((?P<url>[^\s()\"<>\\`]+)(?: \"(?P<title>[^\"\\`]*)\")?\)"
    r"(?:\{ (?P<attrs>[^{}\n\\`*_<>&\[\]]*?) \})?"
    r"|\*\*(?P<strong>(?:\\.|[^*\\])+?)\*\*"
    r"|(?<!\w)_(?P<em>(?:\\.|[^_\\])+?)_(?!\w)"
    r"|(?P<odd>[\\`*_{}\[\]<>\x02\x03]|!\[)"  # Markdown this module does not read: give up
)
_ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|")
_ESCAPE = re.compile(rf"\\([{_ESCAPED}])")
_UNDERSCORE_IN_WORD = re.compile(r"\w\\_|\\_\w")
_TAG_NAME = re.compile(r"</?([a-zA-Z0-9]+)")
# Raw inline tags passed on as they are: none that the glossary step skips as an element but reads
# as raw HTML (it skips raw <a> and <code> only), so that it finds the same words in both.
RAW_TAGS = frozenset({"a", "span", "cite", "time", "em", "strong"})
_ATTR = re.compile(r'\.([\w-]+)|([a-zA-Z][\w-]*)="([^"]*)"')
_AMP = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.I)  # Python-Markdown's: & not part of an entity
_PAGE_LINK = re.compile(r"([a-z0-9-]+\.md)?(#[A-Za-z0-9_-]+)?")


# The lines around a block of finished HTML in a page's Markdown (site/finished_html.py reads them).
OPEN = "<!-- cf-finished -->"
CLOSE = "<!-- /cf-finished -->"


def block(*html: str) -> str:
    """Finished HTML, as its lines between the markers."""
    return "\n".join((OPEN, *html, CLOSE))


class NotFinished(Exception):
    """The text holds Markdown this module does not convert."""


def inline(text: str, page_file: str, footnote=None) -> str | None:
    """The HTML of one span of the renderer's Markdown on the page `page_file`, or None.
    `footnote(id)` gives the HTML of a footnote mark `[^id]`; without it a mark gives None."""
    try:
        return _inline(text, page_file, footnote)
    except NotFinished:
        return None


SEPARATOR = "-"  # of footnote ids (fn-x, fnref2-x): site/mkdocs_config.py sets Python-Markdown's to it


_WORD_UNDERSCORE = re.compile(r"\w_|_\w")


def text(value: str) -> str | None:
    """What Python-Markdown makes of escape(value) (render/escape.py), made at once: the text, its
    spaces normalised, with &, < and > as entities; None where the glossary step would read the two
    differently (an underscore next to a word character) or a control character is in the way."""
    value = normalise_space(value)
    if "\x02" in value or "\x03" in value or "\x1a" in value or ("_" in value and _WORD_UNDERSCORE.search(value)):
        return None
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, text_html: str, page_file: str, cls: str | None = None) -> str:
    """What Python-Markdown makes of `[text](url)` (`{ .cls }`) on the page `page_file` (`text_html`:
    the text's HTML)."""
    attrs = f' class="{cls}"' if cls else ""
    return f'<a{attrs} href="{_attribute(href(url, page_file))}">{text_html}</a>'


def letter_link(href_: str, title: str, number: int) -> str:
    """What Python-Markdown makes of writer.letter_link's Markdown (`title`: attribute-escaped)."""
    return f'<a aria-label="{title}" class="cf-letter-ref" href="{href_}" title="{title}">{number}</a>'


def footnote_mark(note_id: str, ref_id: str, number: int) -> str:
    """Python-Markdown's footnote mark."""
    return f'<sup id="{ref_id}"><a class="footnote-ref" href="#fn{SEPARATOR}{note_id}">{number}</a></sup>'


def _inline(text: str, page_file: str, footnote=None) -> str:
    out, last, at, search, match_at = [], 0, 0, _SPECIAL.search, _TOKEN.match
    while True:
        special = search(text, at)
        if special is None:
            break
        start = special.start()
        if text[start] == "\\" and text[start + 1:start + 2] in _ESCAPABLE:  # plain text, unescaped by _text
            at = start + 2
            continue
        match = match_at(text, start)
        if match is None:  # `&`, `!`, a line's end or two spaces: plain text, read on
            at = special.end()
            continue
        out.append(_text(text[last:start]))
        last = at = match.end()
        kind = match.lastgroup
        if kind == "note":
            if footnote is None:
                raise NotFinished(match.group(0))
            out.append(footnote(match["note"]))
        elif kind == "tag":
            if _TAG_NAME.match(match["tag"])[1].lower() not in RAW_TAGS:
                raise NotFinished(match["tag"])
            out.append(match["tag"])
        elif match["url"] is not None:
            out.append(_link(match, page_file))  # (a footnote in a link's text: not written)
        elif kind == "strong":
            out.append(f"<strong>{_inline(match['strong'], page_file, footnote)}</strong>")
        elif kind == "em":
            out.append(f"<em>{_inline(match['em'], page_file, footnote)}</em>")
        else:
            raise NotFinished(match.group(0))
    out.append(_text(text[last:]))
    return "".join(out)


def _text(text: str) -> str:
    """Plain text, its escapes undone, as Python-Markdown writes it."""
    if "  " in text or "\n" in text:
        raise NotFinished("line break")
    if "\\" in text:
        if _UNDERSCORE_IN_WORD.search(text):
            raise NotFinished("escaped underscore")  # a word character for the glossary step here, not there
        text = _ESCAPE.sub(_unescape, text)
    return _AMP.sub("&amp;", text) if "&" in text else text


def _unescape(match: re.Match) -> str:
    return "&gt;" if match.group(1) == ">" else match.group(1)


def _link(match: re.Match, page_file: str) -> str:
    inside = _inline(match["text"], page_file)
    url, title, attrs = href(match["url"], page_file), match["title"], match["attrs"]
    if title is None and attrs is None:  # the most common: only an address
        return f'<a href="{_attribute(url)}">{inside}</a>'
    written = {"href": url}
    if title is not None:
        written["title"] = title
    if attrs is not None:
        if _ATTR.sub("", attrs).strip():
            raise NotFinished(attrs)
        for cls, key, value in _ATTR.findall(attrs):
            if cls:
                written["class"] = f"{written['class']} {cls}" if "class" in written else cls
            else:
                written[key] = value
    return "<a" + "".join(f' {k}="{_attribute(v)}"' for k, v in sorted(written.items())) + f">{inside}</a>"


def _attribute(value: str) -> str:
    if "&" in value:
        value = _AMP.sub("&amp;", value)
    return value.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@lru_cache(maxsize=None)
def _urls() -> dict:
    from .pages import PAGES  # the registry: each page's address

    return {page.file: page.url for page in PAGES}


def href(url: str, page_file: str) -> str:
    """Where a link of the page `page_file` leads, as MkDocs writes it (directory addresses)."""
    if url.startswith("https://"):
        return url
    match = _PAGE_LINK.fullmatch(url)
    if not match or not url:
        raise NotFinished(url)
    target, fragment = match.group(1), match.group(2) or ""
    if target is None:
        return fragment
    urls = _urls()
    if target not in urls or target == page_file:
        raise NotFinished(url)
    return "../" * urls[page_file].count("/") + urls[target] + fragment
