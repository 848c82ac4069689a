"""Share links: /<lang>/d/<id>/ for every record with an id, and for each of its former ids.

A share page is a tiny HTML file whose link preview is that record's (its title and text; the
image is the card of its page) and which sends the reader on to the record on its page at once:
by script before anything is painted, and by meta refresh without script. It is `noindex`, and
its canonical address is the record on its page. Which page shows a record comes from the data
file it is in (the page registry's BY_DATA); its anchor is its id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..languages import LOCALES
from ..load.records import walk
from ..render.pages import BY_DATA
from ..render.previews import card_lines, record_preview
from ..render.strings import t
from . import csp
from .cards import SIZE
from .templates import template

FOLDER = "d"  # /<lang>/d/<id>/


@dataclass(frozen=True)
class Shared:
    id: str  # the id in the share link (a record's id, or one of its former ids)
    anchor: str  # where the reader lands: the record's current id
    stem: str  # its data file
    record: dict


def shared_records(dataset) -> list[Shared]:
    """Every record with an id that a page shows, with its former ids, in file order."""
    out = []
    for stem, source in dataset.files.items():
        if source is None or stem not in BY_DATA:
            continue
        for _, record in walk(source.data):
            if isinstance(record.get("id"), str):
                out.append(Shared(record["id"], record["id"], stem, record))
                out += [Shared(old, record["id"], stem, record) for old in record.get("former_ids") or []]
    return out


def share_path(record_id: str) -> str:
    """The share page of an id, below /<lang>/: 'd/p9/'."""
    return f"{FOLDER}/{record_id}/"


def page_values(dataset, settings, lang: str, records=None):
    """(share id, the values share.html is rendered with) of every share page of `lang`;
    `records`: shared_records(dataset), if the caller has them."""
    site_name, go, locale = t("site_name", lang), t("share_go", lang), LOCALES[lang]
    alts = {}  # a page's card, described once per page
    for item in records if records is not None else shared_records(dataset):
        spec = BY_DATA[item.stem]
        if item.stem not in alts:
            alts[item.stem] = " · ".join(card_lines(dataset, spec, lang))
        title, description = record_preview(dataset, item.stem, item.record, lang)
        page_url = settings.page_url(lang, spec.url)
        yield (
            item.id,
            dict(
                lang=lang,
                site_name=site_name,
                title=title,
                description=description,
                target=f"../../{spec.url}#{item.anchor}",
                go=go,
                canonical=f"{page_url}#{item.anchor}" if page_url else None,
                share_url=settings.page_url(lang, share_path(item.id)),
                image=settings.page_url(lang, spec.card),
                image_size=SIZE,
                image_alt=alts[item.stem],
                locale=locale,
            ),
        )


def pages(langs, dataset, settings):
    """(lang, [(share id, its index.html)]) for each of `langs`: each page final, with its
    Content-Security-Policy (csp.run passes it by)."""
    records = shared_records(dataset)
    page = template("share.html")
    for lang in langs:
        yield (
            lang,
            [
                (record_id, csp.apply(page.render(**values)))
                for record_id, values in page_values(dataset, settings, lang, records)
            ],
        )


def write(out: Path, langs, dataset, settings) -> list[Path]:
    """Write out/<lang>/d/<id>/index.html for every shared id, with its Content-Security-Policy;
    returns the folders they are in (out/<lang>/d/, made with the first page: none without
    shared records), which hold nothing else."""
    folders = []
    for lang, rendered in pages(langs, dataset, settings):
        folder = out / lang / FOLDER
        for record_id, html in rendered:
            (folder / record_id).mkdir(parents=True, exist_ok=True)
            (folder / record_id / "index.html").write_text(html, "utf-8")
        folders.append(folder)
    return folders
