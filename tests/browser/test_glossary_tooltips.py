"""Glossary terms explain themselves on keyboard focus and on hover, in the page's language.

A keyboard reader Tabs through the home page until the first SEDENA of the standfirst has focus;
Material's tooltip (role=tooltip, named by aria-describedby) must then show the term's
explanation from data/glossary.yaml. A mouse reader hovering a term sees the same.
"""

from __future__ import annotations

import pytest
import yaml

from casefile.paths import DATA
from casefile.render.terms import explanation

TERMS = {t["id"]: t for t in yaml.safe_load((DATA / "glossary.yaml").read_text("utf-8"))["terms"]}

TOOLTIP_OF_FOCUSED = """
() => {
  const el = document.activeElement;
  const id = el && el.getAttribute("aria-describedby");
  const tip = id && document.getElementById(id);
  if (!tip) return null;
  const inner = tip.firstElementChild;  // Material animates the inner box
  const r = inner ? inner.getBoundingClientRect() : {width: 0, height: 0};
  return {text: tip.textContent.trim(), role: tip.getAttribute("role"), active: tip.classList.contains("md-tooltip2--active"),
          visible: r.width > 0 && r.height > 0 && parseFloat(getComputedStyle(inner).opacity) > 0.5};
}
"""


def _tab_to(page, text: str, limit: int = 300):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(t) => document.activeElement.matches('abbr.cf-term') && document.activeElement.textContent === t", text
        ):
            return
    pytest.fail(f"no <abbr> reading {text!r} was reached with {limit} presses of Tab")


@pytest.mark.parametrize("lang", ("es", "en"))
def test_keyboard_focus_on_a_term_shows_its_definition(page, url, screenshots_dir, lang):
    page.goto(url(lang, ""))
    _tab_to(page, "SEDENA")
    page.wait_for_function(
        "() => { const t = (" + TOOLTIP_OF_FOCUSED + ")(); return !!t && t.active && t.visible; }", timeout=30_000
    )
    tip = page.evaluate(TOOLTIP_OF_FOCUSED)
    assert tip["role"] == "tooltip"
    assert tip["text"] == explanation(TERMS["termino-sedena"], lang)
    page.screenshot(path=str(screenshots_dir / f"{lang}-glossary-tooltip-focus.png"))

    tip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    page.keyboard.press("Tab")  # focus moves on: this term's tooltip goes
    page.wait_for_function(
        "(id) => !document.querySelector(`[id='${id}'].md-tooltip2--active`)", arg=tip_id, timeout=30_000
    )


@pytest.mark.parametrize("lang", ("es", "en"))
def test_hovering_a_term_shows_its_definition(page, url, lang):
    page.goto(url(lang, "ejercito-espia/"))
    term = page.locator("abbr.cf-term", has_text="Citizen Lab").first
    term.hover()
    tooltip = page.locator(".md-tooltip2.md-tooltip2--active[role=tooltip]")
    tooltip.wait_for(state="visible", timeout=30_000)
    assert tooltip.inner_text().strip() == explanation(TERMS["termino-citizen-lab"], lang)
