"""What the letter asks: the formal request, the actions and the condition."""

from ...languages import ORIGINAL
from ...load.quotes import quoted
from .. import escape
from ..html import macros
from ..provenance import refs
from ..records import block


def render(p, spec) -> None:
    p.heading(1, spec.title[p.lang], spec.anchor("title"))
    p.paragraph(p.t("requests_intro"))
    for item in p.dataset.requests:
        kind = p.t(f"kind_{item['kind']}")
        title = f"{item['label']} {kind}" if item.get("label") else kind
        text = escape.html(quoted(p.dataset.letter, item, p.lang)) + refs(p, {"letter": item["letter"]})
        original = None
        if p.translated:
            original = p.original(
                macros().paragraph(escape.html(quoted(p.dataset.letter, item, ORIGINAL))), tag="blockquote"
            )
        quote = macros("requests.html").quote(text, p.t("translation_label") if p.translated else None, original)
        paragraph = p.text(item["text"]) if item.get("text") else None
        if item.get("sources"):
            paragraph = (paragraph or "") + refs(p, {"sources": item["sources"]})
        block(p, item, f"cf-request cf-request--{item['kind']}", None, [paragraph], (2, title, item["id"]), (quote,))
