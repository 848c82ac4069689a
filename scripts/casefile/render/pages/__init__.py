"""The page registry: the one place that names the site's pages and their files.

One module per page, same file name (and so the same URL) in both languages. A page's file name
is its URL forever: a renamed page keeps its old name in `former` (a redirect is built for it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ...paths import DOCS
from . import about, findings, glossary, home, letter, plan, requests, signatories, sources, timeline


@dataclass(frozen=True)
class PageSpec:
    file: str  # Markdown file name; its URL is /<lang>/<name>/ and never changes
    title: dict  # {es, en}: page title and navigation label
    data: str | None  # the data file (stem) whose records the page shows; None for hand-written pages
    edit_path: str  # what "Edit this page" opens in the repository
    render: Callable  # render(writer, spec) fills the page

    def inputs(self, lang: str, data_dir) -> list:
        """The files this page is made from: its date is the latest change among them."""
        if self.data is None:
            return [DOCS / lang / self.file]
        return [data_dir / f"{self.data}.yaml", data_dir / "sources.yaml"]  # its facts and their footnotes

    @property
    def url(self) -> str:
        """The page's path below /<lang>/: '' for the home page, 'carta/' for carta.md."""
        return "" if self.file == "index.md" else self.file.removesuffix(".md") + "/"

    @property
    def card(self) -> str:
        """The page's preview image below /<lang>/ (made by site/cards.py): 'cards/carta.png'."""
        return f"cards/{self.file.removesuffix('.md')}.png"


PAGES = (
    PageSpec("index.md", {"es": "Inicio", "en": "Home"}, "case", "data/case.yaml", home.render),
    PageSpec("carta.md", {"es": "La carta", "en": "The letter"}, "letter", "data/letter.yaml", letter.render),
    PageSpec("plan-de-accion.md", {"es": "El 4.º Plan de Acción", "en": "The 4th Action Plan"}, "commitments", "data/commitments.yaml", plan.render),
    PageSpec("ejercito-espia.md", {"es": "#EjércitoEspía", "en": "#EjércitoEspía"}, "findings", "data/findings.yaml", findings.render),
    PageSpec("firmantes.md", {"es": "Firmantes", "en": "Signatories"}, "signatories", "data/signatories.yaml", signatories.render),
    PageSpec("peticiones.md", {"es": "Peticiones", "en": "Requests"}, "requests", "data/requests.yaml", requests.render),
    PageSpec("cronologia.md", {"es": "Cronología", "en": "Timeline"}, "timeline", "data/timeline.yaml", timeline.render),
    PageSpec("fuentes.md", {"es": "Fuentes", "en": "Sources"}, "sources", "data/sources.yaml", sources.render),
    PageSpec("glosario.md", {"es": "Glosario", "en": "Glossary"}, "glossary", "data/glossary.yaml", glossary.render),
    PageSpec("acerca.md", {"es": "Acerca de", "en": "About"}, None, "docs/{lang}/acerca.md", about.render),
)

BY_DATA = {page.data: page for page in PAGES if page.data}
LETTER = BY_DATA["letter"]
SOURCES = BY_DATA["sources"]
GLOSSARY = BY_DATA["glossary"]
