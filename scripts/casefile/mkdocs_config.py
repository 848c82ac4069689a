"""Write the per-language MkDocs configuration that INHERITs the base mkdocs.yml.

This is the MkDocs-specific glue: everything here is what another builder would need in its own
format (language, navigation, search language, where the pages are), and nothing more.
"""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

from .i18n import NAMES, t
from .pages import PAGES
from .paths import DOCS, MKDOCS_YML


def _markdown_extensions(base: list, lang: str) -> list:
    """The base extensions with the interface text that Python-Markdown prints made local."""
    localised = {
        "footnotes": {"BACKLINK_TITLE": t("footnote_backlink", lang), "SEPARATOR": "-"},
        "toc": {"permalink_title": t("permalink", lang)},
    }
    out = []
    for item in copy.deepcopy(base):
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        options = dict(options or {})
        options.update(localised.get(name, {}))
        out.append({name: options} if options else name)
    return out


def write(lang: str, stage: Path, site_dir: Path, settings, langs) -> Path:
    base = yaml.safe_load(MKDOCS_YML.read_text("utf-8"))
    config = {
        "INHERIT": str(MKDOCS_YML),
        "site_name": t("site_name", lang),
        "site_description": t("site_description", lang),
        "copyright": t("copyright", lang),
        "site_url": f"{settings.site_url}{lang}/",
        "docs_dir": str(stage / lang),
        "site_dir": str(site_dir),
        "theme": {"language": lang, "custom_dir": str(DOCS / "overrides")},
        "plugins": [{"search": {"lang": lang, "pipeline": ["trimmer", "stopWordFilter"]}}],
        "nav": [{page.title[lang]: page.file} for page in PAGES],
        "extra": {
            "lang": lang,
            "site_root": settings.site_url,
            "alternate": [{"name": NAMES[other], "lang": other, "link": f"/{other}/"} for other in langs],
        },
        "markdown_extensions": _markdown_extensions(base["markdown_extensions"], lang),
    }
    path = stage / f"mkdocs.{lang}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path
