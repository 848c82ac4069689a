"""The #EjércitoEspía findings, section by section."""

from ..records import fact, former_anchors


def render(p, spec) -> None:
    p.heading(1, spec.title[p.lang], spec.anchor("title"))
    for section in p.dataset.findings:
        former_anchors(p, section)
        p.heading(2, p.text(section["title"]), section["id"])
        for record in section["facts"]:
            fact(p, record)
