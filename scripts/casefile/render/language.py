"""A language's pages: every page of the registry rendered into Markdown files."""
from __future__ import annotations

from pathlib import Path

from ..load import history
from .finished_body import Unfinishable, finishable
from .pages import GLOSSARY, PAGES, SOURCES
from .previews import card_lines, page_description
from .terms import definitions
from .writer import PageWriter

RENDER = {spec.file: spec.render for spec in PAGES}  # each page's render(writer, spec): its module loads with the renderer


def render_language(dataset, lang: str, docs_dir: Path, settings) -> list[Path]:
    """Write every page of `lang` into `docs_dir`; returns the files written."""
    history.start()  # git answers while the pages are rendered; their dates are asked for last
    rendered = []
    terms = definitions(dataset.glossary, lang)
    finish, shared = finishable(terms), {}  # shared: the source notes' definitions, made once
    for spec in PAGES:
        writer = PageWriter(dataset, lang, spec.file, settings, finish=finish, shared=shared)
        try:
            RENDER[spec.file](writer, spec)
        except Unfinishable:
            writer = None
        if writer is None or not writer.complete:  # some footnote mark stayed Markdown: all of them must
            writer = PageWriter(dataset, lang, spec.file, settings, shared=shared)
            RENDER[spec.file](writer, spec)
        if spec not in (GLOSSARY, SOURCES):  # terms are explained where they appear; not in the glossary itself
            # nor on the sources page, a reference list where every element counts
            writer.add("", *terms)
        rendered.append((spec, writer))
    written = []
    for spec, writer in rendered:
        updated = history.last_changed(spec.inputs(lang, dataset.directory))
        page = writer.markdown(spec.title[lang], settings.edit_url(spec.edit_path.format(lang=lang)), updated=updated,
                               description=page_description(dataset, spec, lang), meta=_preview_image(dataset, spec, lang))
        path = docs_dir / spec.file
        path.write_text(page, "utf-8")
        written.append(path)
    return written


def _preview_image(dataset, spec, lang: str) -> dict:
    """Front matter for the page's card (drawn by site/cards.py from the same lines)."""
    return {"image": spec.card, "image_alt": " · ".join(card_lines(dataset, spec, lang))}
