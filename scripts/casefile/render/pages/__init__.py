"""The page registry: the one place that names the site's pages and their files.

One module per page, same file name (and so the same URL) in both languages. A page's file name
is its URL forever: a renamed page keeps its old name in `former` (a redirect is built for it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from ...paths import DOCS


@dataclass(frozen=True)
class PageSpec:
    file: str  # Markdown file name; its URL is /<lang>/<name>/ and never changes
    title: dict  # {es, en}: page title and navigation label
    data: str | None  # the data file (stem) whose records the page shows; None for hand-written pages
    edit_path: str  # what "Edit this page" opens in the repository
    module: str  # the module in this folder whose render(page, spec) fills the page
    # The page's own anchors (role -> id), declared here only: the page module asks for them by
    # role, and `check` refuses a data id that takes one. Like the file name, never changed.
    sections: dict = field(default_factory=dict)

    def anchor(self, role: str) -> str:
        return self.sections[role]

    @property
    def render(self) -> Callable:
        """The page module's render(writer, spec). Imported when first asked for, so that reading
        the registry (as `check` does, to know the hand-written pages) loads no renderer or Jinja2."""
        return import_module(f"{__name__}.{self.module}").render

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
        """The page's preview image below /<lang>/ (made by publish/cards.py): 'cards/carta.png'."""
        return f"cards/{self.file.removesuffix('.md')}.png"


PAGES = (
    PageSpec(
        "index.md",
        {"es": "Inicio", "en": "Home"},
        "case",
        "data/case.yaml",
        "home",
        {
            "title": "inicio",
            "standfirst": "entrada",
            "latest": "estado",
            "figures": "cifras",
            "summary": "resumen",
            "next": "siguiente",
        },
    ),
    PageSpec(
        "carta.md",
        {"es": "La carta", "en": "The letter"},
        "letter",
        "data/letter.yaml",
        "letter",
        {"title": "la-carta", "header": "encabezado", "body": "cuerpo", "signatories": "firmas", "notes": "notas"},
    ),
    PageSpec(
        "plan-de-accion.md",
        {"es": "El 4.º Plan de Acción", "en": "The 4th Action Plan"},
        "commitments",
        "data/commitments.yaml",
        "plan",
        {"facts": "plan", "commitments": "compromisos"},
    ),
    PageSpec(
        "ejercito-espia.md",
        {"es": "#EjércitoEspía", "en": "#EjércitoEspía"},
        "findings",
        "data/findings.yaml",
        "findings",
        {"title": "hallazgos"},
    ),
    PageSpec(
        "firmantes.md",
        {"es": "Firmantes", "en": "Signatories"},
        "signatories",
        "data/signatories.yaml",
        "signatories",
        {"title": "firmantes"},
    ),
    PageSpec(
        "peticiones.md",
        {"es": "Peticiones", "en": "Requests"},
        "requests",
        "data/requests.yaml",
        "requests",
        {"title": "peticiones"},
    ),
    PageSpec(
        "cronologia.md",
        {"es": "Cronología", "en": "Timeline"},
        "timeline",
        "data/timeline.yaml",
        "timeline",
        {"title": "cronologia", "before": "antes", "letter": "carta-del-nosc", "after": "despues"},
    ),
    PageSpec(
        "fuentes.md",
        {"es": "Fuentes", "en": "Sources"},
        "sources",
        "data/sources.yaml",
        "sources",
        {
            "title": "fuentes",
            "letter": "fuentes-carta",
            "ogp": "fuentes-ogp",
            "official": "fuentes-oficiales",
            "reports": "fuentes-informes",
            "press": "fuentes-prensa",
            "web": "fuentes-web",
        },
    ),
    PageSpec(
        "glosario.md",
        {"es": "Glosario", "en": "Glossary"},
        "glossary",
        "data/glossary.yaml",
        "glossary",
        {"title": "glosario"},
    ),
    # its anchors are the ids of its headings, in the hand-written pages (anchors.py reads them)
    PageSpec("acerca.md", {"es": "Acerca de", "en": "About"}, None, "docs/{lang}/acerca.md", "about"),
)

BY_DATA = {page.data: page for page in PAGES if page.data}
LETTER = BY_DATA["letter"]
SOURCES = BY_DATA["sources"]
GLOSSARY = BY_DATA["glossary"]
# Pages where glossary terms are not explained: the glossary itself, and the sources page, a
# reference list where every element counts
TERMS_SKIPPED = (GLOSSARY, SOURCES)
