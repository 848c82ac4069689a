"""The signatory organisations, named exactly as the letter names them."""

from markupsafe import Markup

from ...languages import ORIGINAL
from ..html import macros
from ..provenance import refs
from ..records import block


def render(p, spec) -> None:
    p.heading(1, spec.title[p.lang], spec.anchor("title"))
    p.paragraph(p.t("signatories_intro"))
    for item in p.dataset.signatories:
        name = macros().inline(item["name"], ORIGINAL) if p.translated else Markup.escape(item["name"])
        rows = []
        if item.get("short_name"):
            rows.append((p.t("short_name"), Markup.escape(item["short_name"]) + refs(p, item)))
        if item.get("website"):
            rows.append((p.t("website"), macros().link(item["website"], item["website"])))
        block(p, item, "cf-signatory", None, [], (2, name, item["id"]), (macros().fields(rows),))
