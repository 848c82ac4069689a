"""A record's block on a page: its tools (the share link), its heading, its text with where it
comes from, and its notes."""

from __future__ import annotations

from markupsafe import Markup

from .html import macros
from .provenance import text_refs

ADMONITIONS = {"discrepancy": "warning", "unverified": "question", "context": "info"}


def tools(page, record: dict, share: bool = True, inline: bool = False) -> Markup:
    """A record's "copy link" control (a link to its share page) and an empty anchor for each of
    its `former_ids`; `inline`: inside a line of text."""
    make = macros().share_inline if inline else macros().tools
    return make(page.share_href(record) if share else None, page.t("copy_link"), record.get("former_ids") or [])


def former_anchors(page, record: dict) -> None:
    """Empty anchors for a record without a block of its own (a section heading)."""
    if record.get("former_ids"):
        page.block(tools(page, record, share=False))


def notes(page, record: dict) -> list[tuple]:
    """(admonition kind, title, text HTML) of each of a record's notes."""
    return [(ADMONITIONS[n["kind"]], page.t(f"note_{n['kind']}"), text_refs(page, n)) for n in record.get("notes", [])]


def fact(page, record: dict, level: int = 3, classes: str = "") -> None:
    """A fact: its heading (when it has a title) or an anchored block, its text, its notes."""
    title = record.get("title")
    heading = (level, page.text(title), record["id"]) if title else None
    block(
        page, record, f"cf-fact {classes}".strip(), None if title else record["id"], [text_refs(page, record)], heading
    )


def block(
    page,
    record: dict,
    classes: str,
    anchor: str | None,
    paragraphs: list,
    heading: tuple | None = None,
    between: tuple = (),
    inner=None,
) -> None:
    """A record's block: its tools, its heading (level, content, anchor) if any, the `between`
    pieces of HTML, whatever `inner()` adds to the page (records within this one), then its
    paragraphs (HTML) and its notes."""
    body = macros().body([p for p in paragraphs if p], notes(page, record))
    nested = heading is not None or inner is not None  # Markdown headings inside: Python-Markdown reads the block
    opening = macros().open(classes, anchor, nested) + Markup("\n") + tools(page, record)
    if not nested:
        page.block(Markup("\n").join([opening, *between, body, Markup("</div>")]))
        return
    page.block(opening)
    if heading is not None:
        page.heading(*heading)
    if inner is not None:
        if between:
            page.block(Markup("\n").join(between))
        inner()
        between = ()
    page.block(Markup("\n").join([*between, body, Markup("</div>")]))
