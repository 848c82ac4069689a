"""Make the built pages valid HTML (the W3C Nu checker reports no error on any of them).

Material 9.8.1 writes `autocomplete="off"` on the hidden checkboxes of the navigation drawer and
the search (in base.html, outside any block an override can replace), so that Firefox does not
restore them open on reload. HTML allows `autocomplete` only on text-like inputs, so we drop it
here; casefile.js closes a drawer that a browser restored open.
"""

from __future__ import annotations

import re
from pathlib import Path

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')


def fix(html: str) -> str:
    """The page with `autocomplete` removed from every checkbox."""
    return _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), html)


def run(out: Path, langs) -> None:
    for lang in langs:
        for path in (out / lang).rglob("*.html"):
            text = path.read_text("utf-8")
            fixed = fix(text)
            if fixed != text:
                path.write_text(fixed, "utf-8")
