"""The signatory organisations, named exactly as the letter names them."""
from ..markdown import escape, link_html


def render(w, spec) -> None:
    w.heading(1, escape(spec.title[w.lang]), "firmantes")
    w.add(escape(w.t("signatories_intro")), "")
    for item in w.dataset.signatories:
        anchor = item["id"]
        label = {"es": item["name"], "en": item["name"]}
        w.add('<div class="cf-signatory" markdown="1">', "")
        w.heading(2, f'<span lang="es">{escape(item["name"])}</span>' if w.lang != "es" else escape(item["name"]), anchor)
        w.add('<dl class="cf-fields" markdown="1">')
        if item.get("short_name"):
            w.add(f'<dt markdown="span">{escape(w.t("short_name"))}</dt>', f'<dd markdown="span">{escape(item["short_name"])}{w.refs(item, anchor, label)}</dd>')
        if item.get("website"):
            w.add(f'<dt markdown="span">{escape(w.t("website"))}</dt>', f'<dd markdown="span">{link_html(item["website"])}</dd>')
        w.add("</dl>", "")
        w.notes(item, anchor, label)
        w.add("</div>", "")
