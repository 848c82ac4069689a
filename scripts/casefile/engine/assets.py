"""The site's own assets, staged for MkDocs: copied, with our CSS and JavaScript each joined into one file.

Contributors keep one file per concern in docs/assets/ (listed in mkdocs.yml's `extra_css` and
`extra_javascript`); readers download one stylesheet and one script, named by their content so
that a host may cache `assets/` for ever. Files that are bundled are not copied on their own.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from ..paths import DOCS

ASSETS = DOCS / "assets"


def _bundle(docs_dir: Path, entries: list, folder: str, stem: str, separator: str) -> list:
    """Join the local files among `entries` into one; returns the new list of entries."""
    local = [e for e in entries if isinstance(e, str) and not e.startswith(("http:", "https:", "//"))]
    if not local:
        return list(entries)
    parts = []
    for entry in local:
        text = (DOCS / entry).read_text("utf-8")
        if separator == "\n":  # stylesheets: their comments are for contributors, not for readers' downloads
            text = minify_css(text)
        parts.append(f"/* {entry} */\n" + text.rstrip() + "\n")
    body = separator.join(parts)
    name = f"{folder}/{stem}.{hashlib.sha256(body.encode()).hexdigest()[:8]}{Path(local[0]).suffix}"
    (docs_dir / name).parent.mkdir(parents=True, exist_ok=True)
    (docs_dir / name).write_text(body, "utf-8")
    bundled = iter([name])
    out = []
    for entry in entries:
        if entry in local:
            first = next(bundled, None)
            if first:
                out.append(first)
        else:
            out.append(entry)
    return out


def minify_css(css: str) -> str:
    """The stylesheet without its comments, indentation and blank lines (a third of our CSS)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return "\n".join(line.strip() for line in css.splitlines() if line.strip())


def stage(docs_dir: Path, base: dict) -> dict:
    """Copy docs/assets into `docs_dir`, bundling; returns the config entries that replace the base's."""
    css = list(base.get("extra_css") or [])
    js = list(base.get("extra_javascript") or [])
    joined = {e for e in css + js if isinstance(e, str)}
    shutil.copytree(
        ASSETS,
        docs_dir / "assets",
        symlinks=True,  # inputs.check refused every link
        ignore=lambda folder, names: [n for n in names if (Path(folder) / n).relative_to(DOCS).as_posix() in joined],
    )
    return {
        "extra_css": _bundle(docs_dir, css, "assets/stylesheets", "casefile", "\n"),
        "extra_javascript": _bundle(docs_dir, js, "assets/javascripts", "casefile", ";\n"),
    }
