"""The per-language MkDocs configuration: the base mkdocs.yml (as read once) plus what a language needs.

This is the MkDocs-specific glue: everything here is what another builder would need in its own
format (language, navigation, search language, where the pages are), and nothing more.
"""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

from ..languages import NAMES
from ..paths import DOCS
from ..render.pages import PAGES
from ..render.strings import t


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


def config(lang: str, docs_dir: Path, site_dir: Path, settings, langs) -> dict:
    base = copy.deepcopy(settings.base)
    out = dict(base)
    out.update({
        "site_name": t("site_name", lang),
        "site_description": t("site_description", lang),
        "copyright": t("copyright", lang),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {**base.get("theme", {}), "language": lang, "custom_dir": str(DOCS / "overrides")},
        "plugins": [{"search": {"lang": lang, "pipeline": ["trimmer", "stopWordFilter"]}}],
        "nav": [{page.title[lang]: page.file} for page in PAGES],
        "extra": {
            **base.get("extra", {}),
            "lang": lang,
            "last_updated": t("last_updated", lang),  # partials/source-file.html
            "alternate": [{"name": NAMES[other], "lang": other, "link": f"/{other}/"} for other in langs],
        },
        "markdown_extensions": _markdown_extensions(base.get("markdown_extensions", []), lang),
    })
    out["extra"].pop("repository", None)  # our settings, not Material's: it would call api.github.com
    out["extra"].pop("repository_branch", None)
    if settings.site_url:
        out["site_url"] = settings.page_url(lang)
    else:
        out.pop("site_url", None)
    return out


def write(lang: str, stage: Path, site_dir: Path, settings, langs) -> Path:
    path = stage / f"mkdocs.{lang}.yml"
    path.write_text(yaml.safe_dump(config(lang, stage / lang, site_dir, settings, langs), allow_unicode=True, sort_keys=False), "utf-8")
    return path
