"""What a citing record is called in the "cited in" lists (sources page, letter paragraphs)."""

from __future__ import annotations

from .page import excerpt
from .pages import BY_DATA, PAGES
from .strings import t


def label(record: dict, stem: str, lang: str, anchor: str) -> str:
    if stem == "requests" and "kind" in record:
        return f"{record.get('label', '')} {t('kind_' + record['kind'], lang)}".strip()
    if stem == "letter" and "mark" in record:
        return t("letter_fn_ref", lang, n=record["number"])
    for key in ("title", "name", "label", "term"):
        value = record.get(key)
        if isinstance(value, dict) and value.get(lang):
            return value[lang]
        if isinstance(value, str):
            return value
    text = record.get("text")
    if isinstance(text, dict) and text.get(lang):
        return excerpt(text[lang])
    return anchor


def places(citations, lang: str, skip_stems=()) -> list[tuple]:
    """The distinct places that `citations` come from, in the order of the site's pages:
    (page spec, anchor, label). Citations without an anchor, or from `skip_stems`, are left out."""
    order = {page.data: index for index, page in enumerate(PAGES)}
    seen = {}
    for c in sorted(citations, key=lambda c: order.get(c.stem, len(order))):
        if c.anchor is None or c.stem not in BY_DATA or c.stem in skip_stems:
            continue
        key = (BY_DATA[c.stem].file, c.anchor)
        if key not in seen:
            seen[key] = (BY_DATA[c.stem], c.anchor, label(c.record, c.stem, lang, c.anchor))
    return list(seen.values())
