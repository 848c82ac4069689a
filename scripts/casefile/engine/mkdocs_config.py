"""The per-language MkDocs configuration: the base mkdocs.yml (as read once) plus what a language needs.

This is the MkDocs-specific glue: everything here is what another builder would need in its own
format (language, navigation, search language, where the pages are), and nothing more.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from ..languages import LOCALES, NAMES, ORIGINAL
from ..paths import DOCS
from ..render.pages import PAGES
from ..render.strings import t

# What search splits text and queries at: every character but letters and digits (a JavaScript
# regular expression without flags, so the letters are ranges: Latin with its accents, and the
# other alphabets). lunr's trimmers are left out of the search's pipeline: lunr.es's cut the
# digits off a word's ends ("MX0081" -> "mx", "2023" -> nothing), and lunr's English one the
# accented letters ("está" -> "est"); with no punctuation left in a word they have nothing to do.
SEARCH_SEPARATOR = (
    r"[^0-9A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF\u2C00-\u2DFF\u3040-\uD7FF\uF900-\uFDFF]+"
)


def _markdown_extensions(base: list, lang: str) -> list:
    """The base extensions with the interface text that Python-Markdown prints made local."""
    localised = {
        "footnotes": {"BACKLINK_TITLE": t("footnote_backlink", lang), "SEPARATOR": "-"},  # as the renderer's notes
        "toc": {"permalink_title": t("permalink", lang)},
    }
    out = []
    for item in copy.deepcopy(base):
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        options = dict(options or {})
        options.update(localised.get(name, {}))
        out.append({name: options} if options else name)
    return out


def _palette(palette, lang: str):
    """The light/dark toggle, named in the page's language (the base file cannot say it in both)."""
    if not isinstance(palette, list):
        return palette
    names = {"default": t("palette_to_dark", lang), "slate": t("palette_to_light", lang)}
    out = copy.deepcopy(palette)
    for scheme in out:
        if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict) and scheme.get("scheme") in names:
            scheme["toggle"]["name"] = names[scheme["scheme"]]
    return out


def _casefile(lang: str, settings, langs) -> dict:
    """What our templates (docs/overrides) need: addresses, languages and interface text."""
    from ..publish.cards import SIZE

    return {
        "site_url": settings.site_url or "",  # "" when no address is configured: absolute tags are left out
        "root": settings.base_path,  # the path the site lives under: "/" or "/REPO/"
        "langs": list(langs),
        "original": ORIGINAL if ORIGINAL in langs else langs[0],
        "locales": {code: LOCALES[code] for code in langs},
        "card_size": list(SIZE),
        "not_found": {key: t(f"not_found_{key}", lang) for key in ("title", "text", "home", "search")},
        "share": {"copied": t("link_copied", lang), "select": t("link_select", lang), "field": t("link_field", lang)},
        "data_as_of": t("data_as_of", lang),  # partials/casefile-print-meta.html
    }


def _translation_notice(lang: str):
    """What docs/overrides/partials/casefile-translation.html shows atop every page of a translation."""
    if lang == ORIGINAL:
        return None
    return {"text": t("translation_banner", lang), "link": t("translation_banner_link", lang), "original": ORIGINAL}


def config(lang: str, docs_dir: Path, site_dir: Path, settings, langs, overrides: dict | None = None, terms=()) -> dict:
    base = copy.deepcopy(settings.base)
    out = dict(base)
    out.update(
        {
            "site_name": t("site_name", lang),
            "site_description": t("site_description", lang),
            "copyright": t("copyright", lang),
            "docs_dir": str(docs_dir),
            "site_dir": str(site_dir),
            "theme": {
                **base.get("theme", {}),
                "language": lang,
                "custom_dir": str(DOCS / "overrides"),
                "palette": _palette(base.get("theme", {}).get("palette"), lang),
            },
            "plugins": [{"search": {"lang": lang, "separator": SEARCH_SEPARATOR, "pipeline": ["stopWordFilter"]}}],
            "hooks": [str(Path(__file__).with_name("mkdocs_hooks.py"))],
            "nav": [{page.title[lang]: page.file} for page in PAGES],
            "extra": {
                **base.get("extra", {}),
                "lang": lang,
                "scope": settings.base_path,  # one dark/light choice for the whole site, not one per language
                "last_updated": t("last_updated", lang),  # partials/source-file.html
                "alternate": [{"name": NAMES[other], "lang": other, "link": f"/{other}/"} for other in langs],
                "casefile_translation": _translation_notice(lang),
            },
            "markdown_extensions": _markdown_extensions(base.get("markdown_extensions", []), lang),
        }
    )
    out.update(overrides or {})  # e.g. the bundled extra_css and extra_javascript
    out["extra"]["casefile"] = _casefile(lang, settings, langs)
    out["extra"]["casefile"]["terms"] = list(terms)  # the glossary, explained on every page by mkdocs_hooks.py
    out["extra"].pop("repository", None)  # our settings, not Material's: it would call api.github.com
    out["extra"].pop("repository_branch", None)
    if settings.site_url:
        out["site_url"] = settings.page_url(lang)
    else:
        out.pop("site_url", None)
    return out


def write(lang: str, stage: Path, site_dir: Path, settings, langs, overrides: dict | None = None, terms=()) -> Path:
    path = stage / f"mkdocs.{lang}.yml"
    text = yaml.safe_dump(
        config(lang, stage / lang, site_dir, settings, langs, overrides, terms), allow_unicode=True, sort_keys=False
    )
    path.write_text(text, "utf-8")
    return path
