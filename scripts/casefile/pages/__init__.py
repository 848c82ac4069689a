"""The site's pages: one module each, same file name (and so the same URL) in both languages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import about, findings, home, letter, plan, requests, signatories, sources, timeline


@dataclass(frozen=True)
class PageSpec:
    file: str  # Markdown file name; its URL is /<lang>/<name>/ and never changes
    title: dict  # {es, en}: page title and navigation label
    edit_path: str  # what "Edit this page" opens in the repository
    render: Callable | None  # render(writer) fills the page; None for hand-written pages in docs/<lang>/


PAGES = (
    PageSpec("index.md", {"es": "Inicio", "en": "Home"}, "data/case.yaml", home.render),
    PageSpec("carta.md", {"es": "La carta", "en": "The letter"}, "data/letter.yaml", letter.render),
    PageSpec("plan-de-accion.md", {"es": "El 4.º Plan de Acción", "en": "The 4th Action Plan"}, "data/commitments.yaml", plan.render),
    PageSpec("ejercito-espia.md", {"es": "#EjércitoEspía", "en": "#EjércitoEspía"}, "data/findings.yaml", findings.render),
    PageSpec("firmantes.md", {"es": "Firmantes", "en": "Signatories"}, "data/signatories.yaml", signatories.render),
    PageSpec("peticiones.md", {"es": "Peticiones", "en": "Requests"}, "data/requests.yaml", requests.render),
    PageSpec("cronologia.md", {"es": "Cronología", "en": "Timeline"}, "data/timeline.yaml", timeline.render),
    PageSpec("fuentes.md", {"es": "Fuentes", "en": "Sources"}, "data/sources.yaml", sources.render),
    PageSpec("acerca.md", {"es": "Acerca de", "en": "About"}, "docs/{lang}/acerca.md", about.render),
)
