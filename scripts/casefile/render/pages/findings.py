"""The #EjércitoEspía findings, section by section."""
from ..escape import escape


def render(w, spec) -> None:
    w.heading(1, escape(spec.title[w.lang]), "hallazgos")
    for section in w.dataset.findings:
        w.former_anchors(section)
        w.heading(2, w.text(section["title"]), section["id"])
        for fact in section["facts"]:
            w.fact(fact)
