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


def write(out: Path, langs, dataset, settings) -> list[Path]:
    """Write out/<lang>/d/<id>/index.html for every shared id, with its Content-Security-Policy;
    returns the files written."""
    written = []
    records = shared_records(dataset)
    page = template("share.html")
    for lang in langs:
        site_name = t("site_name", lang)
        for item in records:
            spec = BY_DATA[item.stem]
            title, description = record_preview(dataset, item.stem, item.record, lang)
            page_url = settings.page_url(lang, spec.url)
            html = page.render(
                lang=lang,
                site_name=site_name,
                title=title,
                description=description,
                target=f"../../{spec.url}#{item.anchor}",
                go=t("share_go", lang),
                canonical=f"{page_url}#{item.anchor}" if page_url else None,
                share_url=settings.page_url(lang, share_path(item.id)),
                image=settings.page_url(lang, spec.card),
                image_size=SIZE,
                image_alt=" · ".join(card_lines(dataset, spec, lang)),
                locale=LOCALES[lang],
            )
            target = out / lang / share_path(item.id) / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(csp.apply(html), "utf-8")  # final here: csp.run is told to pass it by
            written.append(target)
    return written
