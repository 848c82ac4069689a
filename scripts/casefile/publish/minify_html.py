"""Smaller pages that read the same: runs of whitespace in the HTML collapsed to one character.

Material's templates indent and space out every page (blank lines, deep indentation: about 8% of
the site's HTML). A browser shows any run of spaces, tabs and newlines between words or tags as
one space, so each run becomes one character: a newline if it held one (the source keeps its
lines), a space otherwise. Nothing else changes:

- tags are kept whole, attribute values and all (a `title` keeps its line breaks);
- the content of `pre`, `textarea`, `script` and `style` is kept whole, and so is that of `code`,
  `kbd` and `samp`, which Material's CSS shows with `white-space: pre-wrap`;
- comments are kept;
- only ASCII whitespace is touched: a no-break space (U+00A0) or any other Unicode space is text.

Run on every page MkDocs writes (engine/mkdocs_hooks.py), so in each language's own process.
"""

from __future__ import annotations

import re

# Elements whose content is shown (or run) as written.
VERBATIM = ("pre", "textarea", "script", "style", "code", "kbd", "samp")

_ATTRS = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""  # a tag's inside: quoted values may hold '>' and '<'
_TOKEN = re.compile(
    rf"""<(?P<verbatim>{"|".join(VERBATIM)})(?=[\s/>]){_ATTRS}>.*?</(?P=verbatim)\s*>"""  # kept whole
    rf"""|<!--.*?-->"""  # a comment, kept whole
    rf"""|</?[a-zA-Z]{_ATTRS}>"""  # a tag, kept whole
    rf"""|<!{_ATTRS}>"""  # <!doctype html>
    r"""|(?P<space>[ \t\n\r\f]{2,})""",  # a run of whitespace in text: collapsed
    re.S | re.I,
)


def _one(match: re.Match) -> str:
    space = match.group("space")
    if space is None:
        return match.group(0)
    return "\n" if "\n" in space or "\r" in space else " "


def minify(page: str) -> str:
    """`page` with each run of ASCII whitespace outside tags and verbatim elements made one character."""
    return _TOKEN.sub(_one, page)
