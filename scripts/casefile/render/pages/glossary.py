"""The glossary: every term of data/glossary.yaml, in the alphabetical order of the page's language."""
import unicodedata

from ..escape import escape
from ..html import macros, safe


def render(w, spec) -> None:
    w.heading(1, escape(spec.title[w.lang]), "glosario")
    w.add(escape(w.t("glossary_intro")), "")
    for term in sorted(w.dataset.glossary, key=lambda t: sort_key(t["term"][w.lang])):
        w.add(str(macros().block_open("cf-term-entry")), "", w.record_tools(term), "")
        w.heading(2, w.text(term["term"]), term["id"])
        if term.get("expansion"):
            w.add(str(macros("glossary.html").expansion(safe(w.text(term["expansion"])))), "")
        w.add(w.text(term["definition"]) + w.refs(term), "")
        w.add("</div>", "")


def sort_key(text: str) -> str:
    """Alphabetical order as readers expect it: accents, case and a leading # do not count."""
    folded = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return folded.lstrip("# ") or folded
