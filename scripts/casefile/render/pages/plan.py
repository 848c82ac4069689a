"""The 4th National Action Plan: its facts, a table of its 13 commitments that links to each
one's detail, then every commitment, the one at stake highlighted."""

from markupsafe import Markup

from ...languages import LANGS
from ...text import normalise_space
from ..html import macros
from ..provenance import cite
from ..records import block, fact, former_anchors


def _m():
    return macros("plan.html")


def render(p, spec) -> None:
    plan = p.dataset.plan
    former_anchors(p, plan)
    p.heading(1, p.text(plan["name"]), plan["id"])
    p.heading(2, p.t("plan_facts"), spec.anchor("facts"))
    for record in plan["facts"]:
        fact(p, record)
    p.heading(2, p.t("commitments"), spec.anchor("commitments"))
    rows = [
        {
            "number": item["number"],
            "anchor": item["id"],
            "title": normalise_space(item["title"][p.lang]),
            "ogp_id": item["ogp_id"],
            "at_stake": bool(item.get("at_stake")),
        }
        for item in p.dataset.commitments
    ]
    p.block(
        _m().overview(
            p.t("commitments_overview"),
            [p.t("number_short"), p.t("commitment"), p.t("ogp_id")],
            p.t("at_stake_short"),
            rows,
        )
    )
    for item in p.dataset.commitments:
        _commitment(p, item)


def _commitment(p, item) -> None:
    rows = [(p.t("ogp_id"), Markup.escape(item["ogp_id"]))]
    own = item.get("own_translation", [])
    for lang in LANGS:
        marks = Markup(" ").join(cite(p, s) for s in item["title_sources"][lang])
        title = _m().title(
            normalise_space(item["title"][lang]),
            lang if lang != p.lang else None,
            p.t("own_translation") if lang in own else None,
            marks,
        )
        rows.append((p.t(f"title_{lang}"), title))
    between = ((_m().badge(p.t("at_stake")),) if item.get("at_stake") else ()) + (macros().fields(rows),)
    heading = (3, Markup("%s. ") % item["number"] + p.text(item["title"]), item["id"])

    def facts():
        for record in item.get("facts", []):
            fact(p, record, level=4)

    block(
        p,
        item,
        "cf-commitment cf-at-stake" if item.get("at_stake") else "cf-commitment",
        None,
        [],
        heading,
        between,
        facts,
    )
