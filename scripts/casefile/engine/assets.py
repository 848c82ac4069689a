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

from .. import inputs
from ..errors import ProjectFileError
from ..paths import DOCS, MKDOCS_YML, display
from ..validate.config_shapes import docs_file

ASSETS = DOCS / "assets"


def _bundle(docs_dir: Path, entries: list, folder: str, stem: str, separator: str) -> list:
    """Join the files of `entries` (each a file of docs/assets/: validate/config_rules.py refuses
    the rest) into one; returns the one entry that replaces them."""
    if not entries:
        return []
    parts = []
    for entry in entries:
        text = _read(entry)
        if separator == "\n":  # stylesheets: their comments are for contributors, not for readers' downloads
            text = minify_css(text)
        parts.append(f"/* {entry} */\n" + text.rstrip() + "\n")
    body = separator.join(parts)
    name = f"{folder}/{stem}.{hashlib.sha256(body.encode()).hexdigest()[:8]}{Path(entries[0]).suffix}"
    (docs_dir / name).parent.mkdir(parents=True, exist_ok=True)
    (docs_dir / name).write_text(body, "utf-8")
    return [name]


def _read(entry: str) -> str:
    """The text of one bundled file, read as every input is: inside docs/assets/, never through a link."""
    try:
        raw = inputs.read_bytes(docs_file(entry), inputs.MAX_INPUT_BYTES)
        if len(raw) > inputs.MAX_INPUT_BYTES:
            raise inputs.Refused(f"{entry} is more than {inputs.MAX_INPUT_BYTES:,} bytes", "make it smaller")
        return raw.decode("utf-8")
    except inputs.Refused as refused:
        raise ProjectFileError(refused.what, refused.fix, display(MKDOCS_YML)) from None
    except UnicodeDecodeError:
        raise ProjectFileError(f"{entry} is not UTF-8 text", "save it as UTF-8", display(MKDOCS_YML)) from None


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
