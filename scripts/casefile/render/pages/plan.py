"""The 4th National Action Plan: its facts, a table of its 13 commitments that links to each
one's detail, then every commitment, the one at stake highlighted."""
from ..escape import escape
from ..html import macros, safe
from ...languages import LANGS
from ...text import normalise_space


def _m():
    return macros("plan.html")


def render(w, spec) -> None:
    plan = w.dataset.plan
    w.former_anchors(plan)
    w.heading(1, w.text(plan["name"]), plan["id"])
    w.heading(2, w.t("plan_facts"), "plan")
    for fact in plan["facts"]:
        w.fact(fact)
    w.heading(2, w.t("commitments"), "compromisos")
    _overview(w)
    for item in w.dataset.commitments:
        _commitment(w, item)


def _overview(w) -> None:
    rows = [{"number": item["number"], "anchor": item["id"], "title": normalise_space(item["title"][w.lang]),
             "ogp_id": item["ogp_id"], "at_stake": bool(item.get("at_stake"))} for item in w.dataset.commitments]
    headers = [w.t("number_short"), w.t("commitment"), w.t("ogp_id")]
    w.add(str(_m().overview(w.t("commitments_overview"), headers, w.t("at_stake_short"), rows)), "")


def _commitment(w, item) -> None:
    w.add(str(_m().commitment_open(item.get("at_stake"))), "")
    w.heading(3, f'{item["number"]}\\. {w.text(item["title"])}', item["id"])
    w.add(w.record_tools(item), "")
    if item.get("at_stake"):
        w.add(str(_m().badge(w.t("at_stake"))), "")
    own = item.get("own_translation", [])
    rows = [(w.t("ogp_id"), escape(item["ogp_id"]))]
    for lang in LANGS:
        value = escape(item["title"][lang])
        if lang != w.lang:
            value = str(macros().inline(safe(value), lang))
        if lang in own:
            value += " " + str(_m().own_translation(w.t("own_translation")))
        refs = " ".join(w.cite(s) for s in item["title_sources"][lang])
        rows.append((w.t(f"title_{lang}"), f"{value} {refs}"))
    w.add(str(_m().fields([(term, safe(value)) for term, value in rows])), "")
    for fact in item.get("facts", []):
        w.fact(fact, level=4, depth=2)  # in the commitment's block
    w.notes(item)
    w.add(str(_m().commitment_close()), "")
