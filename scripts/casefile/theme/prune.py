"""Material's files that nobody downloads, removed from each language's site."""

from __future__ import annotations

from pathlib import Path

# Material's search worker loads lunr's stemmer support and the page language's stemmer, except for
# English, which lunr itself knows.
KEEP_LUNR = {"es": {"lunr.stemmer.support.min.js", "lunr.multi.min.js", "lunr.es.min.js"}, "en": set()}
UNUSED_THEME_FILES = ("assets/images/favicon.png",)  # the theme's own favicon; ours is favicon.svg


def language(site: Path, lang: str) -> None:
    """What one language's site does not need of the theme (run with its other steps)."""
    _prune(site, lang)


def _prune(site: Path, lang: str) -> None:
    """Source maps, the stemmers of languages we do not use and the theme's unused favicon: 2 MB
    that nobody downloads."""
    for path in site.glob("assets/**/*.map"):
        path.unlink()
    for path in (site / "assets/javascripts/lunr/min").glob("*.js"):
        if path.name not in KEEP_LUNR.get(lang, KEEP_LUNR["es"]):
            path.unlink()
    for name in UNUSED_THEME_FILES:
        (site / name).unlink(missing_ok=True)
    for name in ("tinyseg.js", "wordcut.js"):
        (site / "assets/javascripts/lunr" / name).unlink(missing_ok=True)
