"""The glossary: every term of data/glossary.yaml, in the alphabetical order of the page's language."""
import unicodedata

from ..escape import escape


def render(w, spec) -> None:
    w.heading(1, escape(spec.title[w.lang]), "glosario")
    w.add(escape(w.t("glossary_intro")), "")
    for term in sorted(w.dataset.glossary, key=lambda t: sort_key(t["term"][w.lang])):
        w.add(f'<div class="cf-term-entry" markdown="1">', "")
        w.heading(2, w.text(term["term"]), term["id"])
        if term.get("expansion"):
            w.add(f'<p class="cf-term-entry__expansion" markdown="span">{w.text(term["expansion"])}</p>', "")
        w.add(w.text(term["definition"]) + w.refs(term), "")
        w.add("</div>", "")


def sort_key(text: str) -> str:
    """Alphabetical order as readers expect it: accents, case and a leading # do not count."""
    folded = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return folded.lstrip("# ") or folded
