"""The glossary: every term of data/glossary.yaml, in the alphabetical order of the page's language."""

import unicodedata

from ..html import macros
from ..provenance import text_refs
from ..records import block


def render(p, spec) -> None:
    p.heading(1, spec.title[p.lang], spec.anchor("title"))
    p.paragraph(p.t("glossary_intro"))
    for term in sorted(p.dataset.glossary, key=lambda t: sort_key(t["term"][p.lang])):
        expansion = (macros("glossary.html").expansion(p.text(term["expansion"])),) if term.get("expansion") else ()
        block(
            p,
            term,
            "cf-term-entry",
            None,
            [text_refs(p, {**term, "text": term["definition"]})],
            (2, p.text(term["term"]), term["id"]),
            expansion,
        )


def sort_key(text: str) -> str:
    """Alphabetical order as readers expect it: accents, case and a leading # do not count."""
    folded = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return folded.lstrip("# ") or folded
