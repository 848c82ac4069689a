"""robots.txt, the root sitemap index, and each language's sitemap.

Each language's sitemap lists its pages, each with its twin in every language (and x-default,
the original) as `xhtml:link` alternates, and `lastmod` = the date the page's facts last
changed (from git, as in the pages' front matter), never the build's clock. Sitemaps need
absolute addresses: with no site address only robots.txt is written, without a Sitemap line.
Share pages (/<lang>/d/<id>/) are `noindex` and not listed.
"""

from __future__ import annotations

from pathlib import Path

from ..languages import ORIGINAL
from ..load.history import last_changed
from ..render.pages import PAGES
from .templates import render


def write(out: Path, langs, dataset, settings) -> list[Path]:
    written = [
        _write(
            out / "robots.txt",
            render("robots.txt", sitemap=f"{settings.site_url}sitemap.xml" if settings.site_url else None),
        )
    ]
    if not settings.site_url:
        return written
    default = ORIGINAL if ORIGINAL in langs else langs[0]
    index = []
    for lang in langs:
        urls = []
        for spec in PAGES:
            alternates = [(other, settings.page_url(other, spec.url)) for other in langs]
            alternates.append(("x-default", settings.page_url(default, spec.url)))
            urls.append(
                {
                    "loc": settings.page_url(lang, spec.url),
                    "alternates": alternates,
                    "lastmod": last_changed(spec.inputs(lang, dataset.directory)),
                }
            )
        written.append(_write(out / lang / "sitemap.xml", render("sitemap.xml", urls=urls)))
        dates = [u["lastmod"] for u in urls if u["lastmod"]]
        index.append({"loc": settings.page_url(lang, "sitemap.xml"), "lastmod": max(dates) if dates else None})
    written.append(_write(out / "sitemap.xml", render("sitemap-index.xml", sitemaps=index)))
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path
