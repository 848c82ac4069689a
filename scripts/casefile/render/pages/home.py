"""Home: the case in a few lines, the key figures, and where to go next."""
from ..escape import escape


def render(w, spec) -> None:
    w.heading(1, escape(w.t("site_name")), "inicio")
    w.heading(2, w.t("summary"), "resumen")
    for fact in w.dataset.summary:
        w.fact(fact)
    w.heading(2, w.t("key_figures"), "cifras")
    w.add('<div class="cf-figures" markdown="1">', "")
    for figure in w.dataset.key_figures:
        w.add(f'<div class="cf-figure" id="{figure["id"]}" markdown="1">', "", w.record_tools(figure), "")
        w.add(f'<span class="cf-figure__value">{w.text(figure["value"])}</span>', "")
        w.add(f'<span class="cf-figure__label">{w.text(figure["label"])}</span>' + w.refs(figure), "")
        w.add("</div>", "")
    w.add("</div>", "")
    w.heading(2, w.t("next"), "siguiente")
    from . import PAGES  # the registry imports this module, so it is looked up at render time
    for page in PAGES[1:]:
        w.add(f"- [{escape(page.title[w.lang])}]({page.file})")
    w.add("")
