"""A language's MkDocs output, kept by the preview: when nothing MkDocs reads for a language
changed since the last rebuild, its last output is written again instead of running MkDocs.

Off unless `enable()` was called (`build` always runs MkDocs). What MkDocs reads for a language
is its rendered pages and staged assets (the stage folder), its configuration (with the two
temporary folders' names left out), the theme overrides in docs/overrides/ and the hooks file;
the installed MkDocs, Material and our Markdown extensions do not change while serve runs (a
change to scripts/ needs a restart). Each rebuild fingerprints these, and a language whose
fingerprint is the last one's gets the files MkDocs wrote then, taken before any post-step
touched them: the post-steps then run on every language as in `build`, so the preview is made
of the same bytes either way.

An edit in docs/es/ leaves the English output as it was, and most data edits change the pages
of one language only (a text in Spanish), so one MkDocs run instead of two.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..paths import DOCS

HOOKS = Path(__file__).with_name("mkdocs_hooks.py")

_outputs: dict[str, tuple[str, dict[str, bytes]]] | None = None  # lang -> (fingerprint, {path: bytes}); None: off


def enable() -> None:
    global _outputs
    if _outputs is None:
        _outputs = {}


def enabled() -> bool:
    return _outputs is not None


def _files(folder: Path):
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            yield path.relative_to(folder).as_posix(), path


def fingerprint(docs_dir: Path, config_file: Path, site_dir: Path) -> str | None:
    """What MkDocs would read to build `site_dir` from `docs_dir` with `config_file`; None when off."""
    if _outputs is None:
        return None
    digest = hashlib.sha256()
    config = config_file.read_text("utf-8").replace(str(docs_dir), "<docs_dir>").replace(str(site_dir), "<site_dir>")
    digest.update(config.encode("utf-8"))
    for label, folder in (("docs", docs_dir), ("overrides", DOCS / "overrides")):
        for name, path in _files(folder):
            digest.update(f"\0{label}/{name}\0".encode("utf-8"))
            digest.update(path.read_bytes())
    digest.update(b"\0hooks\0" + HOOKS.read_bytes())
    return digest.hexdigest()


def restore(lang: str, key: str | None, site_dir: Path) -> bool:
    """Write the kept output of `lang` into `site_dir` if it was made from the same inputs."""
    if _outputs is None or key is None or _outputs.get(lang, ("", {}))[0] != key:
        return False
    for name, data in _outputs[lang][1].items():
        path = site_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return True


def keep(lang: str, key: str | None, site_dir: Path) -> None:
    """Remember what MkDocs just wrote into `site_dir` (before the post-steps change it)."""
    if _outputs is None or key is None:
        return
    _outputs[lang] = (key, {name: path.read_bytes() for name, path in _files(site_dir)})
