"""The 4th National Action Plan and its commitments, the one at stake highlighted."""
from ..escape import escape
from ...languages import LANGS


def render(w, spec) -> None:
    plan = w.dataset.plan
    w.former_anchors(plan)
    w.heading(1, w.text(plan["name"]), plan["id"])
    w.heading(2, w.t("plan_facts"), "plan")
    for fact in plan["facts"]:
        w.fact(fact)
    w.heading(2, w.t("commitments"), "compromisos")
    for item in w.dataset.commitments:
        _commitment(w, item)


def _commitment(w, item) -> None:
    anchor = item["id"]
    classes = "cf-commitment" + (" cf-at-stake" if item.get("at_stake") else "")
    w.add(f'<div class="{classes}" markdown="1">', "", w.record_tools(item), "")
    w.heading(3, f'{item["number"]}\\. {w.text(item["title"])}', anchor)
    if item.get("at_stake"):
        w.add(f'<p class="cf-badge" markdown="span">{escape(w.t("at_stake"))}</p>', "")
    own = item.get("own_translation", [])
    rows = [(w.t("ogp_id"), escape(item["ogp_id"]), "")]
    for lang in LANGS:
        value = escape(item["title"][lang])
        if lang != w.lang:
            value = f'<span lang="{lang}">{value}</span>'
        if lang in own:
            value += f" <em>({escape(w.t('own_translation'))})</em>"
        refs = " ".join(w.cite(s) for s in item["title_sources"][lang])
        rows.append((w.t(f"title_{lang}"), value, refs))
    w.add('<dl class="cf-fields" markdown="1">')
    for term, value, refs in rows:
        w.add(f'<dt markdown="span">{escape(term)}</dt>', f'<dd markdown="span">{value} {refs}</dd>')
    w.add("</dl>", "")
    for fact in item.get("facts", []):
        w.fact(fact, level=4)
    w.notes(item)
    w.add("</div>", "")
