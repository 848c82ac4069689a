"""What a citing record is called in the sources page's "cited in" lists."""
from __future__ import annotations

from .strings import t
from .writer import excerpt


def label(record: dict, stem: str, lang: str, anchor: str) -> str:
    if stem == "requests" and "kind" in record:
        return f"{record.get('label', '')} {t('kind_' + record['kind'], lang)}".strip()
    if stem == "letter" and "mark" in record:
        return t("letter_fn_ref", lang, n=record["number"])
    for key in ("title", "name", "label"):
        value = record.get(key)
        if isinstance(value, dict) and value.get(lang):
            return value[lang]
        if isinstance(value, str):
            return value
    text = record.get("text")
    if isinstance(text, dict) and text.get(lang):
        return excerpt(text[lang])
    return anchor
