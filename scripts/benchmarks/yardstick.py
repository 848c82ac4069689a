"""The yardstick: the same rendered pages built by mkdocs-static-i18n in one MkDocs run.

mkdocs-static-i18n is the plugin most bilingual MkDocs sites use: one build, a folder per
language. The benchmark renders our pages with our own renderer, lays them out the way the
plugin expects (docs/es/…, docs/en/…), and times a plain `mkdocs build` of that project.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from .timing import ROOT


def available() -> bool:
    try:
        import mkdocs_static_i18n  # noqa: F401
    except ImportError:
        return False
    return True


def make_project(folder: Path) -> Path:
    """Write the yardstick project into `folder`; returns its mkdocs.yml."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from casefile import settings as settings_module
    from casefile.languages import LANGS, NAMES, ORIGINAL
    from casefile.render import render_language
    from casefile.validate import run as validate

    report = validate()
    if not report.ok:
        raise RuntimeError("data/ does not pass check; the benchmark needs valid data")
    settings = settings_module.load()
    docs = folder / "docs"
    for lang in LANGS:
        (docs / lang).mkdir(parents=True)
        render_language(report.dataset, lang, docs / lang, settings)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    base = dict(settings.base)
    base.pop("extra", None)
    config = {
        **base,
        "site_name": base.get("site_name", "case file"),
        "docs_dir": str(docs),
        "site_dir": str(folder / "site"),
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": [
            {"locale": lang, "name": NAMES[lang], "build": True, "default": lang == ORIGINAL} for lang in LANGS]}}],
    }
    config["theme"] = {k: v for k, v in base.get("theme", {}).items() if k != "custom_dir"}
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path
