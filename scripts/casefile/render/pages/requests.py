"""What the letter asks: the formal request, the actions and the condition."""
from ..escape import escape
from ...languages import ORIGINAL
from ...load.quotes import quoted


def render(w, spec) -> None:
    w.heading(1, escape(spec.title[w.lang]), "peticiones")
    w.add(escape(w.t("requests_intro")), "")
    for item in w.dataset.requests:
        anchor = item["id"]
        kind = w.t(f"kind_{item['kind']}")
        title = f"{item['label']} {kind}" if item.get("label") else kind
        w.add(f'<div class="cf-request cf-request--{item["kind"]}" markdown="1">', "", w.record_tools(item), "")
        w.heading(2, escape(title), anchor)
        if w.translated:
            w.add(f'<p class="cf-badge" markdown="span">{escape(w.t("translation_label"))}</p>', "")
        w.add(f"> {escape(quoted(w.dataset.letter, item, w.lang))}" + w.refs({"letter": item["letter"]}), "")
        if w.translated:
            w.original(escape(quoted(w.dataset.letter, item, ORIGINAL)), tag="blockquote")
        if item.get("text"):
            w.add(w.text(item["text"]) + w.refs({"sources": item.get("sources", [])}), "")
        elif item.get("sources"):
            w.add(w.refs({"sources": item["sources"]}), "")
        w.notes(item)
        w.add("</div>", "")
