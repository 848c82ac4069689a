"""The glossary's terms as abbreviation definitions, appended to a page's Markdown.

Each form of a term (data/glossary.yaml `forms`, or the term itself) becomes a Python-Markdown
abbreviation definition, `*[SEDENA]: Secretaría de la Defensa Nacional (…). Mexico's defence
ministry…`; site/terms_extension.py then explains the term where it first appears in each section.
"""
from __future__ import annotations

from ..text import normalise_space


def explanation(term: dict, lang: str) -> str:
    """What the tooltip says: the expansion (if any), then the definition."""
    parts = [term["expansion"][lang]] if term.get("expansion") else []
    parts.append(term["definition"][lang])
    return normalise_space(". ".join(p.rstrip(".") for p in parts[:-1]) + (". " if parts[:-1] else "") + parts[-1])


def forms(term: dict, lang: str) -> list[str]:
    return list((term.get("forms") or {}).get(lang) or [term["term"][lang]])


def definitions(glossary: list, lang: str) -> list[str]:
    """Markdown lines `*[form]: explanation`, one per form of every term."""
    lines = []
    for term in glossary:
        text = explanation(term, lang)
        for form in forms(term, lang):
            lines.append(f"*[{form}]: {text}")
    return lines
