"""The signatory organisations, named exactly as the letter names them."""
from ..escape import escape, link_html
from ...languages import ORIGINAL


def render(w, spec) -> None:
    w.heading(1, escape(spec.title[w.lang]), "firmantes")
    w.add(escape(w.t("signatories_intro")), "")
    for item in w.dataset.signatories:
        anchor = item["id"]
        w.add('<div class="cf-signatory" markdown="1">', "", w.record_tools(item), "")
        w.heading(2, f'<span lang="{ORIGINAL}">{escape(item["name"])}</span>' if w.translated else escape(item["name"]), anchor)
        w.add('<dl class="cf-fields" markdown="1">')
        if item.get("short_name"):
            w.add(f'<dt markdown="span">{escape(w.t("short_name"))}</dt>', f'<dd markdown="span">{escape(item["short_name"])}{w.refs(item)}</dd>')
        if item.get("website"):
            w.add(f'<dt markdown="span">{escape(w.t("website"))}</dt>', f'<dd markdown="span">{link_html(item["website"])}</dd>')
        w.add("</dl>", "")
        w.notes(item)
        w.add("</div>", "")
