"""A language's pages: every page of the registry rendered into Markdown files."""

from __future__ import annotations

from pathlib import Path

from ..load import history
from .page import Page
from .pages import PAGES, TERMS_SKIPPED
from .previews import card_lines, page_description

RENDER = {
    spec.file: spec.render for spec in PAGES
}  # each page's render(page, spec): its module loads with the renderer


def render_language(dataset, lang: str, docs_dir: Path, settings) -> list[Path]:
    """Write every page of `lang` into `docs_dir`; returns the files written."""
    history.start()  # git answers while the pages are rendered; their dates are asked for last
    shared, pages = {}, []  # shared: the source notes' texts, made once
    for spec in PAGES:
        page = Page(dataset, lang, spec, settings, shared)
        RENDER[spec.file](page, spec)
        pages.append(page)
    written = []
    for page in pages:
        spec = page.spec
        front = {
            "title": spec.title[lang],
            "edit_url": settings.edit_url(spec.edit_path.format(lang=lang)),
            "updated": history.last_changed(spec.inputs(lang, dataset.directory)),
            "description": page_description(dataset, spec, lang),
            "image": spec.card,  # the page's card, drawn by the build from the same lines
            "image_alt": " · ".join(card_lines(dataset, spec, lang)),
            "terms": False if spec in TERMS_SKIPPED else None,  # read by the glossary step after Markdown
        }
        if front["updated"]:
            front["updated_label"] = page.date(front["updated"])  # shown by partials/source-file.html
        path = docs_dir / spec.file
        path.write_text(page.markdown(front), "utf-8")
        written.append(path)
    return written
