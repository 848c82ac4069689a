"""The Content-Security-Policy of every page, with a hash for each of its inline scripts.

A post-step, because the hashes depend on each page's final HTML (Material's own inline scripts,
the theme's, the root pages'). The policy allows the site's own scripts, styles, images (and the
`data:` icons in Material's CSS), its search worker and its own requests, and nothing else:
no other host, no inline event handler or `javascript:` URL, no plugin, no frame.

It goes first in <head> (after the charset, moved there too): a policy in a <meta> only governs
what follows it, and the root 404 page's script comes right after <head>.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
from pathlib import Path

REFERRER = '<meta name="referrer" content="no-referrer">'  # also in docs/overrides/partials/casefile-policy.html

DIRECTIVES = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),  # + a 'sha256-…' per inline script of the page
    ("style-src", "'self'"),  # Material sets styles through the CSSOM only, which the policy allows
    ("img-src", "'self' data:"),  # Material's CSS draws its icons from data: SVGs
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # the search index
    ("worker-src", "'self'"),  # the search worker
    ("manifest-src", "'self'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
)

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_EXECUTED_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\s*', re.I)
_CHARSET = re.compile(
    r"(<meta\s+charset=[\"']?utf-8[\"']?\s*/?>)[ \t\n\r\f]*", re.I
)  # moved with the line break after it
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)


def inline_hashes(page: str) -> list[str]:
    """'sha256-…' of every inline script the browser would run, in the order they appear."""
    hashes = []
    for match in _SCRIPT.finditer(page):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _EXECUTED_TYPES):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def policy(hashes=()) -> str:
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src" and hashes:
            value = " ".join([value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def apply(page: str) -> str:
    """`page` with its policy first in <head> (replacing one set before) and a referrer policy."""
    page = _CSP_META.sub("", page)
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy(inline_hashes(page)), quote=False)}">'
    )
    if 'name="referrer"' not in page:
        meta += REFERRER
    charset = _CHARSET.search(page)
    if charset is not None:  # the charset stays first; the policy comes right after it, before any script
        page = page[: charset.start()] + page[charset.end() :]
        meta = charset.group(1) + meta
    head = _HEAD.search(page)
    if head is None:
        raise RuntimeError("a page without <head>: cannot set its Content-Security-Policy")
    return page[: head.end()] + meta + page[head.end() :]


def run(out: Path, done=()) -> None:
    """Set the policy of every page under `out` but those below the folders in `done` (written
    with theirs, and not walked: the share pages are most of the files)."""
    done = {os.fspath(folder) for folder in done}
    for root, dirs, names in os.walk(out):
        dirs[:] = [name for name in dirs if os.path.join(root, name) not in done]
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as file:
                    text = file.read()
                with open(path, "w", encoding="utf-8") as file:
                    file.write(apply(text))
